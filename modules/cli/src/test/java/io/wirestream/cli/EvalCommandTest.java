package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    @TempDir
    Path dir;

    private static String words(long seed, int n) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : (i % 12 == 0 ? "\n" : " ")).append("w").append(Integer.toString(r.nextInt(3000), 36));
        }
        return sb.toString();
    }

    private static String record(int newId, String date, String title, String body) {
        return "<REUTERS TOPICS=\"NO\" NEWID=\"" + newId + "\">\n<DATE>" + date + "</DATE>\n"
                + "<TEXT>&#2;\n<TITLE>" + title + "</TITLE>\n<DATELINE>    LONDON, March 3 - </DATELINE>"
                + "<BODY>" + body + "\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n";
    }

    private String run(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out();
    }

    @Test
    void evalDedupScoresASyntheticCorpusWithKnownDuplicates() throws IOException {
        String a = words(1, 150);
        String b = words(2, 150);
        String c = words(3, 150);
        Charset cp1252 = Charset.forName("windows-1252");
        // Two files; event order is by DATE, not by file or NEWID: 4 (exact copy of 1) and 5 (near copy of 2, new
        // footer) are duplicates; 3 and 6 are unrelated; 2 comes before 1.
        Files.writeString(dir.resolve("reut2-000.sgm"), "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
                + record(1, " 3-MAR-1987 10:00:00.00", "RATES RISE", a)
                + record(2, " 3-MAR-1987 09:00:00.00", "CAF\u00c9 PRICES &lt;CAFE&gt; UP", b)
                + record(3, " 3-MAR-1987 11:00:00.00", "FLOODS", c), cp1252);
        Files.writeString(dir.resolve("reut2-001.sgm"),
                record(4, " 4-MAR-1987 10:00:00.00", "RATES RISE", a)
                + record(5, " 4-MAR-1987 12:00:00.00", "CAFE PRICES UP AGAIN", b + " Reporting by Jane Doe in London")
                + record(6, " 4-MAR-1987 13:00:00.00", "OTHER NEWS", words(4, 150)), cp1252);

        String report = run("eval", "dedup", "--reuters", dir.toString());

        assertThat(report).contains("articles:                 6", "truth duplicates:         2",
                "predicted duplicates:     2", "duplicateOf agreement:    1.0000", "S-curve at 20 x 5");
        assertThat(report.strip().lines().reduce((x, y) -> y).orElseThrow())
                .matches("RESULT precision=1\\.0000 recall=1\\.0000 f1=1\\.0000 articles=6 seconds=\\d+\\.\\d\\d");
    }

    @Test
    void limitAndBandsAreHonoured() throws IOException {
        String a = words(1, 150);
        Files.writeString(dir.resolve("reut2-000.sgm"),
                record(1, " 3-MAR-1987 10:00:00.00", "A", a) + record(2, " 3-MAR-1987 11:00:00.00", "A", a)
                        + record(3, " 3-MAR-1987 12:00:00.00", "A", a));
        String report = run("eval", "dedup", "--reuters", dir.toString(), "--limit", "2", "--bands", "32", "--rows", "4");
        assertThat(report).contains("bands=32 x rows=4 (signature 128", "truth duplicates:         1");
        assertThat(report).contains("articles=2 ");
    }
}
