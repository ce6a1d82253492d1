package org.lurewatch.campaign;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.lurewatch.assess.Contact;
import org.lurewatch.assess.ContactType;
import org.lurewatch.assess.ScoredPost;

/**
 * The keys by which lure posts link into campaigns: every recruiter contact ({@code contact:telegram:hr_job88},
 * phone numbers, URLs, domains) and the {@link SimHash} bands of the text ({@code simhash:3:1f2}).
 */
public final class LinkKeys {
    static final String CONTACT_PREFIX = "contact:";

    /**
     * Domains that host everyone's pages and links. Two posts that both point somewhere on facebook.com or
     * through bit.ly share nothing; a full URL on them (a group, a short link) is still a link.
     */
    static final Set<String> SHARED_HOSTS = Set.of("facebook.com", "fb.com", "fb.me", "instagram.com", "tiktok.com",
            "t.me", "telegram.me", "telegram.org", "wa.me", "whatsapp.com", "line.me", "x.com", "twitter.com",
            "youtube.com", "youtu.be", "linkedin.com", "google.com", "forms.gle", "bit.ly", "tinyurl.com", "s.id",
            "linktr.ee", "goo.gl", "jobstreet.com", "indeed.com");

    private LinkKeys() {
    }

    /** One request per link key of a lure post. A post without any gets none and founds a campaign alone. */
    public static List<KeyValue<String, LinkRequest>> requests(String postKey, String proposal, ScoredPost scored) {
        Set<String> contacts = new LinkedHashSet<>();
        for (Contact contact : scored.assessment().contacts()) {
            if (linkable(contact)) {
                contacts.add(CONTACT_PREFIX + contact.key());
            }
        }
        List<KeyValue<String, LinkRequest>> requests = new ArrayList<>();
        contacts.forEach(key -> requests.add(KeyValue.pair(key, new LinkRequest(postKey, proposal, null))));
        OptionalLong fingerprint = SimHash.of(scored.post().fullText());
        if (fingerprint.isPresent()) {
            for (String band : SimHash.bandKeys(fingerprint.getAsLong())) {
                requests.add(KeyValue.pair(band, new LinkRequest(postKey, proposal, fingerprint.getAsLong())));
            }
        }
        return requests;
    }

    /** A bare domain on a shared host links nothing; any other contact (an e-mail on gmail.com too) is the recruiter's. */
    private static boolean linkable(Contact contact) {
        return contact.type() != ContactType.DOMAIN || !sharedHost(contact.value());
    }

    private static boolean sharedHost(String domain) {
        return SHARED_HOSTS.stream().anyMatch(host -> domain.equals(host) || domain.endsWith("." + host));
    }
}
