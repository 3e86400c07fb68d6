package io.wirestream.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.model.topic.FilterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class HeaderFilterTest {

    private static Headers headers(String regions, String actors, String kinds, String lang, String source) {
        Headers h = new RecordHeaders();
        h.add(FilterHeaders.REGIONS, regions.getBytes(StandardCharsets.UTF_8));
        h.add(FilterHeaders.ACTORS, actors.getBytes(StandardCharsets.UTF_8));
        h.add(FilterHeaders.KINDS, kinds.getBytes(StandardCharsets.UTF_8));
        h.add(FilterHeaders.LANG, lang.getBytes(StandardCharsets.UTF_8));
        h.add(FilterHeaders.SOURCE, source.getBytes(StandardCharsets.UTF_8));
        return h;
    }

    private final Headers caucasus = headers("AM,AZ,RU", "vladimir-putin,discovered:amara-diallo", "PERSON,GOVERNMENT",
            "en", "Wire Service");

    @Test
    void emptyFilterPassesEverythingIncludingRecordsWithoutHeaders() {
        assertThat(HeaderFilter.none().matches(caucasus)).isTrue();
        assertThat(HeaderFilter.none().matches(new RecordHeaders())).isTrue();
        assertThat(HeaderFilter.none().describe()).isEqualTo("everything");
    }

    @Test
    void anyListedRegionMatchesIgnoringCase() {
        assertThat(HeaderFilter.none().withRegions(List.of("az", "FR")).matches(caucasus)).isTrue();
        assertThat(HeaderFilter.none().withRegions(List.of("FR", "DE")).matches(caucasus)).isFalse();
    }

    @Test
    void regionCodeMustMatchAWholeListItemNotASubstring() {
        assertThat(HeaderFilter.none().withRegions(List.of("A")).matches(caucasus)).isFalse();
    }

    @Test
    void dimensionsCombineWithAnd() {
        HeaderFilter f = HeaderFilter.none().withRegions(List.of("AM")).withKinds(List.of("person"));
        assertThat(f.matches(caucasus)).isTrue();
        assertThat(f.withLanguages(List.of("fr")).matches(caucasus)).isFalse();
    }

    @Test
    void actorMatchesByIdByBareDiscoveredIdOrByOneWordOfIt() {
        assertThat(HeaderFilter.none().withActors(List.of("putin")).matches(caucasus)).isTrue();
        assertThat(HeaderFilter.none().withActors(List.of("vladimir-putin")).matches(caucasus)).isTrue();
        assertThat(HeaderFilter.none().withActors(List.of("amara-diallo")).matches(caucasus)).isTrue();
        assertThat(HeaderFilter.none().withActors(List.of("Diallo")).matches(caucasus)).isTrue();
        assertThat(HeaderFilter.none().withActors(List.of("macron")).matches(caucasus)).isFalse();
    }

    @Test
    void sourceMustMatchWholeNameIgnoringCase() {
        assertThat(HeaderFilter.none().withSources(List.of("wire service")).matches(caucasus)).isTrue();
        assertThat(HeaderFilter.none().withSources(List.of("Wire")).matches(caucasus)).isFalse();
    }

    @Test
    void recordMissingAnAskedForHeaderDoesNotMatch() {
        Headers onlyRegions = new RecordHeaders();
        onlyRegions.add(FilterHeaders.REGIONS, "AM".getBytes(StandardCharsets.UTF_8));
        assertThat(HeaderFilter.none().withRegions(List.of("AM")).matches(onlyRegions)).isTrue();
        assertThat(HeaderFilter.none().withRegions(List.of("AM")).withLanguages(List.of("en")).matches(onlyRegions)).isFalse();
    }

    @Test
    void blankValuesAreIgnoredAndDescriptionNamesTheRest() {
        HeaderFilter f = new HeaderFilter(Set.of(" AM ", ""), Set.of(), Set.of(), Set.of("EN"), Set.of());
        assertThat(f.regions()).containsExactly("am");
        assertThat(f.describe()).isEqualTo("regions=am lang=en");
    }
}
