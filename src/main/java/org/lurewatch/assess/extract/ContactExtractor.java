package org.lurewatch.assess.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lurewatch.assess.Contact;
import org.lurewatch.assess.ContactType;
import org.lurewatch.assess.text.NormalizedText;

/**
 * Finds recruiter contacts in normalised text: Telegram handles and t.me links, WhatsApp numbers and wa.me
 * links, Line and WeChat ids, phone numbers (E.164 where the country is known), URLs with their domains, and
 * e-mail addresses. An {@code @handle} with no app named before it is taken as Telegram, the app lures use
 * most. Zalo and Viber numbers are phone numbers. Thread-safe.
 */
public final class ContactExtractor {
    private static final Pattern TME = Pattern.compile("(?:t\\.me|telegram\\.me|telegram\\.dog)/(?:joinchat/|\\+)?@?([a-z0-9_]{4,32})");
    private static final Pattern WAME = Pattern.compile("(?:wa\\.me/|api\\.whatsapp\\.com/send\\?phone=|whatsapp\\.com/send\\?phone=)\\+?([0-9]{8,15})");
    private static final Pattern LINEME = Pattern.compile("line\\.me/(?:r/)?(?:ti/p/)?~?@?([a-z0-9._-]{3,32})");
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}");
    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)[^\\s<>\"'()\\[\\]{}]+");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?<![a-z0-9@._-])[a-z0-9][a-z0-9-]{1,62}(?:\\.[a-z0-9-]{2,63})*\\.(?:com|net|org|xyz|top|info|site|online|vip|me|io|co|cc|asia|biz|shop|club|link|ly|gl|app|live|pro|work|jobs|id|vn|th|ph|my|kh|la|mm|cn|sg|tk|ml|ga|cf|gq|icu|buzz|fun)(?:/[^\\s<>\"'()]*)?(?![a-z0-9])");
    private static final Pattern HANDLE = Pattern.compile("(?<![a-z0-9._%+-])@([a-z][a-z0-9_.]{3,31})");
    private static final Pattern APP_ID = Pattern.compile(
            "(telegram|tele|tlg|tg|line id|line|wechat|weixin|微信|vx|wx|飞机|纸飞机|电报|ไลน์|ไอดีไลน์|ไอดี|เทเลแกรม|တယ်လီဂရမ်|តេឡេក្រាម)\\s?(?:id|号)?\\s?([:：=]|\\s)\\s?@?([a-z][a-z0-9_.-]{3,31})");
    private static final Pattern PHONE = Pattern.compile("\\+?\\(?[0-9][0-9 ().-]{6,20}[0-9]");

    /**
     * @param text        the normalised post
     * @param callingCode the calling code for national numbers (from the country hint or the language), or null
     */
    public List<Contact> extract(NormalizedText text, String callingCode) {
        String s = text.text();
        List<Contact> out = new ArrayList<>(4);
        Set<String> seen = new HashSet<>();
        boolean[] used = new boolean[s.length() + 1];
        boolean hasAt = s.indexOf('@') >= 0;
        boolean hasDot = s.indexOf('.') >= 0;
        if (hasDot) {
            find(TME, s, m -> add(out, seen, used, text, ContactType.TELEGRAM, m.group(1), m.start(), m.end()));
            find(WAME, s, m -> add(out, seen, used, text, ContactType.WHATSAPP, "+" + m.group(1), m.start(), m.end()));
            find(LINEME, s, m -> add(out, seen, used, text, ContactType.LINE, trimHandle(m.group(1)), m.start(), m.end()));
        }
        if (hasAt) {
            find(EMAIL, s, m -> add(out, seen, used, text, ContactType.EMAIL, m.group(), m.start(), m.end()));
        }
        if (hasDot) {
            find(URL, s, m -> {
                String url = trimUrl(m.group());
                if (!overlaps(used, m.start(), m.start() + url.length())) {
                    addUrl(out, seen, used, text, url, m.start());
                }
            });
            find(DOMAIN, s, m -> {
                String url = trimUrl(m.group());
                if (!overlaps(used, m.start(), m.start() + url.length()) && !url.matches("[0-9.]+")) {
                    addUrl(out, seen, used, text, url, m.start());
                }
            });
        }
        if (hasAt) {
            find(HANDLE, s, m -> {
                ContactType type = appBefore(s, m.start());
                if (type != null) {
                    add(out, seen, used, text, type, trimHandle(m.group(1)), m.start(), m.start() + 1 + trimHandle(m.group(1)).length());
                }
            });
        }
        find(APP_ID, s, m -> {
            String handle = trimHandle(m.group(3));
            boolean separator = !m.group(2).isBlank();
            boolean handleLike = handle.matches(".*[0-9_.].*");
            if ((separator || handleLike) && !handle.matches("[0-9]+")) {
                ContactType type = appType(m.group(1));
                int start = m.start(3);
                add(out, seen, used, text, type, handle, start, start + m.group(3).length());
            }
        });
        findPhones(text, s, callingCode, out, seen, used);
        return out;
    }

    private static void find(Pattern p, String s, java.util.function.Consumer<Matcher> action) {
        Matcher m = p.matcher(s);
        while (m.find()) {
            action.accept(m);
        }
    }

    private static boolean overlaps(boolean[] used, int start, int end) {
        for (int i = start; i < end && i < used.length; i++) {
            if (used[i]) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Contact> out, Set<String> seen, boolean[] used, NormalizedText text, ContactType type,
                            String value, int start, int end) {
        if (value.isEmpty() || overlaps(used, start, end)) {
            return;
        }
        for (int i = start; i < end; i++) {
            used[i] = true;
        }
        if (seen.add(type.wireName() + ":" + value)) {
            out.add(new Contact(type, value, text.evidence(start, end)));
        }
    }

    private static void addUrl(List<Contact> out, Set<String> seen, boolean[] used, NormalizedText text, String url, int start) {
        String value = url.replaceFirst("^https?://", "").replaceFirst("/$", "");
        String host = value.replaceFirst("[/?#].*$", "").replaceFirst("^www\\.", "");
        int end = start + url.length();
        if (host.equals("t.me") || host.equals("wa.me") || host.equals("line.me")) {
            return;
        }
        Contact urlContact = new Contact(ContactType.URL, value, text.evidence(start, end));
        for (int i = start; i < end; i++) {
            used[i] = true;
        }
        if (seen.add("url:" + value)) {
            out.add(urlContact);
        }
        if (seen.add("domain:" + host)) {
            out.add(new Contact(ContactType.DOMAIN, host, text.evidence(start, end)));
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

    private static final String[][] APP_WORDS = {
            {"telegram", "TELEGRAM"}, {"tele", "TELEGRAM"}, {"tlg", "TELEGRAM"}, {"tg", "TELEGRAM"}, {"电报", "TELEGRAM"},
            {"飞机", "TELEGRAM"}, {"เทเลแกรม", "TELEGRAM"}, {"တယ်လီဂရမ်", "TELEGRAM"}, {"តេឡេក្រាម", "TELEGRAM"},
            {"line", "LINE"}, {"ไลน์", "LINE"}, {"ไอดี", "LINE"},
            {"wechat", "WECHAT"}, {"weixin", "WECHAT"}, {"微信", "WECHAT"}, {"vx", "WECHAT"}, {"wx", "WECHAT"},
            {"instagram", "SOCIAL"}, {"ig", "SOCIAL"}, {"facebook", "SOCIAL"}, {"fb", "SOCIAL"}, {"tiktok", "SOCIAL"},
            {"twitter", "SOCIAL"}, {"threads", "SOCIAL"}};

    /** The app named just before an @handle; Telegram when none is; null for social-network handles. */
    private static ContactType appBefore(String s, int at) {
        int from = Math.max(0, at - 30);
        String window = s.substring(from, at);
        int best = -1;
        String type = "TELEGRAM";
        for (String[] w : APP_WORDS) {
            int i = window.lastIndexOf(w[0]);
            if (i > best) {
                boolean wordStart = i == 0 || !Character.isLetter(window.charAt(i - 1));
                int after = i + w[0].length();
                boolean wordEnd = after >= window.length() || !Character.isLetter(window.charAt(after));
                if (wordStart && wordEnd) {
                    best = i;
                    type = w[1];
                }
            }
        }
        // a mention such as "@embassy" at the start of a reply, or a handle after a social network's name
        return type.equals("SOCIAL") ? null : ContactType.valueOf(type);
    }

    private static ContactType appType(String word) {
        for (String[] w : APP_WORDS) {
            if (word.startsWith(w[0]) && !w[1].equals("SOCIAL")) {
                return ContactType.valueOf(w[1]);
            }
        }
        return word.contains("line") ? ContactType.LINE : ContactType.TELEGRAM;
    }

    private static void findPhones(NormalizedText text, String s, String callingCode, List<Contact> out,
                                   Set<String> seen, boolean[] used) {
        Matcher m = PHONE.matcher(s);
        while (m.find()) {
            String written = m.group().trim();
            int start = m.start();
            int end = m.end();
            if (start > 0 && (Character.isLetterOrDigit(s.charAt(start - 1)) || s.charAt(start - 1) == '$')) {
                continue;
            }
            if (end < s.length() && Character.isLetterOrDigit(s.charAt(end)) && !isDigitBoundaryOk(s, end)) {
                continue;
            }
            String digits = written.replaceAll("[^0-9]", "");
            if (digits.length() < 8 || digits.length() > 15 || looksLikeMoneyOrDate(written)) {
                continue;
            }
            if (!written.startsWith("+") && !written.startsWith("0") && digits.length() < 9) {
                continue;
            }
            ContactType type = s.substring(Math.max(0, start - 25), start).matches("(?s).*(whatsapp|whats app|wa|wsap|watsap|wasap|ws|วอทส์แอพ)\\W*$")
                    || s.substring(Math.max(0, start - 25), start).matches("(?s).*\\b(whatsapp|wa|wsap|watsap|wasap)\\b.*")
                    ? ContactType.WHATSAPP : ContactType.PHONE;
            add(out, seen, used, text, type, PhoneNumbers.normalize(written, callingCode), start, end);
        }
    }

    private static boolean isDigitBoundaryOk(String s, int end) {
        return !Character.isLetter(s.charAt(end)) || !Character.isLetterOrDigit(s.charAt(end));
    }

    /** "15.000.000", "1 200 000", "2024-05-12", "18-35 20-40" are not phone numbers. */
    private static boolean looksLikeMoneyOrDate(String written) {
        String[] groups = written.replace("(", "").replace(")", "").split("[ .-]+");
        if (groups.length >= 2) {
            boolean thousands = groups[0].length() <= 3;
            for (int i = 1; i < groups.length; i++) {
                thousands &= groups[i].length() == 3;
            }
            if (thousands && written.replaceAll("[^0-9]", "").length() <= 9 && !written.startsWith("0") && !written.startsWith("+")) {
                return true;
            }
            boolean shortGroups = true;
            for (String g : groups) {
                shortGroups &= g.length() <= 2;
            }
            if (shortGroups && groups.length <= 4) {
                return true;
            }
            if (groups.length == 3 && groups[0].length() == 4 && groups[1].length() <= 2 && groups[2].length() <= 2) {
                return true; // 2024-05-12
            }
        }
        return false;
    }
}
