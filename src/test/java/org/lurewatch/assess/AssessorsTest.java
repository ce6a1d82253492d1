package org.lurewatch.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lurewatch.assess.model.ModelLoadException;
import org.lurewatch.ingest.Post;
import org.lurewatch.ingest.PostKind;

class AssessorsTest {
    @Test
    void shouldLoadTheBundledModelAndExplainAVietnameseLure() {
        Assessor assessor = Assessors.load(AssessConfig.defaults());
        String title = "TUYỂN GẤP 20 NHÂN VIÊN CSKH";
        String text = "Lương 25-40 triệu/tháng, bao vé máy bay, bao ăn ở, không cần kinh nghiệm. Làm tại Phnom Penh. Zalo 0900.111.222";
        Post post = Post.ofText("vi-1", "facebook", PostKind.JOB_AD, null, title, text);
        Assessment a = assessor.assess(post);
        assertThat(a.category()).isEqualTo(Category.LURE);
        assertThat(a.band()).isIn(Band.HIGH, Band.CRITICAL);
        assertThat(a.language()).isEqualTo("vi");
        assertThat(a.modelVersion()).isEqualTo(assessor.modelVersion()).startsWith("lure-doccat-");
        assertThat(a.indicators()).extracting(Indicator::code).contains("PAID_TRAVEL", "HIGH_PAY_UNSKILLED", "NO_EXPERIENCE");
        Indicator travel = a.indicators().stream().filter(i -> i.code().equals("PAID_TRAVEL")).findFirst().orElseThrow();
        assertThat(travel.localLabel()).isEqualTo("Bao vé máy bay, visa, ăn ở");
        travel.evidence().forEach(e -> assertThat(post.fullText().substring(e.start(), e.end())).isEqualTo(e.text()));
        assertThat(a.contacts()).extracting(Contact::key).contains("phone:+84900111222");
    }

    @Test
    void shouldGiveTheSameAssessmentsWhenSharedBetweenThreads() throws Exception {
        Assessor assessor = Assessors.load(AssessConfig.defaults());
        java.util.List<Post> posts = new java.util.ArrayList<>();
        String[] texts = {
                "Hiring CS in Cambodia, $1500/month, free ticket, Telegram @hr_kh88",
                "Tolong, adik saya disekap di Kamboja, paspor ditahan",
                "ทำงานที่สีหนุวิลล์ เงินเดือน 40,000 บาท ฟรีที่พัก",
                "月薪1万5 包吃住 无需经验 加飞机",
                "Warning: police arrested recruiters, beware of fake job offers"};
        for (int i = 0; i < 200; i++) {
            posts.add(Post.ofText("p" + i, "t", PostKind.SOCIAL_POST, null, "", texts[i % texts.length] + " " + i));
        }
        java.util.List<Assessment> sequential = posts.stream().map(assessor::assess).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Assessment>> futures = new java.util.ArrayList<>();
            for (Post p : posts) {
                futures.add(pool.submit(() -> assessor.assess(p)));
            }
            for (int i = 0; i < posts.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldFailFastOnAMissingConfiguredModel() {
        assertThatThrownBy(() -> Assessors.load(new AssessConfig(Path.of("no/such/model.bin"), null)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("no/such/model.bin");
    }
}
