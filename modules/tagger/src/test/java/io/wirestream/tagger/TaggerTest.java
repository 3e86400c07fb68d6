package io.wirestream.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.model.ActorKind;
import io.wirestream.model.ActorTag;
import io.wirestream.model.Mention;
import io.wirestream.model.RegionKind;
import io.wirestream.model.RegionTag;
import io.wirestream.model.TextField;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaggerTest {

    private static final Tagger TAGGER = Tagger.shared();
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private static Analysis analyze(String body) {
        return TAGGER.analyze("", body, NOW);
    }

    private static List<String> codes(Analysis a) {
        return a.regions().stream().map(RegionTag::getCode).toList();
    }

    private static Optional<RegionTag> region(Analysis a, String code) {
        return a.regions().stream().filter(r -> r.getCode().equals(code)).findFirst();
    }

    private static Optional<ActorTag> actor(Analysis a, String name) {
        return a.actors().stream().filter(x -> x.getName().equals(name)).findFirst();
    }

    // ---- countries, demonyms, offsets ----------------------------------------------------------------------

    @Test
    void demonymsCountForTheirCountry() {
        Analysis a = analyze("Armenian officials said Azerbaijani forces shelled villages near the border.");
        assertThat(codes(a)).contains("AM", "AZ");
        assertThat(region(a, "AZ").orElseThrow().getMentions().get(0).getRule()).isEqualTo("gazetteer:demonym");
    }

    @Test
    void mentionOffsetsPointAtTheirTextEvenAfterAnEmoji() {
        String body = "Storms hit São Paulo 🌧️ and Rio de Janeiro overnight, Brazil's civil defence agency said.";
        Analysis a = analyze(body);
        assertThat(a.regions()).isNotEmpty();
        for (RegionTag r : a.regions()) {
            for (Mention m : r.getMentions()) {
                assertThat(body.substring(m.getStart(), m.getEnd())).isEqualTo(m.getSurface());
            }
        }
        assertThat(a.regions()).extracting(RegionTag::getName).contains("São Paulo", "Rio de Janeiro", "Brazil");
        assertThat(a.focus()).isEqualTo("BR");
    }

    @Test
    void titleMentionsAreReportedInTheTitleAndWeighMoreForTheFocus() {
        Analysis a = TAGGER.analyze("Chile braces for storm", "Officials in Peru and Argentina watched as Chile braced.", NOW);
        RegionTag chile = region(a, "CL").orElseThrow();
        assertThat(chile.getFocus()).isTrue();
        assertThat(chile.getMentions()).extracting(Mention::getField).contains(TextField.TITLE, TextField.BODY);
        assertThat(a.focus()).isEqualTo("CL");
    }

    @Test
    void longestNameWinsSoSouthSudanIsNotAlsoSudan() {
        assertThat(codes(analyze("Fighting spread in South Sudan on Monday."))).contains("SS").doesNotContain("SD");
    }

    @Test
    void nigerAndNigeriaAreDifferentCountries() {
        assertThat(codes(analyze("Troops from Nigeria crossed into Niger overnight."))).contains("NG", "NE");
        assertThat(codes(analyze("Troops from Nigeria crossed the river."))).contains("NG").doesNotContain("NE");
    }

    @Test
    void theGuineasAreTellApart() {
        assertThat(codes(analyze("Delegates from Guinea-Bissau met officials from Equatorial Guinea in Conakry.")))
                .contains("GW", "GQ").doesNotContain("PG");
        assertThat(codes(analyze("Floods hit Papua New Guinea."))).contains("PG").doesNotContain("GN");
    }

    @Test
    void lowerCaseWordsAreNotPlaces() {
        assertThat(analyze("We ate turkey and checked the china cabinet, then chad and jordan left.").regions()).isEmpty();
    }

    // ---- disambiguation ---------------------------------------------------------------------------------

    @Test
    void georgiaIsTheCountryNextToTbilisiAndTheStateNextToAtlanta() {
        assertThat(codes(analyze("Protesters filled the streets of Tbilisi as Georgia's parliament voted.")))
                .contains("GE").doesNotContain("US-GA");
        assertThat(codes(analyze("Voters in Atlanta lined up early as Georgia counted ballots for the Senate.")))
                .contains("US-GA").doesNotContain("GE");
    }

    @Test
    void jordanAndChadAsPeopleAreNotCountries() {
        Analysis a = analyze("Basketball legend Michael Jordan visited the school. Jordan said he was proud. "
                + "Chad Smith, the drummer, joined him.");
        assertThat(codes(a)).doesNotContain("JO", "TD");
        Analysis b = analyze("King Abdullah of Jordan met the president of Chad in Amman.");
        assertThat(codes(b)).contains("JO", "TD");
    }

    @Test
    void parisIsInTexasOnlyWhenTheTextSaysSo() {
        Analysis texas = analyze("A tornado damaged homes in Paris, Texas, on Tuesday.");
        assertThat(texas.regions()).anySatisfy(r -> {
            assertThat(r.getName()).isEqualTo("Paris");
            assertThat(r.getCountry()).isEqualTo("US");
        });
        Analysis france = analyze("Ministers met in Paris to discuss the budget.");
        assertThat(france.regions()).anySatisfy(r -> {
            assertThat(r.getName()).isEqualTo("Paris");
            assertThat(r.getCountry()).isEqualTo("FR");
        });
    }

    @Test
    void washingtonIsTheCapitalAndItsGovernmentWhenItActs() {
        Analysis a = analyze("Washington warned Moscow against further escalation, officials in Washington said.");
        assertThat(a.regions()).anySatisfy(r -> assertThat(r.getCountry()).isEqualTo("US"));
        assertThat(a.actors()).extracting(ActorTag::getId).contains("government-us");
        Analysis state = analyze("Wildfires spread across Washington state and Oregon.");
        assertThat(codes(state)).contains("US-WA");
    }

    @Test
    void commonWordCitiesDoNotFireOnOrdinaryWords() {
        Analysis a = analyze("Nice weather helped. Reading the report, she said the Split decision was a Mobile first. "
                + "Bath time came early.");
        assertThat(a.regions()).noneSatisfy(r -> assertThat(r.getKind()).isEqualTo(RegionKind.CITY));
        Analysis b = analyze("A truck drove into the crowd in Nice, France, and ferries left Split, Croatia.");
        assertThat(b.regions()).extracting(RegionTag::getName).contains("Nice", "Split");
    }

    @Test
    void placesInsideOrganisationNamesAreNotMentions() {
        Analysis a = analyze("Bakhti Nishanov of the Commission on Security and Cooperation in Europe (CSCE) posted the video.");
        assertThat(a.regions()).extracting(RegionTag::getName).doesNotContain("Europe");
    }

    @Test
    void photoCreditsAndBylinesAreNeverTagged() {
        Analysis a = analyze("By Jane Roe\nLeaders met in Yerevan.\nArmenian Prime Minister Nikol Pashinyan arrives. "
                + "Alexei Druzhinin/AFP via Getty Images");
        assertThat(a.actors()).extracting(ActorTag::getName)
                .noneMatch(n -> n.contains("Druzhinin") || n.contains("Getty") || n.contains("AFP") || n.contains("Jane Roe"));
        assertThat(codes(a)).contains("AM");
    }

    // ---- actors ----------------------------------------------------------------------------------------

    @Test
    void knownLeadersGetTheRoleTheyHeldAtPublication() {
        Analysis now = TAGGER.analyze("", "Vladimir Putin met Nikol Pashinyan in Moscow.", Instant.parse("2023-09-25T00:00:00Z"));
        assertThat(actor(now, "Vladimir Putin").orElseThrow().getRole()).isEqualTo("President of Russia");
        assertThat(actor(now, "Vladimir Putin").orElseThrow().getCode()).isEqualTo("RUSGOV");
        Analysis then = TAGGER.analyze("", "Vladimir Putin chaired the cabinet meeting.", Instant.parse("2010-03-01T00:00:00Z"));
        assertThat(actor(then, "Vladimir Putin").orElseThrow().getRole()).isEqualTo("Prime Minister of Russia");
    }

    @Test
    void organisationsByAcronymAndMetonymsAreKnown() {
        Analysis a = analyze("The CSTO summit ended early. The Kremlin declined to comment, and NATO said nothing.");
        assertThat(a.actors()).extracting(ActorTag::getKind)
                .contains(ActorKind.INTERNATIONAL_ORGANIZATION, ActorKind.GOVERNMENT);
        assertThat(actor(a, "Kremlin").or(() -> a.actors().stream().filter(x -> x.getName().contains("Kremlin")).findFirst()))
                .get().extracting(ActorTag::getCountry).isEqualTo("RU");
    }

    @Test
    void unknownPeopleAreDiscoveredWithLowerConfidenceAndSurnameCoreference() {
        Analysis a = analyze("The footage was posted by Bakhti Nishanov on Wednesday. Nishanov tweeted that the summit failed. "
                + "Foreign Minister Lena Hartmann said talks would resume. Hartmann added nothing.");
        ActorTag nishanov = actor(a, "Bakhti Nishanov").orElseThrow();
        assertThat(nishanov.getKind()).isEqualTo(ActorKind.PERSON);
        assertThat(nishanov.getKnown()).isFalse();
        assertThat(nishanov.getMentions()).hasSize(2);
        assertThat(nishanov.getConfidence()).isLessThan(0.9);
        ActorTag hartmann = actor(a, "Lena Hartmann").orElseThrow();
        assertThat(hartmann.getRole()).isEqualTo("Foreign Minister");
        assertThat(hartmann.getMentions()).hasSize(2);
    }

    @Test
    void unknownOrganisationsAreDiscoveredBySuffix() {
        Analysis a = analyze("The Armenian Foreign Ministry summoned the envoy, and the Green Valley Farmers Association objected.");
        assertThat(actor(a, "Armenian Foreign Ministry").orElseThrow().getKind()).isEqualTo(ActorKind.GOVERNMENT);
        assertThat(actor(a, "Armenian Foreign Ministry").orElseThrow().getCountry()).isEqualTo("AM");
        assertThat(actor(a, "Green Valley Farmers Association").orElseThrow().getKind()).isEqualTo(ActorKind.ORGANIZATION);
    }

    @Test
    void disputedHistoricalAndSupranationalRegionsAreTagged() {
        Analysis a = analyze("Armenians left Nagorno-Karabakh decades after the fall of the Soviet Union, "
                + "a shock felt across the South Caucasus.");
        assertThat(a.regions()).extracting(RegionTag::getKind)
                .contains(RegionKind.DISPUTED, RegionKind.HISTORICAL, RegionKind.SUPRANATIONAL);
    }

    @Test
    void emptyTextHasNoTags() {
        Analysis a = TAGGER.analyze("", "", null);
        assertThat(a.regions()).isEmpty();
        assertThat(a.actors()).isEmpty();
        assertThat(a.focus()).isNull();
    }

    @Test
    void datelineInCapitalsCounts() {
        Analysis a = analyze("KYIV, March 3 - Officials said the talks would continue.");
        assertThat(a.regions()).anySatisfy(r -> assertThat(r.getCountry()).isEqualTo("UA"));
    }
}
