package org.lurewatch.alert;

import java.util.Map;
import org.lurewatch.assess.Contact;
import org.lurewatch.assess.ContactType;
import org.lurewatch.assess.ScoredPost;

/**
 * The country a post concerns, for routing: the feed's hint if it gave one, else the country of the first
 * phone number in the post (a lure that gives a +62 WhatsApp number recruits Indonesians).
 */
final class PostCountry {
    /** E.164 calling codes of the origin and destination countries we route for; longest first. */
    private static final Map<String, String> CALLING_CODES = Map.ofEntries(
            Map.entry("855", "KH"), Map.entry("856", "LA"), Map.entry("977", "NP"), Map.entry("880", "BD"),
            Map.entry("254", "KE"), Map.entry("256", "UG"), Map.entry("62", "ID"), Map.entry("63", "PH"),
            Map.entry("84", "VN"), Map.entry("66", "TH"), Map.entry("95", "MM"), Map.entry("60", "MY"),
            Map.entry("86", "CN"), Map.entry("94", "LK"), Map.entry("91", "IN"));

    private PostCountry() {
    }

    static String of(ScoredPost scored) {
        if (scored.post().country() != null) {
            return scored.post().country();
        }
        for (Contact contact : scored.assessment().contacts()) {
            if ((contact.type() == ContactType.PHONE || contact.type() == ContactType.WHATSAPP)
                    && contact.value().startsWith("+")) {
                String digits = contact.value().substring(1);
                for (int length = 3; length >= 2; length--) {
                    if (digits.length() > length) {
                        String country = CALLING_CODES.get(digits.substring(0, length));
                        if (country != null) {
                            return country;
                        }
                    }
                }
            }
        }
        return null;
    }
}
