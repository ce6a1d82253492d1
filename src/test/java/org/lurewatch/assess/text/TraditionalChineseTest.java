package org.lurewatch.assess.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraditionalChineseTest {
    /** The table as ICU4J's Traditional-Simplified transliterator gives it today, one character to one. */
    static String generate() {
        Transliterator t = Transliterator.getInstance("Traditional-Simplified");
        StringBuilder sb = new StringBuilder("# Traditional Chinese character -> Simplified, one to one, generated from ICU4J's Traditional-Simplified\n"
                + "# transliterator by TraditionalChineseTest (which fails when this file is stale). Tab-separated.\n");
        for (int c = 0x3400; c <= 0x9FFF; c++) {
            if (c > 0x4DBF && c < 0x4E00) {
                continue;
            }
            String s = t.transliterate(new String(Character.toChars(c)));
            if (s.length() == 1 && s.charAt(0) != c) {
                sb.append((char) c).append('\t').append(s).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void shouldMatchWhatIcuGeneratesToday() throws IOException {
        String fresh = generate();
        String committed;
        try (InputStream in = TraditionalChinese.class.getResourceAsStream(TraditionalChinese.TABLE)) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!fresh.equals(committed)) {
            Path out = Path.of("target", "traditional-to-simplified.txt");
            Files.writeString(out, fresh);
            assertThat(committed).as("src/main/resources" + TraditionalChinese.TABLE
                    + " is stale: copy " + out.toAbsolutePath() + " over it").isEqualTo(fresh);
        }
        assertThat(TraditionalChinese.size()).isGreaterThan(2500);
    }

    @Test
    void shouldFoldTraditionalToSimplifiedAndKeepOffsets() {
        TextNormalizer n = new TextNormalizer(Set.of());
        NormalizedText t = n.normalize("徵才 高薪 機票 護照");
        assertThat(t.text()).isEqualTo("征才 高薪 机票 护照");
        assertThat(t.evidence(6, 8).text()).isEqualTo("機票");
        assertThat(TraditionalChinese.simplified('a')).isEqualTo('a');
        assertThat(TraditionalChinese.simplified('机')).isEqualTo('机');
    }
}
