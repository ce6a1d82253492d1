package org.lurewatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lurewatch.assess.AssessConfig;
import org.lurewatch.assess.Assessment;
import org.lurewatch.assess.Assessors;
import org.lurewatch.assess.LureAssessor;
import org.lurewatch.assess.model.Analysis;
import org.lurewatch.ingest.Post;
import org.lurewatch.ingest.PostKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link AssessBenchmark}'s posts and assess step, with references that exist in every version of this project
 * since the benchmark was written (parsing the posts as JSON with Jackson, and the categorizer alone), so that
 * {@code bench/assess-vs-commit.sh} can run the very same class on an older commit and on this one, side by side.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 5)
public class AssessAcrossCommits {
    static final int TARGET_BYTES = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String[][] SAMPLES = {
            {"en", "URGENT HIRING Customer Service (Cambodia)", "Salary $1,200 - $1,500 USD/month + commission. Free air ticket, free visa, free food and accommodation. No experience needed, training provided. 18 to 35 years old, basic English, valid passport. Fly out within 7 days! Limited slots. Message HR on Telegram @hr_kh_recruit21 "},
            {"id", "Lowongan kerja luar negeri", "Dibutuhkan admin online dan CS untuk perusahaan besar di Kamboja, gaji 20 juta per bulan, tiket pesawat ditanggung perusahaan, mess dan makan gratis, tanpa pengalaman, usia 18-35 tahun, paspor siap, berangkat minggu ini. Hubungi WA 0812-3456-7890 "},
            {"vi", "TUYỂN GẤP NHÂN VIÊN CSKH", "Lương cứng 18tr + thưởng, tổng thu nhập 25-40 triệu/tháng. Bao vé máy bay, bao ăn ở, không cần kinh nghiệm, nam nữ 18-35 tuổi, có hộ chiếu càng tốt. Làm việc tại Phnom Penh. Liên hệ Zalo 0900.111.222 hoặc Telegram @tuyendung_pp "},
            {"th", "รับสมัครแอดมินด่วน", "งานต่างประเทศ ไม่ต้องใช้ภาษา ตำแหน่งแอดมินเพจ ตอบแชท รายได้ 35,000-50,000 บาท ฟรีค่าเดินทาง ที่พัก อาหาร ไม่ต้องมีประสบการณ์ อายุ 18-35 ปี ทักไลน์ ไอดี adm1n_jobs "},
            {"zh", "高薪招聘客服", "东南亚正规公司诚聘客服、打字员，月薪1万5起，包吃包住，报销机票，无需经验，会打字即可，年龄18-35岁，有护照优先，名额有限，详情私聊飞机 @kf_hr888 "},
            {"my", "အလုပ်ခေါ်", "ထိုင်းနိုင်ငံ ကုမ္ပဏီ အတွက် စာရိုက် ဝန်ထမ်း ခေါ်မည်။ လစာ ဘတ် ၂၈,၀၀၀၊ အိပ်စရာ စားစရာ ကုမ္ပဏီက၊ အတွေ့အကြုံ မလို၊ အသက် ၁၈-၃၅၊ ပတ်စ်ပို့ လိုအပ်။ ဆက်သွယ်ရန် Telegram @mm_jobs_th "},
            {"km", "ជ្រើសរើសបុគ្គលិក", "ក្រុមហ៊ុនធំនៅព្រះសីហនុ ជ្រើសរើសបុគ្គលិកផ្នែកសេវាអតិថិជន ប្រាក់ខែ ១០០០ ដុល្លារ ស្នាក់នៅ អាហារ ឥតគិតថ្លៃ មិនត្រូវការបទពិសោធន៍ អាយុ ១៨-៣៥ ឆ្នាំ ទាក់ទង តេឡេក្រាម @kh_hr_job "},
            {"tl", "Hiring CSR abroad", "Hiring po kami ng CSR at chat support sa Thailand, sahod 50k pesos kada buwan, libre ang ticket, libreng tirahan at pagkain, kahit walang experience, 18-35 taong gulang, may passport. PM lang po o i-message sa Telegram @ph_hiring_th "}};

    protected LureAssessor assessor;
    protected List<Post> posts;
    private List<byte[]> json;
    private List<Analysis> analyses;
    private int next;

    /** One ~1 KB post per sample language, built by repeating a realistic post; no language hint. */
    static List<Post> samplePosts() {
        List<Post> posts = new ArrayList<>();
        for (String[] s : SAMPLES) {
            StringBuilder text = new StringBuilder();
            while (text.toString().getBytes(StandardCharsets.UTF_8).length < TARGET_BYTES) {
                text.append(s[2]);
            }
            posts.add(Post.ofText("bench-" + s[0], "bench", PostKind.SOCIAL_POST, null, s[1], text.toString()));
        }
        return posts;
    }

    @Setup(Level.Trial)
    public void setUp() {
        assessor = Assessors.loadAssessor(AssessConfig.defaults());
        posts = samplePosts();
        json = new ArrayList<>();
        analyses = new ArrayList<>();
        for (Post post : posts) {
            json.add(JSON.createObjectNode().put("id", post.id()).put("title", post.title()).put("text", post.text())
                    .toString().getBytes(StandardCharsets.UTF_8));
            analyses.add(assessor.analyzer().analyze(post));
        }
    }

    protected int next() {
        int i = next;
        next = next + 1 == posts.size() ? 0 : next + 1;
        return i;
    }

    /** The whole assess step, as the stream processor calls it. */
    @Benchmark
    public Assessment assess() {
        return assessor.assess(posts.get(next()));
    }

    /** Reference: Jackson parsing the same posts as JSON (a library call no commit of ours changes). */
    @Benchmark
    public JsonNode referenceJson() throws IOException {
        return JSON.readTree(json.get(next()));
    }

    /** Reference: OpenNLP's categorizer and the calibration alone, on the same posts already analysed. */
    @Benchmark
    public double[] referenceCategorizer() {
        return assessor.probabilities(analyses.get(next()));
    }
}
