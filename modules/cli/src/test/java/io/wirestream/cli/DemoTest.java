package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.cli.demo.Demo;
import io.wirestream.cli.demo.DemoResult;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.DuplicateStatus;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.Mention;
import io.wirestream.model.RawArticle;
import io.wirestream.model.RegionTag;
import io.wirestream.model.TextField;
import io.wirestream.model.topic.Topics;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole demo (embedded KRaft broker, registry, every service with exactly-once) once, and checks
 * its results against expectations computed here, independently, from the sample file.
 */
class DemoTest {

    @TempDir
    static Path work;
    private static DemoResult result;
    private static List<JsonNode> samples;

    @BeforeAll
    static void runDemo() throws Exception {
        result = new Demo(work, 2, Duration.ofSeconds(180)).run(line -> { });
        samples = new ArrayList<>();
        try (InputStream in = DemoTest.class.getResourceAsStream(Demo.SAMPLES)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    samples.add(new ObjectMapper().readTree(line));
                }
            }
        }
    }

    /** Article id of a sample, found through its URL (the id itself is the ingest service's business). */
    private static String articleIdOf(JsonNode sample) {
        return result.raw().values().stream().filter(a -> sample.get("url").asText().equals(a.getUrl()))
                .map(RawArticle::getArticleId).findFirst().orElseThrow(() -> new AssertionError("no article for " + sample.get("id")));
    }

    /** Samples grouped by their text, normalised here: lower case, runs of non-alphanumerics as one space. */
    private static Map<String, List<JsonNode>> exactGroups() {
        return samples.stream().collect(Collectors.groupingBy(
                s -> (s.get("title").asText() + " " + s.get("text").asText()).toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{Nd}]+", " ").trim(),
                LinkedHashMap::new, Collectors.toList()));
    }

    @Test
    void everySampleBecomesAnArticleAndBothBadRecordsAreDeadLetters() {
        assertThat(result.documents()).isEqualTo(samples.size() + 2);
        assertThat(result.raw()).hasSize(samples.size());
        assertThat(result.deadLetters()).hasSize(2);
        Map<String, String> malformed = result.deadLetters().stream()
                .filter(h -> "processing".equals(h.get("error.stage"))).findFirst().orElseThrow();
        assertThat(malformed).containsEntry("service", "ingest")
                .containsEntry("source.topic", Topics.DOCUMENTS)
                .containsEntry("error.class", "io.wirestream.ingest.extract.ExtractionException")
                .containsKeys("source.partition", "source.offset", "processor");
        assertThat(malformed.get("error.message")).contains("not valid JSON");
        Map<String, String> notAvro = result.deadLetters().stream()
                .filter(h -> "deserialization".equals(h.get("error.stage"))).findFirst().orElseThrow();
        assertThat(notAvro).containsEntry("service", "ingest").containsEntry("source.topic", Topics.DOCUMENTS);
        assertThat(notAvro.get("error.message")).contains("magic byte");
    }

    @Test
    void earliestCopyByPublicationTimeIsTheOriginalAndTheOthersAreItsExactDuplicates() {
        for (List<JsonNode> group : exactGroups().values()) {
            JsonNode earliest = group.stream().min(Comparator.comparing(s -> Instant.parse(s.get("published").asText()))).orElseThrow();
            String originalId = articleIdOf(earliest);
            assertThat(result.decisions().get(originalId).getStatus()).as("%s", earliest.get("id"))
                    .isEqualTo(DuplicateStatus.ORIGINAL);
            for (JsonNode s : group) {
                if (s != earliest) {
                    DuplicateDecision d = result.decisions().get(articleIdOf(s));
                    assertThat(d.getStatus()).as("%s", s.get("id")).isEqualTo(DuplicateStatus.EXACT_DUPLICATE);
                    assertThat(d.getDuplicateOf()).as("%s", s.get("id")).isEqualTo(originalId);
                    assertThat(d.getStoryId()).isEqualTo(result.decisions().get(originalId).getStoryId());
                }
            }
        }
    }

    @Test
    void correctionsSayWhatTheyReplaceAndEndAtTheEarliestCopy() {
        // Whether a correction is needed depends on how partitions interleave; what it must say does not.
        Map<String, String> earliestOf = new LinkedHashMap<>();
        for (List<JsonNode> group : exactGroups().values()) {
            String earliest = articleIdOf(group.stream()
                    .min(Comparator.comparing(s -> Instant.parse(s.get("published").asText()))).orElseThrow());
            group.forEach(s -> earliestOf.put(articleIdOf(s), earliest));
        }
        for (DuplicateDecision d : result.decisions().values()) {
            if (d.getCorrection()) {
                assertThat(d.getPreviousStatus()).isNotNull();
                assertThat(d.getDuplicateOf()).isEqualTo(earliestOf.get(d.getArticleId()))
                        .isNotEqualTo(d.getPreviousDuplicateOf());
            }
        }
    }

    @Test
    void everyFinalOriginalIsTaggedAndItsStoryCountsItsCopies() {
        List<String> finalOriginals = result.decisions().values().stream()
                .filter(d -> d.getStatus() == DuplicateStatus.ORIGINAL).map(DuplicateDecision::getArticleId).toList();
        assertThat(finalOriginals).hasSize(exactGroups().size());
        assertThat(result.enriched().keySet()).containsAll(finalOriginals);
        for (List<JsonNode> group : exactGroups().values()) {
            String storyId = result.decisions().get(articleIdOf(group.get(0))).getStoryId();
            assertThat(result.stories().get(storyId).getMemberCount()).isEqualTo(group.size());
        }
    }

    @Test
    void regionMentionsPointAtTheirTextAndHeadersListTheRegions() {
        for (EnrichedArticle e : result.enriched().values()) {
            for (RegionTag r : e.getRegions()) {
                for (Mention m : r.getMentions()) {
                    String text = m.getField() == TextField.TITLE ? e.getTitle() : e.getBody();
                    assertThat(text.substring(m.getStart(), m.getEnd())).isEqualTo(m.getSurface());
                }
            }
            assertThat(result.enrichedHeaders().get(e.getArticleId()))
                    .isEqualTo(e.getRegions().stream().map(RegionTag::getCode).collect(Collectors.joining(",")));
        }
        JsonNode brazil = samples.stream().filter(s -> s.get("title").asText().contains("Brazil")).findFirst().orElseThrow();
        String story = result.decisions().get(articleIdOf(brazil)).getStoryId();
        EnrichedArticle tagged = result.enriched().values().stream().filter(e -> e.getStoryId().equals(story))
                .findFirst().orElseThrow();
        assertThat(tagged.getRegions()).extracting(RegionTag::getCode).contains("BR");
    }

    @Test
    void summaryNamesEveryStage() {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            DemoCommand.print(result, out);
        }
        for (String topic : List.of(Topics.DOCUMENTS, Topics.ARTICLES_RAW, Topics.DLQ, Topics.DUPLICATES,
                Topics.ARTICLES_DEDUPED, Topics.STORIES, Topics.ENRICHED)) {
            assertThat(text.toString()).contains(topic);
        }
        assertThat(text.toString()).contains("EXACT_DUPLICATE of").contains("regions:");
    }
}
