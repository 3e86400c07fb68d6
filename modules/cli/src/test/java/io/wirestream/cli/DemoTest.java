package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.cli.demo.Demo;
import io.wirestream.cli.demo.DemoResult;
import io.wirestream.model.Alert;
import io.wirestream.model.AlertArticle;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.DuplicateStatus;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.Mention;
import io.wirestream.model.RawArticle;
import io.wirestream.model.RegionTag;
import io.wirestream.model.TextField;
import io.wirestream.model.topic.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole demo (embedded KRaft broker, registry, every service with exactly-once) once, and checks
 * its results against expectations computed here, independently of the code under test: a brute-force
 * Jaccard oracle over what reached {@code news.articles.raw}.
 */
class DemoTest {

    @TempDir
    static Path work;
    private static DemoResult result;

    @BeforeAll
    static void runDemo() throws Exception {
        result = new Demo(work, 2, Duration.ofSeconds(180)).run(line -> { });
    }

    private static Instant eventTime(RawArticle a) {
        return a.getPublishedAt() != null ? a.getPublishedAt() : a.getIngestedAt();
    }

    private static List<String> words(RawArticle a) {
        return Arrays.stream((a.getTitle() + " " + a.getBody()).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+"))
                .filter(x -> !x.isEmpty()).toList();
    }

    /** 5-word shingles, computed here: lower case, split on non-alphanumerics. */
    private static Set<String> shingles(RawArticle a) {
        List<String> w = words(a);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 5 <= w.size(); i++) {
            out.add(String.join(" ", w.subList(i, i + 5)));
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        return (double) inter.size() / (a.size() + b.size() - inter.size());
    }

    /** Brute force at threshold 0.8: article id -> the earliest earlier article it duplicates. */
    private static Map<String, RawArticle> truth() {
        List<RawArticle> byTime = new ArrayList<>(result.raw().values());
        byTime.sort(Comparator.comparing(DemoTest::eventTime).thenComparing(RawArticle::getArticleId));
        Map<String, RawArticle> dupOf = new LinkedHashMap<>();
        for (int i = 0; i < byTime.size(); i++) {
            Set<String> si = shingles(byTime.get(i));
            for (int j = 0; j < i; j++) {
                if (words(byTime.get(i)).equals(words(byTime.get(j))) || jaccard(si, shingles(byTime.get(j))) >= 0.8) {
                    dupOf.put(byTime.get(i).getArticleId(), byTime.get(j));
                    break;
                }
            }
        }
        return dupOf;
    }

    @Test
    void everySampleBecomesAnArticleAndOnlyTheTwoBadRecordsAreDeadLetters() {
        assertThat(result.rawRecords() + result.deadLetters().size()).isEqualTo(result.documents());
        assertThat(result.deadLetters()).hasSize(2);
        Map<String, String> malformed = result.deadLetters().stream()
                .filter(h -> "processing".equals(h.get("error.stage"))).findFirst().orElseThrow();
        assertThat(malformed).containsEntry("service", "ingest")
                .containsEntry("source.topic", Topics.DOCUMENTS)
                .containsEntry("error.class", "io.wirestream.ingest.extract.ExtractionException")
                .containsKeys("source.partition", "source.offset", "processor");
        assertThat(malformed.get("error.message")).contains("not valid JSON");
        assertThat(malformed).containsEntry("source.location", "samples/malformed.json").containsEntry("source.connector", "file");
        Map<String, String> notAvro = result.deadLetters().stream()
                .filter(h -> "deserialization".equals(h.get("error.stage"))).findFirst().orElseThrow();
        assertThat(notAvro).containsEntry("service", "ingest").containsEntry("source.topic", Topics.DOCUMENTS);
        assertThat(notAvro.get("error.message")).contains("magic byte");
    }

    @Test
    void htmlPagesAndFeedItemsArriveBesideTheJsonLinesArticles() {
        // 43 JSON Lines articles, 4 HTML pages and 8 feed items are bundled; each becomes one article record.
        assertThat(result.rawRecords()).isEqualTo(55);
        // Documents that share a canonical URL are the same article: one id, counted once.
        long distinctUrls = result.raw().values().stream().map(a -> a.getCanonicalUrl() != null ? a.getCanonicalUrl() : a.getArticleId())
                .distinct().count();
        assertThat(result.raw()).hasSize((int) distinctUrls);
        // HTML pages: the story without site chrome, captions and credits separated.
        assertThat(result.raw().values()).filteredOn(a -> !a.getCaptions().isEmpty() && !a.getCredits().isEmpty())
                .isNotEmpty().allSatisfy(a -> assertThat(a.getBody()).doesNotContain("cookie", "Subscribe", "newsletter"));
        // A syndicated page whose rel=canonical names the original is that article: same id, a later revision.
        assertThat(result.raw().values()).filteredOn(a -> a.getCanonicalUrl() != null && a.getCanonicalUrl().contains("suez"))
                .singleElement().satisfies(a -> assertThat(a.getRevision()).isEqualTo(2));
    }

    @Test
    void everyCopyDuplicatesTheEarliestSimilarArticleAndTheRestAreOriginals() {
        Map<String, RawArticle> truth = truth();
        assertThat(truth).as("the samples hold copies").hasSizeGreaterThan(10);
        for (RawArticle a : result.raw().values()) {
            DuplicateDecision d = result.decisions().get(a.getArticleId());
            RawArticle of = truth.get(a.getArticleId());
            if (of == null) {
                assertThat(d.getStatus()).as("%s %s", a.getArticleId(), a.getTitle()).isEqualTo(DuplicateStatus.ORIGINAL);
            } else {
                assertThat(d.getDuplicateOf()).as("%s %s", a.getArticleId(), a.getTitle()).isEqualTo(of.getArticleId());
                assertThat(d.getStoryId()).isEqualTo(result.decisions().get(of.getArticleId()).getStoryId());
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
        assertThat(finalOriginals).hasSize(result.raw().size() - truth().size());
        assertThat(result.enriched().keySet()).containsAll(finalOriginals);
        Map<String, Long> members = result.decisions().values().stream()
                .collect(Collectors.groupingBy(DuplicateDecision::getStoryId, Collectors.counting()));
        members.forEach((story, count) -> assertThat(result.stories().get(story).getMemberCount())
                .as(story).isEqualTo(count.intValue()));
        assertThat(result.stories().keySet()).isEqualTo(members.keySet());
    }

    @Test
    void regionMentionsPointAtTheirTextAndHeadersListTheCountries() {
        for (EnrichedArticle e : result.enriched().values()) {
            for (RegionTag r : e.getRegions()) {
                for (Mention m : r.getMentions()) {
                    String text = m.getField() == TextField.TITLE ? e.getTitle() : e.getBody();
                    assertThat(text.substring(m.getStart(), m.getEnd())).isEqualTo(m.getSurface());
                }
            }
            assertThat(result.enrichedHeaders().get(e.getArticleId()))
                    .isEqualTo(e.getRegions().stream().map(RegionTag::getCountry).filter(c -> c != null).distinct()
                            .collect(Collectors.joining(",")));
        }
        assertThat(result.enriched().values()).filteredOn(e -> e.getTitle().contains("Brazil"))
                .isNotEmpty().allSatisfy(e -> assertThat(e.getRegions()).extracting(RegionTag::getCode).contains("BR"));
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
        assertThat(text.toString()).contains("NEAR_DUPLICATE of").contains("regions:");
    }

    private static List<Alert> alertsOf(String ruleId) {
        return result.alerts().stream().filter(a -> a.getRuleId().equals(ruleId)).toList();
    }

    /** Whether some 6-hour span holds at least 3 of the articles from at least 3 sources. */
    private static boolean burst(List<DuplicateDecision> members) {
        List<DuplicateDecision> byTime = new ArrayList<>(members);
        byTime.sort(Comparator.comparing(DuplicateDecision::getEventTime));
        for (int i = 0; i < byTime.size(); i++) {
            Instant end = byTime.get(i).getEventTime().plus(Duration.ofHours(6));
            List<DuplicateDecision> in = byTime.subList(i, byTime.size()).stream().filter(d -> !d.getEventTime().isAfter(end)).toList();
            if (in.size() >= 3 && in.stream().map(DuplicateDecision::getSource).distinct().count() >= 3) {
                return true;
            }
        }
        return false;
    }

    @Test
    void sampleRulesFireABurstForEveryStoryPickedUpByThreeOutletsWithinSixHours() {
        assertThat(result.alertRules()).extracting(r -> r.getRuleId())
                .containsExactly("syndicated-burst", "caucasus-new-story", "quake-watch", "sahel-region-burst");
        Map<String, List<DuplicateDecision>> stories = result.decisions().values().stream()
                .collect(Collectors.groupingBy(DuplicateDecision::getStoryId));
        Set<String> expected = new TreeSet<>();
        stories.forEach((story, members) -> {
            if (burst(members)) {
                expected.add(story);
            }
        });
        assertThat(expected).as("the samples hold syndicated stories").hasSizeGreaterThanOrEqualTo(3);
        List<Alert> bursts = alertsOf("syndicated-burst");
        assertThat(bursts).extracting(Alert::getStoryId).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(bursts.stream().map(Alert::getStoryId).toList())).as(() -> expected.stream()
                .map(st -> st + ": " + stories.get(st).stream().map(d -> d.getArticleId() + " " + d.getStatus() + " of "
                        + d.getDuplicateOf() + " " + d.getSource() + " " + d.getEventTime() + " corr=" + d.getCorrection()
                        + " prev=" + d.getPreviousStatus() + "/" + d.getPreviousDuplicateOf() + " enriched="
                        + (result.enriched().get(d.getArticleId()) == null ? "-" : result.enriched().get(d.getArticleId()).getStoryId()))
                        .collect(Collectors.joining("\n  ", "\n  ", ""))).collect(Collectors.joining("\n"))).isEqualTo(expected);
        for (Alert a : bursts) {
            List<Instant> times = a.getArticles().stream().map(AlertArticle::getPublishedAt).sorted().toList();
            assertThat(Duration.between(times.get(0), times.get(times.size() - 1))).isLessThanOrEqualTo(Duration.ofHours(6));
            assertThat(a.getArticles().stream().map(AlertArticle::getSource).distinct().count()).isGreaterThanOrEqualTo(3);
            assertThat(a.getArticles()).allSatisfy(x -> assertThat(result.decisions().get(x.getArticleId()).getStoryId())
                    .isEqualTo(a.getStoryId()));
            assertThat(a.getExplanation()).startsWith("burst: " + a.getArticles().size() + " articles from "
                    + a.getDistinctSources() + " sources within 6h about story " + a.getStoryId() + " '");
        }
    }

    @Test
    void everyRuleFiresOncePerMatchingStoryAndNewStoryNeverTwice() {
        Set<String> quakeStories = new TreeSet<>();
        for (EnrichedArticle e : result.enriched().values()) {
            String text = (" " + e.getTitle() + " " + e.getBody() + " ").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]+", " ");
            if (text.contains(" quake ") || text.contains(" earthquake ") || text.contains(" tsunami ")) {
                quakeStories.add(e.getStoryId());
            }
        }
        assertThat(quakeStories).isNotEmpty();
        // The copies of a quake story come within its 12h cooldown: one alert per story.
        assertThat(alertsOf("quake-watch")).extracting(Alert::getStoryId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(quakeStories);
        assertThat(alertsOf("caucasus-new-story")).isNotEmpty().extracting(Alert::getStoryId).doesNotHaveDuplicates();
        assertThat(result.alerts()).extracting(Alert::getAlertId).doesNotHaveDuplicates();
    }
}
