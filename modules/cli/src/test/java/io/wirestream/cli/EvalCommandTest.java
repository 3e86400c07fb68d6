package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    private static String lastLine(String report) {
        return report.strip().lines().reduce((x, y) -> y).orElseThrow();
    }

    private static List<String> resultLines(String report) {
        return report.lines().filter(l -> l.startsWith("RESULT ")).toList();
    }

    @Test
    void evalTagsWithoutAnInputIsAUsageError() {
        CliRun r = CliRun.of("eval", "tags");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("give at least one of --gold, --geovirus, --reuters");
    }

    @Test
    void evalTagsOnUnreadableInputExitsTwoNamingIt() throws IOException {
        CliRun missing = CliRun.of("eval", "tags", "--geovirus", dir.resolve("nope.xml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--geovirus: not a readable file", "nope.xml");
        Files.writeString(dir.resolve("gold.json"), "{\"documents\": [{\"focus\": \"FR\"}]}");
        CliRun bad = CliRun.of("eval", "tags", "--gold", dir.resolve("gold.json").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("gold document 1 has no \"file\"");
    }

    @Test
    void evalTagsGoldExtractsAndScoresAnnotatedArticle() throws IOException {
        Files.writeString(dir.resolve("floods.txt"), """
                Floods hit France

                Heavy rain flooded towns across France on Monday, the French interior ministry said. \
                Rivers in France burst their banks and thousands of homes in France were without power.
                """);
        Files.writeString(dir.resolve("gold.json"), """
                {"documents": [{"file": "floods.txt", "focus": "FR", "regions": ["FR", "Atlantis"], "actors": [],
                  "not_regions": ["Germany (not mentioned)"], "not_actors": []}]}
                """);
        String report = run("eval", "tags", "--gold", dir.resolve("gold.json").toString());
        assertThat(report).contains("floods.txt: found 1/2, focus FR right", "missing   region Atlantis");
        assertThat(lastLine(report)).isEqualTo("RESULT gold_found=1 gold_total=2 missing=1 forbidden=0 focus_right=1 documents=1");
    }

    @Test
    void evalTagsGeovirusAndReutersReportOneBlockEach() throws IOException {
        String text = "Cases rose in France and Germany this week.";
        // 1-based offsets, as GeoVirus writes them.
        Files.writeString(dir.resolve("geo.xml"), "<articles><article><source>s</source><text>" + text + "</text><locations>"
                + "<location><name>France</name><start>15</start><end>21</end></location>"
                + "<location><name>Germany</name><start>26</start><end>33</end></location>"
                + "</locations></article><article><source>t</source><text>Nothing here.</text><locations/></article></articles>",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("reut2-000.sgm"),
                "<REUTERS NEWID=\"1\"><DATE> 3-MAR-1987 10:00:00.00</DATE><PLACES><D>france</D></PLACES><PEOPLE></PEOPLE>"
                + "<ORGS></ORGS><TEXT><TITLE>FRANCE CUTS TAXES</TITLE><BODY>The French government said France will cut "
                + "taxes next year.\n Reuter\n&#3;</BODY></TEXT></REUTERS>\n"
                + "<REUTERS NEWID=\"2\"><DATE> 3-MAR-1987 11:00:00.00</DATE><PLACES><D>japan</D></PLACES><PEOPLE></PEOPLE>"
                + "<ORGS></ORGS><TEXT><TITLE>JAPAN EXPORTS RISE</TITLE><BODY>Japan's exports to Brazil rose in February, "
                + "the finance ministry in Tokyo said.\n Reuter\n&#3;</BODY></TEXT></REUTERS>\n"
                + "<REUTERS NEWID=\"3\"><DATE> 3-MAR-1987 12:00:00.00</DATE><PLACES></PLACES><TEXT><TITLE>NO PLACE</TITLE>"
                + "<BODY>Germany.</BODY></TEXT></REUTERS>\n", Charset.forName("windows-1252"));

        String report = run("eval", "tags", "--geovirus", dir.resolve("geo.xml").toString(), "--reuters", dir.toString(),
                "--min-salience", "0");

        assertThat(report).contains("read as utf16_one_based", "utf16 2,");
        List<String> results = resultLines(report);
        assertThat(results).hasSize(2);
        assertThat(results.get(0)).startsWith("RESULT exact_precision=1.0000 exact_recall=1.0000 exact_f1=1.0000 ")
                .endsWith(" gold=2 predicted=2 articles=2");
        // Brazil is a false positive: precision 2/3 over the two records that have places.
        assertThat(results.get(1)).startsWith("RESULT precision=0.6667 recall=1.0000 f1=0.8000 tp=2 fp=1 fn=0 documents=2 ");
        assertThat(lastLine(report)).isEqualTo(results.get(1));

        // By default only the places a story is about count: Brazil, named once in passing, is not one of them.
        List<String> salient = resultLines(run("eval", "tags", "--reuters", dir.toString()));
        assertThat(salient.get(0)).startsWith("RESULT precision=1.0000 recall=1.0000 f1=1.0000 tp=2 fp=0 fn=0 documents=2 ");
    }
}
