package io.wirestream.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.dedup.core.DedupConfig;
import io.wirestream.dedup.stream.DedupTopology;
import io.wirestream.model.DedupedArticle;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.DuplicateStatus;
import io.wirestream.model.RawArticle;
import io.wirestream.model.Story;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import io.wirestream.runtime.TopologyTests;
import io.wirestream.text.Hashing;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupServiceTest {

    @TempDir
    Path state;

    private static final String WIRE_TITLE = "Central bank holds rates";
    private static final String WIRE_BODY = "The central bank held its benchmark rate at 10.5% on Wednesday, citing inflation.";

    static RawArticle article(String id, String source, String title, String body, String published) {
        return RawArticle.newBuilder().setArticleId(id).setSource(source).setTitle(title).setBody(body)
                .setPublishedAt(Instant.parse(published)).setIngestedAt(Instant.parse("2026-11-20T00:00:00Z"))
                .setContentHash(Hashing.contentHash(title, body)).build();
    }

    /** Drives the dedup topology over {@code articles} in the given order and collects its output. */
    private final class Run implements AutoCloseable {
        final TopologyTestDriver driver;
        final TestInputTopic<String, RawArticle> raw;
        final TestOutputTopic<String, DuplicateDecision> decisions;
        final TestOutputTopic<String, DedupedArticle> originals;
        final TestOutputTopic<String, Story> stories;

        Run(String scope) {
            this(scope, DedupConfig.defaults());
        }

        Run(String scope, DedupConfig config) {
            ServiceSettings settings = TopologyTests.settings(DedupService.NAME, scope + System.nanoTime(), state.resolve(scope));
            Topics topics = StreamsService.topics(settings);
            driver = new TopologyTestDriver(DedupService.topology(config, topics, "dedup-test-signals"),
                    settings.streamsProperties(topics.dlq().name()));
            raw = driver.createInputTopic(topics.articlesRaw().name(), topics.articlesRaw().keySerde().serializer(),
                    topics.articlesRaw().valueSerde().serializer());
            decisions = driver.createOutputTopic(topics.duplicates().name(), topics.duplicates().keySerde().deserializer(),
                    topics.duplicates().valueSerde().deserializer());
            originals = driver.createOutputTopic(topics.articlesDeduped().name(), topics.articlesDeduped().keySerde().deserializer(),
                    topics.articlesDeduped().valueSerde().deserializer());
            stories = driver.createOutputTopic(topics.stories().name(), topics.stories().keySerde().deserializer(),
                    topics.stories().valueSerde().deserializer());
        }

        void send(RawArticle... articles) {
            for (RawArticle a : articles) {
                raw.pipeInput(a.getArticleId(), a, a.getPublishedAt());
            }
        }

        /** Final decision per article: later records (corrections) replace earlier ones, as a table would. */
        Map<String, DuplicateDecision> finalDecisions() {
            Map<String, DuplicateDecision> m = new LinkedHashMap<>();
            decisions.readKeyValuesToList().forEach(kv -> m.put(kv.key, kv.value));
            return m;
        }

        /** Latest state per story id; stories deleted by a merge (tombstones) are absent. */
        Map<String, Story> finalStories() {
            Map<String, Story> m = new LinkedHashMap<>();
            stories.readKeyValuesToList().forEach(kv -> {
                if (kv.value == null) {
                    m.remove(kv.key);
                } else {
                    m.put(kv.key, kv.value);
                }
            });
            return m;
        }

        @Override
        public void close() {
            driver.close();
        }
    }

    @Test
    void firstArticleIsOriginalAndStartsAStory() {
        try (Run run = new Run("first")) {
            run.send(article("a", "Wire", WIRE_TITLE, WIRE_BODY, "2026-11-18T21:35:00Z"));
            DuplicateDecision d = run.decisions.readValue();
            assertThat(d.getStatus()).isEqualTo(DuplicateStatus.ORIGINAL);
            assertThat(d.getDuplicateOf()).isNull();
            assertThat(run.originals.readValue().getArticleId()).isEqualTo("a");
            Story s = run.stories.readValue();
            assertThat(s.getStoryId()).isEqualTo(d.getStoryId());
            assertThat(s.getMemberCount()).isEqualTo(1);
            assertThat(s.getFirstArticleId()).isEqualTo("a");
        }
    }

    @Test
    void copyDifferingOnlyInCaseAndPunctuationIsExactDuplicateOfTheFirst() {
        try (Run run = new Run("copy")) {
            run.send(article("a", "Wire", WIRE_TITLE, WIRE_BODY, "2026-11-18T21:35:00Z"),
                    article("b", "Ledger", WIRE_TITLE.toUpperCase(), WIRE_BODY.replace(",", " —"), "2026-11-18T21:41:00Z"));
            Map<String, DuplicateDecision> d = run.finalDecisions();
            assertThat(d.get("b").getStatus()).isEqualTo(DuplicateStatus.EXACT_DUPLICATE);
            assertThat(d.get("b").getDuplicateOf()).isEqualTo("a");
            assertThat(d.get("b").getStoryId()).isEqualTo(d.get("a").getStoryId());
            assertThat(run.originals.readValuesToList()).extracting(DedupedArticle::getArticleId).containsExactly("a");
            Story last = run.finalStories().get(d.get("a").getStoryId());
            assertThat(last.getMemberCount()).isEqualTo(2);
            assertThat(last.getSources()).containsExactly("Ledger", "Wire");
            assertThat(last.getLastSeen()).isEqualTo(Instant.parse("2026-11-18T21:41:00Z"));
        }
    }

    @Test
    void differentTextIsAnotherOriginal() {
        try (Run run = new Run("other")) {
            run.send(article("a", "Wire", WIRE_TITLE, WIRE_BODY, "2026-11-18T21:35:00Z"),
                    article("c", "Wire", "Port strike ends", "Dock workers returned to work.", "2026-11-18T22:00:00Z"));
            Map<String, DuplicateDecision> d = run.finalDecisions();
            assertThat(d.values()).extracting(DuplicateDecision::getStatus).containsOnly(DuplicateStatus.ORIGINAL);
            assertThat(d.get("a").getStoryId()).isNotEqualTo(d.get("c").getStoryId());
        }
    }

    @Test
    void earlierPublishedCopyArrivingLateBecomesOriginalAndTheOthersAreCorrected() {
        try (Run run = new Run("late")) {
            run.send(article("a", "Wire", WIRE_TITLE, WIRE_BODY, "2026-11-19T09:31:00Z"),
                    article("b", "Coastal", WIRE_TITLE, WIRE_BODY, "2026-11-19T09:58:00Z"),
                    article("early", "Lakeside", WIRE_TITLE, WIRE_BODY, "2026-11-19T09:27:00Z"));
            List<DuplicateDecision> all = run.decisions.readValuesToList();
            Map<String, DuplicateDecision> last = new LinkedHashMap<>();
            all.forEach(d -> last.put(d.getArticleId(), d));

            assertThat(last.get("early").getStatus()).isEqualTo(DuplicateStatus.ORIGINAL);
            assertThat(last.get("a").getStatus()).isEqualTo(DuplicateStatus.EXACT_DUPLICATE);
            assertThat(last.get("a").getDuplicateOf()).isEqualTo("early");
            assertThat(last.get("a").getCorrection()).isTrue();
            assertThat(last.get("a").getPreviousStatus()).isEqualTo(DuplicateStatus.ORIGINAL);
            assertThat(last.get("b").getDuplicateOf()).isEqualTo("early");
            assertThat(last.get("b").getPreviousDuplicateOf()).isEqualTo("a");
            assertThat(all).filteredOn(DuplicateDecision::getCorrection).hasSizeGreaterThanOrEqualTo(2);
            assertThat(last.values()).extracting(DuplicateDecision::getStoryId).containsOnly(last.get("early").getStoryId());
            Map<String, Story> stories = run.finalStories();
            assertThat(stories).hasSize(1);
            Story story = stories.get(last.get("early").getStoryId());
            assertThat(story.getFirstArticleId()).isEqualTo("early");
            assertThat(story.getFirstSeen()).isEqualTo(Instant.parse("2026-11-19T09:27:00Z"));
            assertThat(story.getArticleIds()).startsWith("early").containsExactlyInAnyOrder("early", "a", "b");
        }
    }

    @Test
    void everyDecisionAndOriginalIsStampedWithItsArticlesEventTimeEvenWhenALateArrivalCorrectsIt() {
        try (Run run = new Run("stamps")) {
            run.send(article("a", "Wire", WIRE_TITLE, WIRE_BODY, "2026-11-19T09:31:00Z"),
                    article("b", "Coastal", WIRE_TITLE, WIRE_BODY, "2026-11-19T09:58:00Z"),
                    article("early", "Lakeside", WIRE_TITLE, WIRE_BODY, "2026-11-19T09:27:00Z"));
            Map<String, Instant> published = Map.of("a", Instant.parse("2026-11-19T09:31:00Z"),
                    "b", Instant.parse("2026-11-19T09:58:00Z"), "early", Instant.parse("2026-11-19T09:27:00Z"));
            var decisions = run.decisions.readRecordsToList();
            assertThat(decisions).filteredOn(r -> r.value().getCorrection()).isNotEmpty();
            decisions.forEach(r -> assertThat(r.getRecordTime()).as(r.key()).isEqualTo(published.get(r.key())));
            run.originals.readRecordsToList()
                    .forEach(r -> assertThat(r.getRecordTime()).as(r.key()).isEqualTo(published.get(r.key())));
        }
    }

    @Test
    void anOriginalOverturnedByALateEarlierCopyIsRetractedWithATombstone() {
        try (Run run = new Run("retract")) {
            run.send(article("a", "Wire", WIRE_TITLE, WIRE_BODY, "2026-11-19T09:31:00Z"),
                    article("early", "Lakeside", WIRE_TITLE, WIRE_BODY, "2026-11-19T09:27:00Z"));
            var originals = run.originals.readRecordsToList();
            assertThat(originals).extracting(r -> r.key() + (r.value() == null ? " retracted" : " original"))
                    .containsExactly("a original", "early original", "a retracted");
            Map<String, DedupedArticle> table = new LinkedHashMap<>();
            originals.forEach(r -> {
                if (r.value() == null) {
                    table.remove(r.key());
                } else {
                    table.put(r.key(), r.value());
                }
            });
            assertThat(table).containsOnlyKeys("early");
        }
    }

    @Test
    void aDuplicateDecidedBeforeBeingPublishedIsNeverRetracted() {
        try (Run run = new Run("noretract")) {
            run.send(article("early", "Lakeside", WIRE_TITLE, WIRE_BODY, "2026-11-19T09:27:00Z"),
                    article("a", "Wire", WIRE_TITLE, WIRE_BODY, "2026-11-19T09:31:00Z"));
            assertThat(run.originals.readRecordsToList()).extracting(r -> r.key() + " " + (r.value() != null))
                    .containsExactly("early true");
        }
    }

    @Test
    void finalDecisionsDoNotDependOnArrivalOrder() {
        List<RawArticle> articles = List.of(
                article("w1", "Wire", WIRE_TITLE, WIRE_BODY, "2026-11-18T21:35:00Z"),
                article("w2", "Ledger", WIRE_TITLE, WIRE_BODY, "2026-11-18T21:41:00Z"),
                article("w3", "Tribune", WIRE_TITLE, WIRE_BODY, "2026-11-18T21:35:00Z"),   // same time as w1: id breaks the tie
                article("p1", "Coastal", "Port strike ends", "Dock workers returned to work.", "2026-11-18T22:00:00Z"));
        Map<String, DuplicateDecision> expected = null;
        int orders = 0;
        for (List<RawArticle> order : Permutations.of(articles)) {
            try (Run run = new Run("order" + orders++)) {
                run.send(order.toArray(RawArticle[]::new));
                Map<String, DuplicateDecision> finals = run.finalDecisions();
                if (expected == null) {
                    expected = finals;
                }
                for (String id : List.of("w1", "w2", "w3", "p1")) {
                    assertThat(finals.get(id).getStatus()).as("status of %s in order %s", id, ids(order))
                            .isEqualTo(expected.get(id).getStatus());
                    assertThat(finals.get(id).getDuplicateOf()).as("duplicateOf of %s in order %s", id, ids(order))
                            .isEqualTo(expected.get(id).getDuplicateOf());
                }
            }
        }
        assertThat(orders).isEqualTo(24);
        assertThat(expected.get("w1").getStatus()).isEqualTo(DuplicateStatus.ORIGINAL);
        assertThat(expected.get("w3").getDuplicateOf()).isEqualTo("w1");
        assertThat(expected.get("w2").getDuplicateOf()).isEqualTo("w1");
        assertThat(expected.get("p1").getStatus()).isEqualTo(DuplicateStatus.ORIGINAL);
    }

    @Test
    void reIngestedArticleRepeatsItsDecisionWithoutJoiningTwice() {
        try (Run run = new Run("again")) {
            RawArticle a = article("a", "Wire", WIRE_TITLE, WIRE_BODY, "2026-11-18T21:35:00Z");
            RawArticle b = article("b", "Ledger", WIRE_TITLE, WIRE_BODY, "2026-11-18T21:41:00Z");
            run.send(a, b, b);
            List<DuplicateDecision> ds = run.decisions.readValuesToList();
            assertThat(ds).hasSize(3);
            assertThat(ds.get(2).getStatus()).isEqualTo(ds.get(1).getStatus());
            assertThat(ds.get(2).getDuplicateOf()).isEqualTo(ds.get(1).getDuplicateOf());
            assertThat(ds.get(2).getStoryId()).isEqualTo(ds.get(1).getStoryId());
            assertThat(run.finalStories().get(ds.get(0).getStoryId()).getMemberCount()).isEqualTo(2);
        }
    }

    private static final String LONG_BODY = String.join(" ",
            "The central bank held its benchmark interest rate at eleven and a quarter percent on Wednesday,",
            "saying inflation had eased for a third month but remained above the target range set by the government.",
            "Policy makers voted unanimously to keep the rate unchanged and signalled that cuts could come next year",
            "if food and fuel prices kept falling and the currency stayed stable against the dollar.",
            "The governor told reporters in the capital that the committee would watch wage settlements closely",
            "and that the bank stood ready to act if the outlook for prices deteriorated over the coming months.",
            "Economists polled before the decision had expected no change, and markets barely moved after the announcement.",
            "Exporters have complained for months that high borrowing costs make it harder to invest in new factories,",
            "while savers have welcomed returns that beat inflation for the first time in several years.");

    @Test
    void reHeadlinedCopyWithFooterIsNearDuplicateOfTheWireOriginal() {
        try (Run run = new Run("near")) {
            run.send(article("wire", "Wire", "Central bank holds rates, signals cuts next year", LONG_BODY, "2026-11-18T21:35:00Z"),
                    article("reprint", "Tribune", "Rates on hold as bank eyes 2027 easing",
                            LONG_BODY + " Reporting by the Tribune staff.", "2026-11-18T23:00:00Z"));
            Map<String, DuplicateDecision> d = run.finalDecisions();
            assertThat(d.get("reprint").getStatus()).isEqualTo(DuplicateStatus.NEAR_DUPLICATE);
            assertThat(d.get("reprint").getDuplicateOf()).isEqualTo("wire");
            assertThat(d.get("reprint").getSimilarity()).isGreaterThanOrEqualTo(0.8).isLessThan(1.0);
            assertThat(d.get("reprint").getStoryId()).isEqualTo(d.get("wire").getStoryId());
            assertThat(run.originals.readValuesToList()).extracting(DedupedArticle::getArticleId).containsExactly("wire");
        }
    }

    @Test
    void sameTopicWrittenIndependentlyIsAnotherOriginal() {
        try (Run run = new Run("independent")) {
            run.send(article("wire", "Wire", "Central bank holds rates", LONG_BODY, "2026-11-18T21:35:00Z"),
                    article("own", "Ledger", "Bank keeps rates steady", String.join(" ",
                            "Borrowing costs will stay where they are for now after the monetary authority",
                            "decided on Wednesday against a move, with officials pointing to slowing price growth",
                            "and a steadier exchange rate as reasons to wait before easing policy next year."),
                            "2026-11-18T22:00:00Z"));
            assertThat(run.finalDecisions().values()).extracting(DuplicateDecision::getStatus)
                    .containsOnly(DuplicateStatus.ORIGINAL);
        }
    }

    @Test
    void anArticleDaysAheadInEventTimeDoesNotExpireEarlierArticlesStillToBeMatched() {
        try (Run run = new Run("skew")) {
            run.send(article("ahead", "Wire", "Port strike ends", LONG_BODY.replace("bank", "port"), "2026-11-27T10:00:00Z"),
                    article("wire", "Wire", WIRE_TITLE, LONG_BODY, "2026-11-18T21:35:00Z"),
                    article("copy", "Ledger", WIRE_TITLE, LONG_BODY, "2026-11-18T21:41:00Z"));
            Map<String, DuplicateDecision> d = run.finalDecisions();
            assertThat(d.get("copy").getStatus()).isEqualTo(DuplicateStatus.EXACT_DUPLICATE);
            assertThat(d.get("copy").getDuplicateOf()).isEqualTo("wire");
        }
    }

    @Test
    void stateOlderThanTheTtlOnTheWallClockIsForgotten() {
        try (Run run = new Run("ttl")) {
            run.send(article("wire", "Wire", WIRE_TITLE, LONG_BODY, "2026-11-18T21:35:00Z"));
            run.driver.advanceWallClockTime(DedupConfig.defaults().stateTtl().plusHours(2));
            run.send(article("copy", "Ledger", WIRE_TITLE, LONG_BODY, "2026-11-18T21:41:00Z"));
            assertThat(run.finalDecisions().get("copy").getStatus()).isEqualTo(DuplicateStatus.ORIGINAL);
        }
    }

    @Test
    void articleBodyIsDroppedOnceDecidedAndShinglesAreKeptUntilTheTtlPurge() {
        try (Run run = new Run("stores")) {
            run.send(article("wire", "Wire", WIRE_TITLE, LONG_BODY, "2026-11-18T21:35:00Z"));
            assertThat(run.originals.readValue().getArticle().getBody()).isEqualTo(LONG_BODY);
            KeyValueStore<String, Object> bodies = run.driver.getKeyValueStore(DedupTopology.BODIES_STORE);
            KeyValueStore<String, long[]> shingles = run.driver.getKeyValueStore(DedupTopology.SHINGLES_STORE);
            assertThat(bodies.get("wire")).isNull();
            assertThat(shingles.get("wire")).isNotEmpty();

            run.driver.advanceWallClockTime(DedupConfig.defaults().stateTtl().plusHours(2));
            assertThat(shingles.get("wire")).isNull();
            assertThat(run.driver.getKeyValueStore(DedupTopology.ARTICLES_STORE).get("wire")).isNull();
        }
    }

    @Test
    void withAPublishDelayAnEarlierCopyArrivingInTimeMeansTheLaterOneIsNeverPublishedAsOriginal() {
        try (Run run = new Run("delay", DedupConfig.defaults().withPublishDelay(java.time.Duration.ofSeconds(2)))) {
            run.send(article("wire", "Wire", WIRE_TITLE, LONG_BODY, "2026-11-19T09:31:00Z"));
            assertThat(run.decisions.isEmpty()).as("held while the delay runs").isTrue();
            run.send(article("early", "Lakeside", WIRE_TITLE, LONG_BODY, "2026-11-19T09:27:00Z"));
            run.driver.advanceWallClockTime(java.time.Duration.ofSeconds(3));

            List<DuplicateDecision> all = run.decisions.readValuesToList();
            assertThat(all).noneMatch(DuplicateDecision::getCorrection);
            assertThat(all).filteredOn(d -> d.getArticleId().equals("wire")).singleElement()
                    .satisfies(d -> assertThat(d.getDuplicateOf()).isEqualTo("early"));
            assertThat(run.originals.readValuesToList()).extracting(DedupedArticle::getArticleId).containsExactly("early");
        }
    }

    @Test
    void withAPublishDelayAnOriginalIsPublishedOnceTheDelayHasPassed() {
        try (Run run = new Run("delay-alone", DedupConfig.defaults().withPublishDelay(java.time.Duration.ofSeconds(2)))) {
            run.send(article("wire", "Wire", WIRE_TITLE, LONG_BODY, "2026-11-19T09:31:00Z"));
            run.driver.advanceWallClockTime(java.time.Duration.ofSeconds(1));
            assertThat(run.originals.isEmpty()).isTrue();
            run.driver.advanceWallClockTime(java.time.Duration.ofSeconds(2));
            assertThat(run.originals.readValuesToList()).extracting(DedupedArticle::getArticleId).containsExactly("wire");
            assertThat(run.finalDecisions().get("wire").getStatus()).isEqualTo(DuplicateStatus.ORIGINAL);
        }
    }

    private static String ids(List<RawArticle> order) {
        return order.stream().map(RawArticle::getArticleId).toList().toString();
    }
}
