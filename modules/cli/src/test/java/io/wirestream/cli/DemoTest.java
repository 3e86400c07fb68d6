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
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
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

    private static Instant published(JsonNode sample) {
        return Instant.parse(sample.get("published").asText());
    }

    /** 5-word shingles of title and text, computed here independently: lower case, split on non-alphanumerics. */
    private static Set<String> shingles(JsonNode sample) {
        String[] w = (sample.get("title").asText() + " " + sample.get("text").asText()).toLowerCase(Locale.ROOT)
                .split("[^\\p{L}\\p{Nd}]+");
        List<String> words = Arrays.stream(w).filter(x -> !x.isEmpty()).toList();
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 5 <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + 5)));
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        return (double) inter.size() / (a.size() + b.size() - inter.size());
    }

    /** Brute-force truth at threshold 0.8: for each sample, the earliest earlier sample it duplicates, if any. */
    private static Map<JsonNode, JsonNode> truth() {
        List<JsonNode> byTime = new ArrayList<>(samples);
        byTime.sort(Comparator.comparing(DemoTest::published));
        Map<JsonNode, JsonNode> dupOf = new LinkedHashMap<>();
        for (int i = 0; i < byTime.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (jaccard(shingles(byTime.get(i)), shingles(byTime.get(j))) >= 0.8) {
                    dupOf.put(byTime.get(i), byTime.get(j));
                    break;
                }
            }
        }
        return dupOf;
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
    void everyCopyDuplicatesTheEarliestSimilarArticleAndTheRestAreOriginals() {
        Map<JsonNode, JsonNode> truth = truth();
        assertThat(truth).as("the samples hold copies").isNotEmpty();
        for (JsonNode sample : samples) {
            DuplicateDecision d = result.decisions().get(articleIdOf(sample));
            JsonNode of = truth.get(sample);
            if (of == null) {
                assertThat(d.getStatus()).as("%s", sample.get("id")).isEqualTo(DuplicateStatus.ORIGINAL);
            } else {
                assertThat(d.getDuplicateOf()).as("%s", sample.get("id")).isEqualTo(articleIdOf(of));
                boolean sameText = sample.get("title").asText().equals(of.get("title").asText())
                        && sample.get("text").asText().equals(of.get("text").asText());
                assertThat(d.getStatus()).as("%s", sample.get("id"))
                        .isEqualTo(sameText ? DuplicateStatus.EXACT_DUPLICATE : DuplicateStatus.NEAR_DUPLICATE);
                assertThat(d.getStoryId()).isEqualTo(result.decisions().get(articleIdOf(of)).getStoryId());
            }
        }
    }

    @Test
    void correctionsSayWhatTheyReplace() {
        for (DuplicateDecision d : result.decisions().values()) {
            if (d.getCorrection() && d.getPreviousStatus() != d.getStatus()) {
                assertThat(d.getStatus()).isNotEqualTo(DuplicateStatus.ORIGINAL);
                assertThat(d.getPreviousStatus()).isEqualTo(DuplicateStatus.ORIGINAL);
            }
        }
    }

    @Test
    void everyFinalOriginalIsTaggedAndEachStoryCountsItsMembers() {
        List<String> finalOriginals = result.decisions().values().stream()
                .filter(d -> d.getStatus() == DuplicateStatus.ORIGINAL).map(DuplicateDecision::getArticleId).toList();
        assertThat(finalOriginals).hasSize(samples.size() - truth().size());
        assertThat(result.enriched().keySet()).containsAll(finalOriginals);
        Map<String, Long> members = result.decisions().values().stream()
                .collect(Collectors.groupingBy(DuplicateDecision::getStoryId, Collectors.counting()));
        members.forEach((story, count) -> assertThat(result.stories().get(story).getMemberCount())
                .as(story).isEqualTo(count.intValue()));
        assertThat(result.stories().keySet()).isEqualTo(members.keySet());
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
