package org.lurewatch.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lurewatch.kafka.Json;

/**
 * Generates {@code src/test/resources/feeds/campaign-feed.jsonl}: one recruitment campaign of 20 lures that
 * share the Telegram handle {@code @hrd_kerja_kamboja} across facebook, tiktok and telegram, in Indonesian and
 * English and lightly edited, next to 30 unrelated benign posts (legitimate jobs, news and NGO warnings that
 * quote lure phrases, everyday posts) and 3 distress posts (Indonesian, Vietnamese, Tagalog). Lines are input
 * envelopes in {@code posted_at} order; ids say what each post is ({@code lure-07}, {@code benign-12},
 * {@code distress-02}) so tests and the integration test can check outcomes without a model.
 *
 * <p>Timing, with record timestamps taken from {@code posted_at} and a 60-minute update window: lures 1 to 16
 * come every 4 minutes from 01:00 (one new-campaign alert, held-back growth, an update at 02:00), lures 17 to
 * 20 from 03:10 (a second update, then growth held back until later records move stream time past 04:10,
 * which this feed never does). So the Indonesian hotline gets 3 campaign alerts, not 20. Replayed with
 * wall-clock timestamps (all within the window) it gets 1.
 *
 * <p>Regenerate with {@code ./mvnw test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.lurewatch.campaign.CampaignFeed} or run {@link #main} from an IDE.
 */
public final class CampaignFeed {
    public static final Path FILE = Path.of("src/test/resources/feeds/campaign-feed.jsonl");
    public static final String HANDLE = "hrd_kerja_kamboja";
    static final Instant START = Instant.parse("2026-11-23T01:00:00Z");

    private static final String[] PLATFORMS = {"facebook", "tiktok", "telegram"};
    private static final String ID_A = "Lowongan kerja customer service di Kamboja. Gaji 1500 USD per bulan, tiket "
            + "pesawat, visa, makan dan mess ditanggung perusahaan. Tidak perlu pengalaman, usia 18-35 tahun, paspor "
            + "siap. Berangkat minggu depan! Hubungi Telegram @" + HANDLE;
    private static final String ID_B = "DICARI admin input data dan marketing online, penempatan Phnom Penh. Gaji 20-25 "
            + "juta per bulan plus bonus, tiket dan visa GRATIS, mess dan makan 3x sehari. Tanpa pengalaman, yang penting "
            + "bisa komputer. Usia 18-30, siap berangkat secepatnya. Info lengkap DM Telegram @" + HANDLE;
    private static final String EN_A = "URGENT HIRING: customer service staff for an online company in Cambodia. "
            + "Salary USD 1500/month, free flight ticket, visa, food and accommodation. No experience needed, age "
            + "18-35, passport ready. Contact HR on Telegram @" + HANDLE;
    private static final String EN_B = "Typing job and data entry in Sihanoukville, high salary 1200-1800 USD, free "
            + "visa and ticket, free food and dormitory. No experience, only basic English. Age 20-35. Fly this week! "
            + "Message Telegram @" + HANDLE;

    private CampaignFeed() {
    }

    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : FILE;
        Files.createDirectories(file.getParent());
        Files.writeString(file, content(), StandardCharsets.UTF_8);
        System.out.println("wrote " + lines().size() + " posts to " + file);
    }

    /** The file's content: one JSON envelope per line. */
    public static String content() {
        return String.join("\n", lines()) + "\n";
    }

    public static List<String> lines() {
        List<Entry> entries = new ArrayList<>();
        entries.addAll(lures());
        entries.addAll(benign());
        entries.addAll(distress());
        entries.sort(Comparator.comparing(Entry::minute).thenComparing(e -> e.node().get("id").asText()));
        return entries.stream().map(entry -> json(entry.node())).toList();
    }

    private record Entry(int minute, ObjectNode node) {
    }

    private static List<Entry> lures() {
        List<Entry> lures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String platform = PLATFORMS[i % 3];
            boolean english = i % 5 == 1 || i % 5 == 3;
            String text = english ? (i % 2 == 0 ? EN_A : EN_B) : (i % 4 < 2 ? ID_A : ID_B);
            text = edit(text, i);
            if (platform.equals("telegram")) {
                text = text + " t.me/" + HANDLE;
            }
            int minute = i < 16 ? 4 * i : 130 + 4 * (i - 16);
            String id = String.format("lure-%02d", i + 1);
            lures.add(new Entry(minute, envelope(id, platform, "social_post", english ? "en" : "id", null, text,
                    english ? "Global Jobs Asia" : "Loker Luar Negeri Resmi", url(platform, id), minute)));
        }
        return lures;
    }

    /** Light edits, as recruiters make when they repost: emoji, figures, a word or a city. */
    private static String edit(String text, int i) {
        return switch (i % 6) {
            case 1 -> "🔥🔥 " + text;
            case 2 -> text.replace("1500", "1800").replace("20-25", "25-30");
            case 3 -> text.replace("Kamboja", "Kamboja (Sihanoukville)").replace("Cambodia", "Cambodia (Phnom Penh)");
            case 4 -> text.replace("minggu depan", "secepatnya").replace("this week", "next week");
            case 5 -> text + " ✈️💰";
            default -> text;
        };
    }

    private static List<Entry> benign() {
        String[][] posts = {
                {"jobstreet", "job_ad", "id", "Kasir Minimarket", "Dibutuhkan kasir untuk minimarket di Surabaya. Gaji UMR, jam kerja shift, pengalaman minimal 1 tahun. Kirim lamaran ke hrd@tokomaju.co.id"},
                {"facebook", "social_post", "id", null, "Selamat pagi semua, jangan lupa sarapan sebelum berangkat kerja ya!"},
                {"jobstreet", "job_ad", "id", "Barista", "Kafe di Bandung mencari barista, pengalaman 6 bulan, gaji Rp 3,5 juta plus service charge. Datang langsung ke Jl. Braga 12."},
                {"x", "social_post", "en", null, "Police warn of fake job offers in Cambodia and Myanmar: never hand over your passport, and check any overseas offer with the embassy first."},
                {"jobstreet", "job_ad", "id", "Admin Gudang", "PT Sinar Logistik membuka lowongan admin gudang di Bekasi. Pendidikan minimal SMA, menguasai Excel, BPJS ditanggung perusahaan."},
                {"facebook", "social_post", "id", null, "Hati-hati penipuan! Lowongan kerja customer service di Kamboja dengan gaji besar, tiket dan visa gratis sering berujung perdagangan orang. Laporkan ke hotline."},
                {"tiktok", "social_post", "id", null, "Resep nasi goreng kampung paling gampang, cuma 10 menit!"},
                {"linkedin", "job_ad", "en", "Remote English Tutor", "We are hiring remote English tutors for adult learners. Flexible hours, paid per lesson, teaching certificate required. Apply through our website."},
                {"jobstreet", "job_ad", "id", "Guru TK", "Yayasan pendidikan di Yogyakarta mencari guru TK lulusan PAUD, gaji sesuai UMK, mulai Januari."},
                {"facebook", "social_post", "id", null, "Kemlu: 25 WNI korban penipuan kerja online berhasil dipulangkan dari Myawaddy. Kenali modusnya: gaji tinggi tanpa pengalaman dan tiket gratis."},
                {"telegram", "social_post", "en", null, "Reminder: our community football match is on Saturday at 4pm, bring water and your own boots."},
                {"jobstreet", "job_ad", "id", "Driver Ekspedisi", "Dicari driver ekspedisi wilayah Jabodetabek, SIM B1 aktif, gaji pokok plus uang jalan. Hubungi kantor kami di jam kerja."},
                {"x", "social_post", "en", null, "New report: tens of thousands held in scam compounds along the Thai-Myanmar border, many lured by fake customer service jobs."},
                {"jobstreet", "job_ad", "id", "Staff Akuntansi", "Perusahaan manufaktur di Cikarang membutuhkan staff akuntansi, S1 akuntansi, pengalaman 2 tahun, menguasai pajak."},
                {"tiktok", "social_post", "id", null, "Tips wawancara kerja: datang tepat waktu, riset perusahaan, dan siapkan pertanyaan untuk HRD."},
                {"linkedin", "job_ad", "en", "Warehouse Associate", "Warehouse associate in Kuala Lumpur, permanent contract, EPF and medical benefits, day shift. Malaysian citizens only."},
                {"facebook", "social_post", "id", null, "Info vaksin gratis untuk lansia di puskesmas kecamatan minggu ini, bawa KTP dan kartu keluarga."},
                {"jobstreet", "job_ad", "id", "Sales Motor", "Dealer motor resmi di Semarang mencari sales counter, target bulanan, insentif menarik, training diberikan."},
                {"x", "social_post", "en", null, "If a recruiter asks you to travel to Cambodia on a tourist visa for an office job, it is a red flag. Talk to a hotline before you go."},
                {"jobstreet", "job_ad", "id", "Perawat Klinik", "Klinik pratama di Medan membutuhkan perawat dengan STR aktif, shift pagi dan sore, gaji sesuai pengalaman."},
                {"telegram", "social_post", "id", null, "Jadwal pengajian rutin malam Jumat dipindah ke masjid Al-Ikhlas mulai minggu depan."},
                {"jobstreet", "job_ad", "id", "Teknisi AC", "Teknisi AC berpengalaman untuk wilayah Tangerang, memiliki kendaraan sendiri, gaji pokok dan bonus per unit."},
                {"facebook", "social_post", "en", null, "Our NGO helped 12 survivors of online scam compounds return home this month. Thank you to everyone who shared our warnings."},
                {"tiktok", "social_post", "en", null, "Day in my life as a nurse in Manila, long shift but worth it!"},
                {"jobstreet", "job_ad", "id", "Koki Restoran", "Restoran Padang di Depok mencari koki berpengalaman, mess disediakan, gaji dibicarakan saat interview."},
                {"linkedin", "job_ad", "en", "Hotel Front Desk", "Front desk agent for a hotel in Bali, hospitality diploma, good English, BPJS and service charge."},
                {"facebook", "social_post", "id", null, "Dijual motor bekas tahun 2019, mulus, pajak hidup. Minat hubungi lewat pesan."},
                {"x", "social_post", "id", null, "Jangan mudah tergiur lowongan kerja ke luar negeri tanpa lewat P2MI resmi. Cek dulu di situs BP2MI."},
                {"jobstreet", "job_ad", "id", "Customer Service Bank", "Bank daerah di Makassar membuka lowongan customer service, S1 semua jurusan, usia maksimal 27 tahun, seleksi resmi di kantor pusat."},
                {"telegram", "social_post", "en", null, "Weekend market is open again, fresh vegetables and local coffee from 7am."},
        };
        List<Entry> benign = new ArrayList<>();
        for (int i = 0; i < posts.length; i++) {
            String[] post = posts[i];
            String id = String.format("benign-%02d", i + 1);
            int minute = 2 + 5 * i;
            benign.add(new Entry(minute, envelope(id, post[0], post[1], post[2], post[3], post[4], null,
                    url(post[0], id), minute)));
        }
        return benign;
    }

    private static List<Entry> distress() {
        return List.of(
                new Entry(25, envelope("distress-01", "facebook", "social_post", "id", null,
                        "Tolong bantu, adik saya berangkat ke Kamboja katanya kerja customer service, sekarang "
                                + "paspornya ditahan dan dia disuruh menipu orang. Dia di Myawaddy, tidak bisa pulang. "
                                + "Keluarga bisa dihubungi +6281398765432", "ibu_sri_w", url("facebook", "distress-01"), 25)),
                new Entry(88, envelope("distress-02", "facebook", "social_post", "vi", null,
                        "Xin giúp đỡ! Em trai tôi sang Campuchia làm việc, giờ bị giữ ở Sihanoukville, bị đánh và "
                                + "bị lấy hộ chiếu. Gia đình không biết phải làm sao.", "lan.nguyen88",
                        url("facebook", "distress-02"), 88)),
                new Entry(145, envelope("distress-03", "tiktok", "social_post", "tl", null,
                        "Tulungan po ninyo kami, ang kapatid ko ay nasa Myawaddy, kinuha ang passport niya at "
                                + "pinipilit siyang mag-scam. Hindi siya makauwi.", "joy_dc", url("tiktok", "distress-03"), 145)));
    }

    private static ObjectNode envelope(String id, String source, String kind, String lang, String title, String text,
                                       String author, String url, int minute) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", id);
        node.put("source", source);
        node.put("kind", kind);
        node.put("lang", lang);
        if (title != null) {
            node.put("title", title);
        }
        node.put("text", text);
        if (author != null) {
            node.put("author", author);
        }
        node.put("url", url);
        node.put("posted_at", START.plus(Duration.ofMinutes(minute)).toString());
        return node;
    }

    private static String url(String platform, String id) {
        return switch (platform) {
            case "facebook" -> "https://www.facebook.com/groups/lokerluarnegeri/posts/" + id;
            case "tiktok" -> "https://www.tiktok.com/@lokerresmi/video/" + id;
            case "telegram" -> "https://t.me/lokerasia/" + id;
            case "x" -> "https://x.com/newsdesk/status/" + id;
            case "linkedin" -> "https://www.linkedin.com/jobs/view/" + id;
            default -> "https://www.jobstreet.co.id/job/" + id;
        };
    }

    private static String json(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
