package org.lurewatch.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimHashTest {
    private static final String LURE = "Lowongan kerja customer service di Kamboja. Gaji 1500 USD per bulan, tiket "
            + "pesawat, visa, makan dan mess ditanggung perusahaan. Tidak perlu pengalaman, usia 18-35 tahun, paspor "
            + "siap. Berangkat minggu depan! Hubungi Telegram @hrd_kerja_kamboja";

    @Test
    void shouldGiveLightlyEditedLuresNearFingerprints() {
        long original = SimHash.of(LURE).orElseThrow();

        for (String variant : List.of(
                LURE.replace("@hrd_kerja_kamboja", "@rekrut_asia").replace("1500", "1800"),
                "🔥🔥 " + LURE.replace("Tidak perlu pengalaman", "Tanpa pengalaman"),
                LURE.replace("Kamboja", "Thailand"),
                LURE.replace("minggu depan", "segera").toUpperCase(),
                LURE.replace("o", "\u200Bo"))) {
            assertThat(SimHash.distance(original, SimHash.of(variant).orElseThrow())).as(variant)
                    .isLessThanOrEqualTo(SimHash.MAX_DISTANCE);
        }
    }

    @Test
    void shouldKeepLegitimateJobsAndWarningsThatReuseLurePhrasesApart() {
        long lure = SimHash.of(LURE).orElseThrow();

        for (String other : List.of(
                "Lowongan kerja customer service di Jakarta. Gaji UMR per bulan, BPJS ditanggung perusahaan. "
                        + "Pengalaman minimal 1 tahun, usia 20-35 tahun. Kirim CV ke email HRD.",
                "Hati-hati penipuan! Lowongan kerja customer service di Kamboja dengan gaji besar, tiket dan visa "
                        + "gratis sering berujung perdagangan orang. Laporkan ke hotline.",
                "Lowongan kerja admin input data di Kamboja. Gaji 20 juta per bulan, tiket pesawat dan visa gratis, "
                        + "makan dan mess ditanggung. Tidak perlu pengalaman, usia 18-30 tahun.")) {
            assertThat(SimHash.nearIdentical(lure, SimHash.of(other).orElseThrow())).as(other).isFalse();
        }
    }

    @Test
    void shouldGiveNoFingerprintToTextsTooShortToCompare() {
        assertThat(SimHash.of("LURE kerja di Kamboja @hr_x +6281234567890")).isEmpty();
        assertThat(SimHash.of("งานแอดมินที่กัมพูชา เงินเดือนสูง ติดต่อไลน์")).as("no spaces, few words").isEmpty();
    }

    @Test
    void shouldShareABandWheneverTwoFingerprintsAreNear() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long a = random.nextLong();
            long b = a;
            int flips = random.nextInt(SimHash.MAX_DISTANCE + 1);
            Set<Integer> bits = new HashSet<>();
            while (bits.size() < flips) {
                bits.add(random.nextInt(64));
            }
            for (int bit : bits) {
                b ^= 1L << bit;
            }
            Set<String> shared = new HashSet<>(SimHash.bandKeys(a));
            shared.retainAll(SimHash.bandKeys(b));
            assertThat(shared).as("%x and %x", a, b).isNotEmpty();
        }
    }

    @Test
    void shouldRemoveContactsNumbersAndInvisibleCharactersBeforeHashing() {
        assertThat(SimHashText.normalise("Ｇａｊｉ 1.500 USD!! W\u200BA +62 812-3456-7890, t.me/hr_x @hr_x https://bit.ly/x"))
                .isEqualTo("gaji usd wa");
    }
}
