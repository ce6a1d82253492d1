package org.lurewatch.alert;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lurewatch.assess.Contact;
import org.lurewatch.assess.ContactType;
import org.lurewatch.assess.ScoredPost;
import org.lurewatch.campaign.Campaign;

/**
 * The country a post concerns, for routing: the feed's hint if it gave one, else the country of the first
 * phone number in the post (a lure that gives a +62 WhatsApp number recruits Indonesians). A campaign concerns
 * the countries of all its posts' hints and of all its phone numbers.
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
            if (contact.type() == ContactType.PHONE || contact.type() == ContactType.WHATSAPP) {
                String country = ofPhone(contact.value());
                if (country != null) {
                    return country;
                }
            }
        }
        return null;
    }

    static Set<String> of(Campaign campaign) {
        Set<String> countries = new TreeSet<>(campaign.countries());
        for (String contact : campaign.contacts()) {
            if (contact.startsWith(ContactType.PHONE.wireName() + ":") || contact.startsWith(ContactType.WHATSAPP.wireName() + ":")) {
                String country = ofPhone(contact.substring(contact.indexOf(':') + 1));
                if (country != null) {
                    countries.add(country);
                }
            }
        }
        return countries;
    }

    /** The country of an E.164 number ({@code +6281234567890} is ID), or null. */
    static String ofPhone(String number) {
        if (!number.startsWith("+")) {
            return null;
        }
        String digits = number.substring(1);
        for (int length = 3; length >= 2; length--) {
            if (digits.length() > length) {
                String country = CALLING_CODES.get(digits.substring(0, length));
                if (country != null) {
                    return country;
                }
            }
        }
        return null;
    }
}
