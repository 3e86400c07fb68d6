package io.wirestream.cli.eval;

import static io.wirestream.cli.eval.TagFixtures.actor;
import static io.wirestream.cli.eval.TagFixtures.analysis;
import static io.wirestream.cli.eval.TagFixtures.region;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wirestream.model.ActorTag;
import io.wirestream.model.Mention;
import io.wirestream.model.TextField;
import io.wirestream.model.RegionKind;
import io.wirestream.tagger.Analysis;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReutersTagEvaluationTest {

    private static final ReutersPlaces PLACES = ReutersPlaces.parse(ReutersPlacesTest.TSV);

    private static String record(int id, String title, String places, String people, String orgs, String body) {
        return "<REUTERS NEWID=\"" + id + "\"><DATE>26-FEB-1987 15:01:01.79</DATE>"
                + "<PLACES>" + places + "</PLACES><PEOPLE>" + people + "</PEOPLE><ORGS>" + orgs + "</ORGS>"
                + "<TEXT><TITLE>" + title + "</TITLE>" + (body == null ? "" : "<BODY>" + body + "</BODY>") + "</TEXT></REUTERS>\n";
    }

    /** Runs the evaluation with the analysis given per title. */
    private static ReutersTagEvaluation.Result run(String sgml, Map<String, Analysis> byTitle) {
        Analysis none = analysis(List.of(), List.of());
        return new ReutersTagEvaluation(PLACES, (title, body, published) -> byTitle.getOrDefault(title, none))
                .run(ReutersReader.parseLabelled(sgml));
    }

    @Test
    void onlyTheGoldCountryPredictedIsPerfect() {
        String sgml = record(1, "A", "<D>usa</D>", "", "", "Washington said.");
        ReutersTagEvaluation.Result r = run(sgml, Map.of("A", analysis(List.of(
                region("geonames:4140963", "Washington", RegionKind.CITY, "US"),
                region("US", "United States", RegionKind.COUNTRY, "US")), List.of())));
        assertThat(r.places()).isEqualTo(new Counts(1, 0, 0));
        assertThat(r.places().precision()).isEqualTo(1.0);
        assertThat(r.documents()).isEqualTo(1);
    }

    @Test
    void wrongCountryIsAFalsePositiveAndTheMissedOneAFalseNegative() {
        String sgml = record(1, "A", "<D>usa</D>", "", "", "x") + record(2, "B", "<D>uk</D><D>japan</D>", "", "", "y");
        ReutersTagEvaluation.Result r = run(sgml, Map.of(
                "A", analysis(List.of(region("US", "United States", RegionKind.COUNTRY, "US")), List.of()),
                "B", analysis(List.of(region("GB", "United Kingdom", RegionKind.COUNTRY, "GB"),
                        region("FR", "France", RegionKind.COUNTRY, "FR")), List.of())));
        assertThat(r.places()).isEqualTo(new Counts(2, 1, 1));
        assertThat(r.places().precision()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(r.places().recall()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(r.macroPrecision()).isCloseTo((1 + 0.5) / 2, within(1e-9));
        assertThat(r.macroRecall()).isCloseTo((1 + 0.5) / 2, within(1e-9));
        assertThat(r.falsePositives().count("france")).isEqualTo(1);
        assertThat(r.falseNegatives().count("japan")).isEqualTo(1);
    }

    @Test
    void successorStateOrHistoricalCodeCountsAndSharedCodeIsNoExtraFalsePositive() {
        String sgml = record(1, "A", "<D>ussr</D>", "", "", "x") + record(2, "B", "<D>ussr</D>", "", "", "y")
                + record(3, "C", "<D>west-germany</D>", "", "", "z");
        ReutersTagEvaluation.Result r = run(sgml, Map.of(
                "A", analysis(List.of(region("geonames:524901", "Moscow", RegionKind.CITY, "RU")), List.of()),
                "B", analysis(List.of(region("SU", "Soviet Union", RegionKind.HISTORICAL, null)), List.of()),
                "C", analysis(List.of(region("DE", "Germany", RegionKind.COUNTRY, "DE")), List.of())));
        assertThat(r.places()).isEqualTo(new Counts(3, 0, 0));
    }

    @Test
    void predictedCodeWithoutReutersCodeIsListedNotScored() {
        String sgml = record(1, "A", "<D>usa</D>", "", "", "x");
        ReutersTagEvaluation.Result r = run(sgml, Map.of("A", analysis(List.of(
                region("US", "United States", RegionKind.COUNTRY, "US"),
                region("IT", "Italy", RegionKind.COUNTRY, "IT")), List.of())));
        assertThat(r.places()).isEqualTo(new Counts(1, 0, 0));
        assertThat(r.unmappedPredicted().count("IT")).isEqualTo(1);
    }

    @Test
    void recordsWithoutPlacesOrBodyAreNotEvaluated() {
        String sgml = record(1, "A", "", "", "", "x") + record(2, "B", "<D>usa</D>", "", "", null)
                + record(3, "C", "<D>usa</D>", "", "", " \n ");
        assertThat(run(sgml, Map.of()).documents()).isZero();
    }

    @Test
    void peopleAndOrgsAreFoundByWordsSquashedNameOrInitials() {
        List<ActorTag> actors = List.of(actor("leader:us-baker", "James Baker"), actor("igo:wb", "World Bank"),
                actor("igo:opec", "Organization of the Petroleum Exporting Countries"),
                actor("igo:ico", "International Coffee Organization"), actor("x:unsc", "Security Council"),
                actor("p:weizsaecker", "Richard von Weizsäcker"));
        assertThat(ReutersTagEvaluation.found("james-baker", actors)).isTrue();
        assertThat(ReutersTagEvaluation.found("worldbank", actors)).isTrue();
        assertThat(ReutersTagEvaluation.found("opec", actors)).isTrue();
        assertThat(ReutersTagEvaluation.found("ico-coffee", actors)).isTrue();
        assertThat(ReutersTagEvaluation.found("von-weizsaecker", actors)).isTrue();
        assertThat(ReutersTagEvaluation.found("ec", actors)).as("not a substring of 'Security'").isFalse();
        assertThat(ReutersTagEvaluation.found("howard-baker", actors)).isFalse();
    }

    @Test
    void peopleAndOrgsRecallAndResultLine() {
        String sgml = record(1, "A", "<D>usa</D>", "<D>reagan</D><D>james-baker</D>", "<D>opec</D>", "x");
        ReutersTagEvaluation eval = new ReutersTagEvaluation(PLACES, (t, b, p) -> analysis(
                List.of(region("US", "United States", RegionKind.COUNTRY, "US"),
                        region("FR", "France", RegionKind.COUNTRY, "FR")),
                List.of(actor("leader:us-reagan", "Ronald Reagan"), actor("igo:opec", "OPEC"))));
        ReutersTagEvaluation.Result r = eval.run(ReutersReader.parseLabelled(sgml));
        assertThat(r.peopleRecall()).isEqualTo(0.5);
        assertThat(r.orgsRecall()).isEqualTo(1.0);
        StringWriter out = new StringWriter();
        eval.print(r, "test", new PrintWriter(out));
        assertThat(out.toString()).contains("james-baker");
        assertThat(out.toString().strip().lines().reduce((x, y) -> y).orElseThrow()).isEqualTo(
                "RESULT precision=0.5000 recall=1.0000 f1=0.6667 tp=1 fp=1 fn=0 documents=1 people_recall=0.5000 orgs_recall=1.0000");
    }

    @Test
    void orgIsFoundByItsAcronymAsWrittenInTheText() {
        ActorTag icco = ActorTag.newBuilder(actor("discovered:international-cocoa-organization", "International Cocoa Organization"))
                .setMentions(List.of(Mention.newBuilder().setField(TextField.BODY).setStart(0).setEnd(4).setSurface("ICCO")
                        .setRule("test").build())).setMentionCount(1).build();
        assertThat(ReutersTagEvaluation.found("icco", List.of(icco))).isTrue();
        assertThat(ReutersTagEvaluation.found("icco", List.of(actor("x", "International Cocoa Organization")))).isFalse();
    }
}
