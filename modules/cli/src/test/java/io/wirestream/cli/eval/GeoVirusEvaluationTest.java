package io.wirestream.cli.eval;

import static io.wirestream.cli.eval.TagFixtures.analysis;
import static io.wirestream.cli.eval.TagFixtures.region;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wirestream.model.RegionKind;
import io.wirestream.model.RegionTag;
import io.wirestream.tagger.Analysis;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeoVirusEvaluationTest {

    private static final String TEXT_A = "Paris, France and New York City reported cases.";
    private static final String TEXT_B = "No places here, says Georgia Smith.";

    private static List<GeoVirusReader.Article> corpus() throws IOException {
        // 1-based offsets, as in the published file.
        String xml = GeoVirusReaderTest.xml(
                GeoVirusReaderTest.article(TEXT_A, "Paris", "1", "6", "France", "8", "14", "New York City", "19", "32"),
                GeoVirusReaderTest.article(TEXT_B));
        return GeoVirusReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).articles();
    }

    private static GeoVirusEvaluation evaluation() {
        // Paris exact; France tagged twice (city tag shares the span: counted once); "New York" is a partial
        // overlap of "New York City"; "Georgia" is a false positive.
        Map<String, Analysis> byText = Map.of(
                TEXT_A, analysis(List.of(
                        region("geonames:2988507", "Paris", RegionKind.CITY, "FR", false, TEXT_A, 0, 5),
                        region("FR", "France", RegionKind.COUNTRY, "FR", true, TEXT_A, 7, 13),
                        region("US-NY", "New York", RegionKind.SUBDIVISION, "US", false, TEXT_A, 18, 26),
                        region("geonames:1", "France", RegionKind.CITY, "FR", false, TEXT_A, 7, 13)), List.of()),
                TEXT_B, analysis(List.of(region("GE", "Georgia", RegionKind.COUNTRY, "GE", false, TEXT_B, 21, 28)), List.of()));
        return new GeoVirusEvaluation((title, body, published) -> byText.get(body));
    }

    @Test
    void exactAndOverlapScoresCountSpans() throws IOException {
        GeoVirusEvaluation.Result r = evaluation().run(corpus());
        assertThat(r.gold()).isEqualTo(3);
        assertThat(r.predicted()).isEqualTo(4);
        assertThat(r.exact()).isEqualTo(new Counts(2, 2, 1));
        assertThat(r.overlap()).isEqualTo(new Counts(3, 1, 0));
        assertThat(r.exact().f1()).isCloseTo(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), within(1e-9));
        assertThat(r.falsePositives().count("Georgia  (GE COUNTRY)")).isEqualTo(1);
        assertThat(r.boundaries().count("gold 'New York City' ~ predicted 'New York'")).isEqualTo(1);
    }

    @Test
    void overlapMatchingIsOneToOne() {
        String text = "New York City";
        List<GeoVirusReader.Location> gold = List.of(new GeoVirusReader.Location("New York", 0, 8),
                new GeoVirusReader.Location("York City", 4, 13));
        RegionTag one = region("geonames:5128581", "New York City", RegionKind.CITY, "US", false, text, 0, 13);
        int[] match = GeoVirusEvaluation.match(gold, GeoVirusEvaluation.spans(analysis(List.of(one), List.of())));
        assertThat(match).as("the larger overlap wins, the other gold span stays unmatched").containsExactly(-1, 0);
    }

    @Test
    void reportEndsWithTheResultLine() throws IOException {
        GeoVirusReader.Corpus c = GeoVirusReader.read(new ByteArrayInputStream(GeoVirusReaderTest.xml(
                GeoVirusReaderTest.article(TEXT_A, "Paris", "1", "6", "France", "8", "14", "New York City", "19", "32"),
                GeoVirusReaderTest.article(TEXT_B)).getBytes(StandardCharsets.UTF_8)));
        GeoVirusEvaluation eval = evaluation();
        StringWriter out = new StringWriter();
        eval.print(eval.run(c.articles()), c, "test", new PrintWriter(out));
        assertThat(out.toString()).contains("read as utf16_one_based");
        assertThat(out.toString().strip().lines().reduce((x, y) -> y).orElseThrow()).isEqualTo(
                "RESULT exact_precision=0.5000 exact_recall=0.6667 exact_f1=0.5714 overlap_precision=0.7500 "
                        + "overlap_recall=1.0000 overlap_f1=0.8571 gold=3 predicted=4 articles=2");
    }

    @Test
    void articleTheTaggerThrowsOnIsSkippedAndReported() throws IOException {
        GeoVirusEvaluation eval = new GeoVirusEvaluation((title, body, published) -> {
            if (body.equals(TEXT_B)) {
                throw new IllegalStateException("boom");
            }
            return analysis(List.of(region("geonames:2988507", "Paris", RegionKind.CITY, "FR", false, TEXT_A, 0, 5)), List.of());
        });
        GeoVirusEvaluation.Result r = eval.run(corpus());
        assertThat(r.articles()).isEqualTo(1);
        assertThat(r.errors().count()).isEqualTo(1);
        assertThat(r.exact()).isEqualTo(new Counts(1, 0, 2));
        StringWriter out = new StringWriter();
        eval.print(r, GeoVirusReader.read(new ByteArrayInputStream(GeoVirusReaderTest.xml(
                GeoVirusReaderTest.article(TEXT_B)).getBytes(StandardCharsets.UTF_8))), "test", new PrintWriter(out));
        assertThat(out.toString()).contains("TAGGER ERRORS: 1 articles skipped", "article 2 https://example.org/a: "
                + "java.lang.IllegalStateException: boom");
    }
}
