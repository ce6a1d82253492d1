package org.lurewatch.assess.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lurewatch.assess.Contact;
import org.lurewatch.assess.ContactType;
import org.lurewatch.assess.text.NormalizedText;

/**
 * Finds recruiter contacts in normalised text: Telegram handles and t.me links, WhatsApp numbers and wa.me
 * links, Line and WeChat ids, phone numbers (E.164 where the country is known), URLs with their domains, and
 * e-mail addresses.
 *
 * <p>What an {@code @handle}, an id or a number belongs to is told by the app named just before it (the
 * {@code APP} hits of the phrase matcher: "telegram", "wa", "ไลน์", "微信"...). An {@code @handle} with no app
 * named is taken as Telegram, the app lures use most; one after a social network's name is skipped. Zalo and
 * Viber numbers are phone numbers.
 *
 * <p>Scanning is targeted (only around '@', '.', digits and app names), so a post costs microseconds.
 * Thread-safe.
 */
public final class ContactExtractor {
    private static final Pattern TME = Pattern.compile("(?:t\\.me|telegram\\.me|telegram\\.dog)/(?:joinchat/|\\+)?@?([a-z0-9_]{4,32})");
    private static final Pattern WAME = Pattern.compile("(?:wa\\.me/|api\\.whatsapp\\.com/send\\?phone=|whatsapp\\.com/send\\?phone=)\\+?([0-9]{8,15})");
    private static final Pattern LINEME = Pattern.compile("line\\.me/(?:r/)?(?:ti/p/)?~?@?([a-z0-9._-]{3,32})");
    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)[^\\s<>\"'()\\[\\]{}]+");
    private static final Pattern EMAIL_DOMAIN = Pattern.compile("@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}");
    private static final Pattern HANDLE = Pattern.compile("@([a-z][a-z0-9_.]{3,31})");
    private static final Pattern APP_ID = Pattern.compile("\\s?(?:id|号)?\\s?([:：=]|\\s)\\s?@?([a-z][a-z0-9_.-]{3,31})");
    private static final Set<String> TLDS = Set.of("com", "net", "org", "xyz", "top", "info", "site", "online", "vip",
            "me", "io", "co", "cc", "asia", "biz", "shop", "club", "link", "ly", "gl", "app", "live", "pro", "work", "jobs",
            "id", "vn", "th", "ph", "my", "kh", "la", "mm", "cn", "sg", "tk", "ml", "ga", "cf", "gq", "icu", "buzz", "fun");
    private static final String[] LINK_NEEDLES = {"t.me/", "telegram.me/", "telegram.dog/", "wa.me/", "whatsapp.com/send", "line.me/"};
    private static final int APP_DISTANCE = 30;

    /**
     * @param text        the normalised post
     * @param callingCode the calling code for national numbers (from the country hint or the language), or null
     * @param apps        app-name hits (category APP, the app type in {@code language})
     */
    public List<Contact> extract(NormalizedText text, String callingCode, List<TermHit> apps) {
        String s = text.text();
        Found found = new Found(text);
        links(s, found);
        if (s.indexOf('@') >= 0) {
            emailsAndHandles(s, found, apps);
        }
        if (s.indexOf('.') >= 0) {
            urls(s, found);
            domains(s, found);
        }
        for (TermHit app : apps) {
            appIds(s, app, found);
        }
        phones(s, callingCode, found, apps);
        return found.contacts;
    }

    /** The contacts found so far, and which chars of the text they cover. */
    private static final class Found {
        final NormalizedText text;
        final List<Contact> contacts = new ArrayList<>(4);
        final Set<String> keys = new HashSet<>();
        final boolean[] used;

        Found(NormalizedText text) {
            this.text = text;
            this.used = new boolean[text.length() + 1];
        }

        boolean overlaps(int start, int end) {
            for (int i = start; i < end && i < used.length; i++) {
                if (used[i]) {
                    return true;
                }
            }
            return false;
        }

        void add(ContactType type, String value, int start, int end) {
            if (value.isEmpty() || overlaps(start, end)) {
                return;
            }
            for (int i = start; i < end; i++) {
                used[i] = true;
            }
            if (keys.add(type.wireName() + ":" + value)) {
                contacts.add(new Contact(type, value, text.evidence(start, end)));
            }
        }

        void addUrl(String url, int start) {
            String value = url.replaceFirst("^https?://", "").replaceFirst("/$", "");
            String host = value.replaceFirst("[/?#].*$", "").replaceFirst("^www\\.", "");
            int end = start + url.length();
            if (overlaps(start, end) || host.equals("t.me") || host.equals("wa.me") || host.equals("line.me")) {
                return;
            }
            for (int i = start; i < end; i++) {
                used[i] = true;
            }
            if (keys.add("url:" + value)) {
                contacts.add(new Contact(ContactType.URL, value, text.evidence(start, end)));
            }
            if (keys.add("domain:" + host)) {
                contacts.add(new Contact(ContactType.DOMAIN, host, text.evidence(start, end)));
            }
        }
    }

    private static void links(String s, Found found) {
        for (String needle : LINK_NEEDLES) {
            for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
                int start = linkStart(s, i);
                Matcher m = (needle.startsWith("t") ? TME : needle.startsWith("l") ? LINEME : WAME).matcher(s);
                m.region(start, s.length());
                if (m.lookingAt()) {
                    ContactType type = needle.startsWith("t") ? ContactType.TELEGRAM
                            : needle.startsWith("l") ? ContactType.LINE : ContactType.WHATSAPP;
                    String value = type == ContactType.WHATSAPP ? "+" + m.group(1) : trimHandle(m.group(1));
                    int from = schemeStart(s, start);
                    found.add(type, value, from, m.end());
                }
            }
        }
    }

    /** Back from "t.me/" over a "telegram." or "api." host prefix. */
    private static int linkStart(String s, int i) {
        if (s.startsWith("whatsapp.com", i) && i >= 4 && s.startsWith("api.", i - 4)) {
            return i - 4;
        }
        return i;
    }

    private static int schemeStart(String s, int start) {
        for (String prefix : new String[] {"https://www.", "http://www.", "https://", "http://", "www."}) {
            int p = start - prefix.length();
            if (p >= 0 && s.startsWith(prefix, p)) {
                return p;
            }
        }
        return start;
    }

    private static boolean isLocalChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static void emailsAndHandles(String s, Found found, List<TermHit> apps) {
        for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
            int localStart = at;
            while (localStart > 0 && isLocalChar(s.charAt(localStart - 1))) {
                localStart--;
            }
            if (localStart < at) {
                Matcher m = EMAIL_DOMAIN.matcher(s);
                m.region(at, s.length());
                if (m.lookingAt()) {
                    found.add(ContactType.EMAIL, s.substring(localStart, m.end()), localStart, m.end());
                }
                continue;
            }
            Matcher m = HANDLE.matcher(s);
            m.region(at, s.length());
            if (m.lookingAt()) {
                String handle = trimHandle(m.group(1));
                String app = appBefore(apps, at);
                if (!"social".equals(app)) {
                    ContactType type = app == null || app.equals("phone") || app.equals("whatsapp")
                            ? ContactType.TELEGRAM : ContactType.valueOf(app.toUpperCase(Locale.ROOT));
                    found.add(type, handle, at, at + 1 + handle.length());
                }
            }
        }
    }

    /** The app named shortly before {@code position}, or null. */
    private static String appBefore(List<TermHit> apps, int position) {
        String best = null;
        int bestEnd = -1;
        for (TermHit h : apps) {
            if (h.end() <= position && position - h.end() <= APP_DISTANCE && h.end() > bestEnd) {
                best = h.language();
                bestEnd = h.end();
            }
        }
        return best;
    }

    private static void urls(String s, Found found) {
        for (String needle : new String[] {"http", "www."}) {
            for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
                if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
                    continue;
                }
                Matcher m = URL.matcher(s);
                m.region(i, s.length());
                if (m.lookingAt()) {
                    found.addUrl(trimUrl(m.group()), i);
                }
            }
        }
    }

    private static boolean isHostChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }

    /** Bare domains such as "bit.ly/abc" or "jobs-asia.xyz": a dot, a known top-level domain, a host before it. */
    private static void domains(String s, Found found) {
        int n = s.length();
        for (int dot = s.indexOf('.'); dot >= 0; dot = s.indexOf('.', dot + 1)) {
            if (dot == 0 || dot + 2 >= n || !isHostChar(s.charAt(dot - 1)) || !(s.charAt(dot + 1) >= 'a' && s.charAt(dot + 1) <= 'z')) {
                continue;
            }
            int tldEnd = dot + 1;
            while (tldEnd < n && s.charAt(tldEnd) >= 'a' && s.charAt(tldEnd) <= 'z') {
                tldEnd++;
            }
            if (tldEnd < n && (isHostChar(s.charAt(tldEnd)) || s.charAt(tldEnd) == '@')) {
                continue;
            }
            if (!TLDS.contains(s.substring(dot + 1, tldEnd))) {
                continue;
            }
            int start = dot;
            while (start > 0 && (isHostChar(s.charAt(start - 1)) || s.charAt(start - 1) == '.')) {
                start--;
            }
            while (start < dot && !isHostChar(s.charAt(start))) {
                start++;
            }
            if (start > 0 && (s.charAt(start - 1) == '@' || s.charAt(start - 1) == '_' || s.charAt(start - 1) == '/')) {
                continue;
            }
            if (s.substring(start, dot).chars().allMatch(c -> c >= '0' && c <= '9')) {
                continue;
            }
            int end = tldEnd;
            if (end < n && s.charAt(end) == '/') {
                while (end < n && !Character.isWhitespace(s.charAt(end)) && "<>\"'()".indexOf(s.charAt(end)) < 0) {
                    end++;
                }
            }
            found.addUrl(trimUrl(s.substring(start, end)), start);
        }
    }

    private static void appIds(String s, TermHit app, Found found) {
        String type = app.language();
        if (!type.equals("telegram") && !type.equals("line") && !type.equals("wechat")) {
            return;
        }
        Matcher m = APP_ID.matcher(s);
        m.region(app.end(), s.length());
        if (!m.lookingAt()) {
            return;
        }
        String handle = trimHandle(m.group(2));
        boolean separator = !m.group(1).isBlank();
        boolean handleLike = handle.chars().anyMatch(c -> (c >= '0' && c <= '9') || c == '_' || c == '.');
        if ((separator || handleLike) && !handle.chars().allMatch(Character::isDigit)) {
            int start = m.start(2);
            if (start > 0 && s.charAt(start - 1) == '@') {
                start--;
            }
            found.add(ContactType.valueOf(type.toUpperCase(Locale.ROOT)), handle, start, m.start(2) + handle.length());
        }
    }

    private static String trimUrl(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?'\"".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    private static String trimHandle(String h) {
        int end = h.length();
        while (end > 0 && (h.charAt(end - 1) == '.' || h.charAt(end - 1) == '-')) {
            end--;
        }
        return h.substring(0, end);
    }

    private static boolean isPhoneChar(char c) {
        return (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';
    }

    private static void phones(String s, String callingCode, Found found, List<TermHit> apps) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            boolean plus = c == '+' && i + 1 < n && Character.isDigit(s.charAt(i + 1));
            if (!(plus || (c >= '0' && c <= '9') || (c == '(' && i + 1 < n && Character.isDigit(s.charAt(i + 1))))) {
                i++;
                continue;
            }
            if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '$' || s.charAt(i - 1) == '.'
                    || s.charAt(i - 1) == ',')) {
                i++;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                continue;
            }
            int j = plus ? i + 1 : i;
            int limit = Math.min(n, i + 24);
            while (j < limit && isPhoneChar(s.charAt(j))) {
                j++;
            }
            int end = j;
            while (end > i && !Character.isDigit(s.charAt(end - 1))) {
                end--;
            }
            String written = s.substring(i, end);
            int digits = 0;
            for (int k = 0; k < written.length(); k++) {
                if (Character.isDigit(written.charAt(k))) {
                    digits++;
                }
            }
            boolean gluedToWord = end < n && Character.isLetter(s.charAt(end));
            if (digits >= 8 && digits <= 15 && !gluedToWord && !looksLikeMoneyOrDate(written)
                    && (plus || written.startsWith("0") || digits >= 9)) {
                String app = appBefore(apps, i);
                ContactType type = "whatsapp".equals(app) ? ContactType.WHATSAPP : ContactType.PHONE;
                found.add(type, PhoneNumbers.normalize(written, callingCode), i, end);
            }
            i = Math.max(end, i + 1);
        }
    }

    /** "15.000.000", "1 200 000", "2024-05-12", "18-35 20-40" are not phone numbers. */
    static boolean looksLikeMoneyOrDate(String written) {
        String[] groups = written.replace("(", "").replace(")", "").split("[ .-]+");
        if (groups.length < 2) {
            return false;
        }
        boolean thousands = groups[0].length() <= 3;
        for (int i = 1; i < groups.length; i++) {
            thousands &= groups[i].length() == 3;
        }
        if (thousands && !written.startsWith("0") && !written.startsWith("+")) {
            return true;
        }
        boolean shortGroups = true;
        for (String g : groups) {
            shortGroups &= g.length() <= 2;
        }
        if (shortGroups) {
            return true;
        }
        return groups.length == 3 && groups[0].length() == 4 && groups[1].length() <= 2 && groups[2].length() <= 2;
    }
}
