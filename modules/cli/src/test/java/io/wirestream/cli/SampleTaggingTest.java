package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.model.ActorKind;
import io.wirestream.model.ActorTag;
import io.wirestream.model.RegionKind;
import io.wirestream.model.RegionTag;
import io.wirestream.tagger.Analysis;
import io.wirestream.tagger.Tagger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tagging traps the bundled samples were written with (samples/README.md, "Tagger traps"). */
class SampleTaggingTest {

    private static final Map<String, Analysis> BY_ID = new LinkedHashMap<>();
    private static final Map<String, String> TEXT = new LinkedHashMap<>();

    @BeforeAll
    static void tagSamples() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SampleTaggingTest.class.getResourceAsStream("/samples/articles.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode o = json.readTree(line);
                String id = o.get("id").asText();
                BY_ID.put(id, Tagger.shared().analyze(o.path("title").asText(""), o.path("text").asText(""),
                        Instant.parse(o.get("published").asText())));
                TEXT.put(id, o.path("text").asText(""));
            }
        }
    }

    private static List<Analysis> startingWith(String... prefixes) {
        return BY_ID.entrySet().stream().filter(e -> List.of(prefixes).stream().anyMatch(p -> e.getKey().startsWith(p + "-")))
                .map(Map.Entry::getValue).toList();
    }

    private static List<String> codes(Analysis a) {
        return a.regions().stream().map(RegionTag::getCode).toList();
    }

    private static List<String> actorNames(Analysis a) {
        return a.actors().stream().map(ActorTag::getName).toList();
    }

    @Test
    void samplesAreThere() {
        assertThat(BY_ID).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void georgiaTheCountryNextToTbilisiAndTheStateNextToAtlanta() {
        assertThat(startingWith("s06", "s07", "s08", "s11", "s33")).isNotEmpty()
                .allSatisfy(a -> assertThat(codes(a)).contains("GE").doesNotContain("US-GA"));
        assertThat(startingWith("s35")).isNotEmpty()
                .allSatisfy(a -> assertThat(codes(a)).contains("US-GA").doesNotContain("GE"));
        assertThat(startingWith("s14", "s15", "s16", "s17")).isNotEmpty()
                .allSatisfy(a -> assertThat(codes(a)).doesNotContain("GE"));
    }

    @Test
    void jordanAndChadAsPeopleAreNotCountries() {
        assertThat(startingWith("s14", "s15", "s16", "s17", "s29", "s30", "s31", "s32")).isNotEmpty()
                .allSatisfy(a -> assertThat(codes(a)).doesNotContain("JO"));
        Analysis water = startingWith("s28").get(0);
        assertThat(codes(water)).contains("JO");
        assertThat(water.actors()).anySatisfy(x -> {
            assertThat(x.getName()).isEqualTo("Jordan Blake");
            assertThat(x.getKind()).isEqualTo(ActorKind.PERSON);
        });
        assertThat(startingWith("s09", "s10", "s12", "s13")).isNotEmpty().allSatisfy(a -> {
            assertThat(codes(a)).contains("TD", "NE", "NG");
            assertThat(actorNames(a)).contains("Chad Morrison");
        });
    }

    @Test
    void turkeyTheBirdIsNotTheCountry() {
        assertThat(startingWith("s40")).isNotEmpty().allSatisfy(a -> assertThat(codes(a)).doesNotContain("TR"));
        assertThat(startingWith("s33")).isNotEmpty().allSatisfy(a -> assertThat(codes(a)).contains("TR"));
    }

    @Test
    void parisIsInTexasOrInFranceAsTheTextSays() {
        assertThat(startingWith("s40")).isNotEmpty().allSatisfy(a -> assertThat(a.regions()).anySatisfy(r -> {
            assertThat(r.getName()).isEqualTo("Paris");
            assertThat(r.getCountry()).isEqualTo("US");
        }));
    }

    @Test
    void washingtonTheStateTheCapitalAndTheGovernment() {
        Analysis apples = startingWith("s36").get(0);
        assertThat(codes(apples)).contains("US-WA");
        assertThat(apples.regions()).anySatisfy(r -> assertThat(r.getName()).startsWith("Washington, D.C."));
    }

    @Test
    void commonWordsAreNotCitiesExceptTheRealSplit() {
        for (Map.Entry<String, Analysis> e : BY_ID.entrySet()) {
            assertThat(e.getValue().regions()).as(e.getKey())
                    .noneSatisfy(r -> assertThat(r.getName()).isIn("Mobile", "Nice", "Reading", "Bath"));
        }
        assertThat(startingWith("s38")).isNotEmpty().allSatisfy(a -> assertThat(a.regions())
                .anySatisfy(r -> assertThat(r.getName()).isEqualTo("Split")));
        assertThat(startingWith("s41")).isNotEmpty().allSatisfy(a -> assertThat(a.regions())
                .noneSatisfy(r -> assertThat(r.getName()).isEqualTo("Split")));
    }

    @Test
    void placesInsideOrganisationNamesAreNotTagged() {
        assertThat(startingWith("s06", "s07", "s08", "s11")).allSatisfy(a -> assertThat(codes(a)).doesNotContain("ws:europe"));
        assertThat(startingWith("s37")).isNotEmpty().allSatisfy(a -> assertThat(a.regions())
                .noneSatisfy(r -> assertThat(r.getName()).isEqualTo("Chicago")));
    }

    @Test
    void theGuineasAndTheGulfOfGuinea() {
        Analysis a = startingWith("s34").get(0);
        assertThat(codes(a)).contains("GN", "GW", "GQ");
        assertThat(a.regions()).filteredOn(r -> r.getKind() == RegionKind.COUNTRY).extracting(RegionTag::getCode)
                .doesNotContain("PG");
    }
}
