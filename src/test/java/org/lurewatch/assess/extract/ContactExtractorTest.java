package org.lurewatch.assess.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lurewatch.assess.Contact;

class ContactExtractorTest {
    private static List<String> keys(String text, String lang) {
        return ExtractionHelper.extract(text, lang).contacts().stream().map(Contact::key).toList();
    }

    @Test
    void shouldFindTelegramHandlesAndLinks() {
        assertThat(keys("Message HR on Telegram @HR_KH_Recruit21 now", "en")).containsExactly("telegram:hr_kh_recruit21");
        assertThat(keys("join https://t.me/fastjob_asia88 today", "en")).containsExactly("telegram:fastjob_asia88");
        assertThat(keys("tele: hrjob_88", "en")).containsExactly("telegram:hrjob_88");
    }

    @Test
    void shouldTakeABareHandleAsTelegramButNotASocialMention() {
        assertThat(keys("PM 👉 @fastjob_asia_88", "en")).containsExactly("telegram:fastjob_asia_88");
        assertThat(keys("follow us on instagram @our_shop_bkk", "en")).isEmpty();
    }

    @Test
    void shouldNormaliseNationalNumbersToE164WithTheLanguageOrCountry() {
        assertThat(keys("Liên hệ Zalo 0900.111.222", "vi")).containsExactly("phone:+84900111222");
        assertThat(keys("WA 0812-3456-7890", "id")).containsExactly("whatsapp:+6281234567890");
        assertThat(ExtractionHelper.extract("call 0812 345 6789", "en", "TH").contacts())
                .extracting(Contact::key).containsExactly("phone:+668123456789");
        assertThat(keys("WhatsApp: +66 81 234 5678 (Ms. Mai)", "en")).containsExactly("whatsapp:+66812345678");
    }

    @Test
    void shouldFindWhatsappLinksLineAndWechatIds() {
        assertThat(keys("apply wa.me/6281234567890", "en")).containsExactly("whatsapp:+6281234567890");
        assertThat(keys("ทักไลน์ ไอดี: adm1n_jobs", "th")).containsExactly("line:adm1n_jobs");
        assertThat(keys("加微信：kf_hr888", "zh")).containsExactly("wechat:kf_hr888");
    }

    @Test
    void shouldFindUrlsDomainsAndEmails() {
        assertThat(keys("apply at https://jobs-asia.xyz/apply?id=3 or hr@jobs-asia.xyz", "en"))
                .containsExactly("email:hr@jobs-asia.xyz", "url:jobs-asia.xyz/apply?id=3", "domain:jobs-asia.xyz");
        assertThat(keys("details bit.ly/3abcd", "en")).containsExactly("url:bit.ly/3abcd", "domain:bit.ly");
    }

    @Test
    void shouldNotTakeMoneyDatesOrAgesForPhoneNumbers() {
        assertThat(keys("gaji Rp 15.000.000 per bulan, usia 18-35, mulai 2024-05-12", "id")).isEmpty();
        assertThat(keys("salary 45,000 THB, 1 200 000 riel", "en")).isEmpty();
    }

    @Test
    void shouldKeepEvidenceOnTheOriginalText() {
        Extraction ex = ExtractionHelper.extract("Liên hệ Z.a.l.o 09OO 111 222", "vi");
        Contact c = ex.contacts().get(0);
        assertThat(c.value()).isEqualTo("+84900111222");
        assertThat(c.evidence().text()).isEqualTo("09OO 111 222");
    }

    @Test
    void shouldNormalisePhoneNumbersWithoutACountry() {
        assertThat(PhoneNumbers.normalize("+66 81 234 5678", null)).isEqualTo("+66812345678");
        assertThat(PhoneNumbers.normalize("0081234567890", null)).isEqualTo("+81234567890");
        assertThat(PhoneNumbers.normalize("855 12 345 678", null)).isEqualTo("+85512345678");
        assertThat(PhoneNumbers.normalize("0912 345 678", null)).isEqualTo("0912345678");
        assertThat(PhoneNumbers.normalize("13812345678", "86")).isEqualTo("+8613812345678");
    }
}
