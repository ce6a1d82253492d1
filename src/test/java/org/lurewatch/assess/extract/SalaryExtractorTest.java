package org.lurewatch.assess.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SalaryExtractorTest {
    private static Salary first(String text, String lang) {
        List<Salary> s = ExtractionHelper.extract(text, lang).salaries();
        assertThat(s).as(text).isNotEmpty();
        return s.get(0);
    }

    @Test
    void shouldReadDollarRangesPerMonth() {
        Salary s = first("Salary: $1,200 - $1,500 USD/month + commission", "en");
        assertThat(s.low()).isEqualTo(1200);
        assertThat(s.high()).isEqualTo(1500);
        assertThat(s.currency()).isEqualTo("USD");
        assertThat(s.period()).isEqualTo("month");
        assertThat(s.usdPerMonth()).isEqualTo(1500);
    }

    @Test
    void shouldReadShorthandAndLocalNumberWords() {
        assertThat(first("💰1k5 USD/month typing job", "en").high()).isEqualTo(1500);
        Salary vi = first("tổng thu nhập 25-40 triệu/tháng", "vi");
        assertThat(vi.currency()).isEqualTo("VND");
        assertThat(vi.low()).isEqualTo(25_000_000);
        assertThat(vi.high()).isEqualTo(40_000_000);
        assertThat(vi.usdPerMonth()).isCloseTo(1560, within(1.0));
        assertThat(first("lương 15tr5", "vi").high()).isEqualTo(15_500_000);
        assertThat(first("gaji 8 juta sebulan", "id").high()).isEqualTo(8_000_000);
        assertThat(first("月薪1万5", "zh").high()).isEqualTo(15_000);
        assertThat(first("รายได้ไม่ต่ำกว่า 3 หมื่น", "th").high()).isEqualTo(30_000);
        assertThat(first("Rp 15.000.000 per bulan", "id").high()).isEqualTo(15_000_000);
        assertThat(first("sahod ₱70 libo", "tl").high()).isEqualTo(70_000);
    }

    @Test
    void shouldUseTheLanguageCurrencyWhenOnlyAPayWordIsGiven() {
        Salary th = first("เงินเดือน 35,000 บาท", "th");
        assertThat(th.currency()).isEqualTo("THB");
        assertThat(th.usdPerMonth()).isCloseTo(980, within(1.0));
        assertThat(first("ลงทะเบียน เงินเดือน 30,000", "th").currency()).isEqualTo("THB");
    }

    @Test
    void shouldTakeAnImplausiblyLowLocalAmountAsDollars() {
        Salary s = first("gaji 1500, tiket dibayarin", "id");
        assertThat(s.currency()).isEqualTo("USD");
        assertThat(s.usdPerMonth()).isEqualTo(1500);
    }

    @Test
    void shouldConvertDailyAndHourlyPayToMonthly() {
        assertThat(first("lương 350k/ngày", "vi").period()).isEqualTo("day");
        assertThat(first("salary $50 per day", "en").usdPerMonth()).isEqualTo(50 * 26);
        assertThat(first("lương 23k/giờ", "vi").period()).isEqualTo("hour");
    }

    @Test
    void shouldReadAMultiplierWrittenBeforeTheNumberAndAPeriodAfterANumberWord() {
        assertThat(first("လစာ သိန်း ၁၅", "my").high()).isEqualTo(1_500_000);
        Salary tl = first("typing lang, 50k kada buwan", "tl");
        assertThat(tl.high()).isEqualTo(50_000);
        assertThat(tl.currency()).isEqualTo("PHP");
    }

    @Test
    void shouldNotTakeMoneyWithoutAPayOrJobWordForPay() {
        assertThat(ExtractionHelper.extract("lost $5000 at the casino last night", "en").salaries()).isEmpty();
        assertThat(ExtractionHelper.extract("typing job, $1500 plus bonus", "en").salaries()).isNotEmpty();
    }

    @Test
    void shouldIgnoreNumbersThatAreNotPay() {
        assertThat(ExtractionHelper.extract("Work 12 hours/day, 18 to 35 years old, 7 days", "en").salaries()).isEmpty();
    }
}
