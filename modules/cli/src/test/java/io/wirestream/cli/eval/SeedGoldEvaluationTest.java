package io.wirestream.cli.eval;

import static io.wirestream.cli.eval.TagFixtures.actor;
import static io.wirestream.cli.eval.TagFixtures.analysis;
import static io.wirestream.cli.eval.TagFixtures.region;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.model.RegionKind;
import io.wirestream.tagger.Analysis;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedGoldEvaluationTest {

    private static final String GOLD = """
            {"documents": [{
              "file": "a.txt", "focus": "AM",
              "regions": ["AM", "RU", "Yerevan", "Nagorno-Karabakh"],
              "actors": [{"name": "Nikol Pashinyan", "kind": "PERSON"},
                         {"name": "Collective Security Treaty Organization", "kind": "IGO", "aliases": ["CSTO"]},
                         {"name": "NEXTA", "kind": "MEDIA"}],
              "not_regions": ["US / New York (only in the author's biography)"],
              "not_actors": ["Getty Images (photo credit)"]
            }]}
            """;

    private static final Analysis TAGGED = analysis(List.of(
            region("AM", "Armenia", RegionKind.COUNTRY, "AM", true, null),
            region("geonames:616052", "Yerevan", RegionKind.CITY, "AM"),
            region("ws:nagorno-karabakh", "Nagorno-Karabakh Republic", RegionKind.DISPUTED, "AZ"),
            region("US-NY", "New York", RegionKind.SUBDIVISION, "US")),
            List.of(actor("leader:am-pashinyan", "Nikol Pashinyan"), actor("igo:csto", "CSTO"),
                    actor("media:getty", "Getty Images")));

    @Test
    void forbiddenNamesAreTheTextBeforeTheParenthesisSplitAtSlashes() {
        assertThat(SeedGoldEvaluation.forbiddenNames("Europe (only inside an organisation's name)")).containsExactly("Europe");
        assertThat(SeedGoldEvaluation.forbiddenNames("US / New York (only in the author's biography)"))
                .containsExactly("US", "New York");
        assertThat(SeedGoldEvaluation.forbiddenNames("Getty Images (photo credit)")).containsExactly("Getty Images");
        assertThat(SeedGoldEvaluation.forbiddenNames("AFP")).containsExactly("AFP");
    }

    @Test
    void scoresMissingForbiddenAndFocus() throws IOException {
        SeedGoldEvaluation.GoldDocument doc = SeedGoldEvaluation.parse(GOLD).get(0);
        SeedGoldEvaluation.DocumentResult r = SeedGoldEvaluation.score(doc, TAGGED);
        assertThat(r.total()).isEqualTo(7);
        assertThat(r.found()).isEqualTo(5);
        assertThat(r.missing()).containsExactly("region RU", "actor NEXTA");
        assertThat(r.forbidden()).hasSize(2).anyMatch(f -> f.startsWith("region US-NY New York"))
                .anyMatch(f -> f.startsWith("actor Getty Images"));
        assertThat(r.focusRight()).isTrue();
    }

    @Test
    void twoLetterCodeMatchesOnlyACountryTagsCountry() {
        assertThat(SeedGoldEvaluation.regionFound("AM", region("geonames:616052", "Yerevan", RegionKind.CITY, "AM"))).isFalse();
        assertThat(SeedGoldEvaluation.regionFound("AM", region("AM", "Armenia", RegionKind.COUNTRY, "AM"))).isTrue();
        assertThat(SeedGoldEvaluation.regionFound("Soviet Union", region("SU", "Soviet Union", RegionKind.HISTORICAL, null))).isTrue();
    }

    @Test
    void runResolvesFilesAgainstTheGoldDirectoryAndPrintsTheResultLine() throws IOException {
        List<Path> loaded = new ArrayList<>();
        SeedGoldEvaluation eval = new SeedGoldEvaluation(file -> {
            loaded.add(file);
            return new SeedGoldEvaluation.ArticleText("t", "b", null);
        }, (title, body, published) -> TAGGED);
        SeedGoldEvaluation.Result r = eval.run(SeedGoldEvaluation.parse(GOLD), Path.of("/gold/dir"));
        assertThat(loaded).containsExactly(Path.of("/gold/dir/a.txt"));
        StringWriter out = new StringWriter();
        eval.print(r, "test", new PrintWriter(out));
        assertThat(out.toString()).contains("missing   region RU", "missing   actor NEXTA", "focus AM right");
        assertThat(out.toString().strip().lines().reduce((x, y) -> y).orElseThrow())
                .isEqualTo("RESULT gold_found=5 gold_total=7 missing=2 forbidden=2 focus_right=1 documents=1");
    }

    @Test
    void goldWithoutDocumentsIsRejected() {
        assertThatThrownBy(() -> SeedGoldEvaluation.parse("{\"about\": \"x\"}")).isInstanceOf(IOException.class)
                .hasMessageContaining("documents");
    }
}
