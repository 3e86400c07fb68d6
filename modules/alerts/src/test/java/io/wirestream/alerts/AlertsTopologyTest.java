package io.wirestream.alerts;

import static io.wirestream.alerts.Fixtures.at;
import static io.wirestream.alerts.Fixtures.burst;
import static io.wirestream.alerts.Fixtures.copy;
import static io.wirestream.alerts.Fixtures.original;
import static io.wirestream.alerts.Fixtures.region;
import static io.wirestream.alerts.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.alerts.stream.AlertsConfig;
import io.wirestream.alerts.stream.AlertsTopology;
import io.wirestream.model.Alert;
import io.wirestream.model.AlertArticle;
import io.wirestream.model.AlertRule;
import io.wirestream.model.AlertTrigger;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.RuleGrouping;
import io.wirestream.model.RuleTrigger;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import io.wirestream.runtime.TopologyTests;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsTopologyTest {

    @TempDir
    Path state;

    /** One test driver over the alerts topology with its three inputs and the alerts output. */
    private final class Pipeline implements AutoCloseable {
        final TopologyTestDriver driver;
        final TestInputTopic<String, AlertRule> rules;
        final TestInputTopic<String, EnrichedArticle> enriched;
        final TestInputTopic<String, DuplicateDecision> duplicates;
        final TestOutputTopic<String, Alert> alerts;
        final TestOutputTopic<byte[], byte[]> dlq;

        Pipeline(String name) {
            ServiceSettings settings = TopologyTests.settings(AlertsService.NAME, name + System.nanoTime(), state.resolve(name));
            Topics topics = StreamsService.topics(settings);
            driver = new TopologyTestDriver(AlertsTopology.topology(AlertsConfig.defaults(), topics),
                    settings.streamsProperties(topics.dlq().name()));
            rules = driver.createInputTopic(topics.alertRules().name(), topics.alertRules().keySerde().serializer(),
                    topics.alertRules().valueSerde().serializer());
            enriched = driver.createInputTopic(topics.enriched().name(), topics.enriched().keySerde().serializer(),
                    topics.enriched().valueSerde().serializer());
            duplicates = driver.createInputTopic(topics.duplicates().name(), topics.duplicates().keySerde().serializer(),
                    topics.duplicates().valueSerde().serializer());
            alerts = driver.createOutputTopic(topics.alerts().name(), topics.alerts().keySerde().deserializer(),
                    topics.alerts().valueSerde().deserializer());
            dlq = driver.createOutputTopic(topics.dlq().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }

        void rule(AlertRule r) {
            rules.pipeInput(r.getRuleId(), r, Fixtures.T0);
        }

        void original(EnrichedArticle a) {
            enriched.pipeInput(a.getArticleId(), a, a.getPublishedAt());
        }

        void copy(DuplicateDecision d) {
            duplicates.pipeInput(d.getArticleId(), d, d.getEventTime());
        }

        List<Alert> alerts() {
            return alerts.readValuesToList();
        }

        @Override
        public void close() {
            driver.close();
        }
    }

    /** The sum over tasks of one of the service's own metrics ({@code wirestream-alerts} scope). */
    private static double metric(Pipeline p, String name) {
        return p.driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name) && e.getKey().group().equals("stream-wirestream-alerts-metrics"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
    }

    private static List<String> ids(Alert a) {
        return a.getArticles().stream().map(AlertArticle::getArticleId).toList();
    }

    @Test
    void burstPerStoryCountsSyndicatedCopiesAndCooldownSuppressesTheNextOne() {
        try (Pipeline p = new Pipeline("burst")) {
            p.rule(burst("quake-burst", 3, 3, Duration.ofMinutes(30)));
            p.original(original("a1", "s1", "Continental Press", "Quake hits northern Japan", at(0)));
            p.copy(copy("a2", "s1", "a1", "Pacific Ledger", "Quake hits northern Japan", at(10)));
            assertThat(p.alerts()).isEmpty();
            p.copy(copy("a3", "s1", "a1", "Harbour Gazette", "Quake hits Japan", at(25)));

            Alert alert = p.alerts.readValue();
            assertThat(alert.getTrigger()).isEqualTo(AlertTrigger.BURST);
            assertThat(alert.getRuleId()).isEqualTo("quake-burst");
            assertThat(alert.getStoryId()).isEqualTo("s1");
            assertThat(alert.getRegion()).isNull();
            assertThat(ids(alert)).containsExactly("a1", "a2", "a3");
            assertThat(alert.getArticles()).extracting(AlertArticle::getSource)
                    .containsExactly("Continental Press", "Pacific Ledger", "Harbour Gazette");
            assertThat(alert.getDistinctSources()).isEqualTo(3);
            assertThat(alert.getWindowStart()).isEqualTo(at(0));
            assertThat(alert.getWindowEnd()).isEqualTo(at(30));
            assertThat(alert.getFiredAt()).isEqualTo(at(25));
            assertThat(alert.getExplanation())
                    .isEqualTo("burst: 3 articles from 3 sources within 30m about story s1 'Quake hits northern Japan'");

            // A fourth outlet 5 minutes later is within the hour's cooldown: no second alert for the story.
            p.copy(copy("a4", "s1", "a1", "Daily Meridian", "Quake hits Japan", at(30)));
            assertThat(p.alerts()).isEmpty();
            assertThat(metric(p, "suppressed-alerts-total")).isEqualTo(1.0);
            // After the cooldown, a new burst of the same story fires again.
            p.copy(copy("a5", "s1", "a1", "Capital Tribune", "Quake: aftershocks", at(100)));
            p.copy(copy("a6", "s1", "a1", "Lakeside Courier", "Quake: aftershocks", at(105)));
            p.copy(copy("a7", "s1", "a1", "Coastal Herald", "Quake: aftershocks", at(110)));
            assertThat(p.alerts()).singleElement().satisfies(a -> assertThat(ids(a)).containsExactly("a5", "a6", "a7"));
        }
    }

    @Test
    void burstNeedsEnoughDistinctSourcesWithinTheWindow() {
        try (Pipeline p = new Pipeline("window")) {
            p.rule(burst("quake-burst", 3, 2, Duration.ofMinutes(30)));
            p.original(original("a1", "s1", "Wire A", "Quake hits Japan", at(0)));
            p.copy(copy("a2", "s1", "a1", "Wire A", "Quake hits Japan", at(5)));
            p.copy(copy("a3", "s1", "a1", "Wire A", "Quake hits Japan", at(10)));
            assertThat(p.alerts()).as("three articles but one source").isEmpty();
            p.copy(copy("a4", "s1", "a1", "Wire B", "Quake hits Japan", at(45)));
            assertThat(p.alerts()).as("a second source, but 45 minutes after the first").isEmpty();
            p.copy(copy("a5", "s1", "a1", "Wire A", "Quake hits Japan", at(50)));
            assertThat(p.alerts()).as("a1..a3 are out of the window that holds a4; a4, a5: two articles").isEmpty();
            p.copy(copy("a6", "s1", "a1", "Wire C", "Quake hits Japan", at(55)));
            assertThat(p.alerts()).singleElement().satisfies(a -> {
                assertThat(ids(a)).containsExactly("a4", "a5", "a6");
                assertThat(a.getDistinctSources()).isEqualTo(3);
                assertThat(a.getWindowStart()).isEqualTo(at(45));
            });
        }
    }

    @Test
    void copyThatArrivesBeforeItsOriginalIsTaggedCountsWhenTheOriginalArrives() {
        try (Pipeline p = new Pipeline("early-copy")) {
            p.rule(burst("quake-burst", 2, 2, Duration.ofMinutes(30)));
            p.copy(copy("a2", "s1", "a1", "Pacific Ledger", "Quake hits Japan", at(10)));
            assertThat(p.alerts()).isEmpty();
            p.original(original("a1", "s1", "Continental Press", "Quake hits northern Japan", at(0)));
            assertThat(p.alerts()).singleElement().satisfies(a -> {
                assertThat(ids(a)).containsExactly("a1", "a2");
                assertThat(a.getFiredAt()).isEqualTo(at(10));
            });
        }
    }

    @Test
    void copiesOfAStoryWhoseOriginalDoesNotMatchNeverCount() {
        try (Pipeline p = new Pipeline("no-match")) {
            p.rule(burst("quake-burst", 2, 1, Duration.ofMinutes(30)));
            p.copy(copy("b2", "s2", "b1", "Pacific Ledger", "Quake hits Japan", at(5)));
            p.original(original("b1", "s2", "Continental Press", "Parliament votes on budget", at(0)));
            p.copy(copy("b3", "s2", "b1", "Harbour Gazette", "Quake hits Japan", at(10)));
            assertThat(p.alerts()).isEmpty();
        }
    }

    @Test
    void recordLaterThanTheGraceIsNotCounted() {
        try (Pipeline p = new Pipeline("late")) {
            p.rule(burst("quake-burst", 2, 2, Duration.ofMinutes(30)));
            p.original(original("a1", "s1", "Wire A", "Quake hits Japan", at(0)));
            // Stream time moves on with another story (also matching).
            p.original(original("c1", "s3", "Wire C", "Quake in Chile", at(60)));
            // A copy of s1 from 45 minutes ago: within 30 minutes of a1, but 60 minutes behind stream time, beyond the 10m grace.
            p.copy(copy("a2", "s1", "a1", "Wire B", "Quake hits Japan", at(15)));
            assertThat(p.alerts()).isEmpty();
            assertThat(metric(p, "late-records-total")).isEqualTo(1.0);
            // Within the grace: out of order, still counted.
            p.original(original("d1", "s4", "Wire A", "Quake in Peru", at(50)));
            p.copy(copy("d2", "s4", "d1", "Wire B", "Quake in Peru", at(55)));
            assertThat(p.alerts()).singleElement().satisfies(a -> assertThat(ids(a)).containsExactly("d1", "d2"));
        }
    }

    @Test
    void everyFiresPerMatchingArticleWithCooldownPerStory() {
        try (Pipeline p = new Pipeline("every")) {
            p.rule(rule("japan", RuleTrigger.EVERY).setRegions(List.of("JP")).build());
            p.original(original("a1", "s1", "Wire A", "Quake hits Japan", at(0)));
            p.original(original("x1", "s9", "Wire A", "Quake hits Chile", at(1), List.of(region("CL", true, 0.9))));
            p.copy(copy("a2", "s1", "a1", "Wire B", "Quake hits Japan", at(20)));
            p.original(original("e1", "s5", "Wire B", "Japan election called", at(30)));
            p.copy(copy("a3", "s1", "a1", "Wire C", "Quake hits Japan", at(61)));
            List<Alert> alerts = p.alerts();
            assertThat(alerts).extracting(Alert::getStoryId).containsExactly("s1", "s5", "s1");
            assertThat(alerts).extracting(a -> a.getArticles().get(0).getArticleId()).containsExactly("a1", "e1", "a3");
            assertThat(alerts).allSatisfy(a -> assertThat(a.getTrigger()).isEqualTo(AlertTrigger.EVERY));
            assertThat(alerts.get(0).getExplanation()).isEqualTo("match: 'Quake hits Japan' from Wire A (story s1)");
        }
    }

    @Test
    void retractedOriginalTombstoneFiresNothingAndTheNextArticleStillFlows() {
        try (Pipeline p = new Pipeline("retracted")) {
            p.rule(rule("japan", RuleTrigger.EVERY).setRegions(List.of("JP")).build());
            p.enriched.pipeInput("c1", null, at(0));
            p.original(original("a1", "s1", "Wire A", "Quake hits Japan", at(1)));
            assertThat(p.alerts()).extracting(a -> a.getArticles().get(0).getArticleId()).containsExactly("a1");
            assertThat(p.dlq.isEmpty()).as("a retraction is not an error").isTrue();
        }
    }

    @Test
    void withoutCooldownEveryCopyFiresEvenWhenCopiesArriveOutOfOrder() {
        try (Pipeline p = new Pipeline("no-cooldown")) {
            p.rule(rule("japan", RuleTrigger.EVERY).setRegions(List.of("JP")).setCooldownMs(0).build());
            p.original(original("a1", "s1", "Wire A", "Quake hits Japan", at(0)));
            p.copy(copy("a3", "s1", "a1", "Wire C", "Quake hits Japan", at(30)));
            p.copy(copy("a2", "s1", "a1", "Wire B", "Quake hits Japan", at(20)));
            assertThat(p.alerts()).extracting(a -> a.getArticles().get(0).getArticleId()).containsExactly("a1", "a3", "a2");
        }
    }

    @Test
    void anOutOfOrderCopyStampedJustBeforeTheLastFiringIsWithinTheCooldown() {
        try (Pipeline p = new Pipeline("cooldown-both-sides")) {
            p.rule(rule("japan", RuleTrigger.EVERY).setRegions(List.of("JP")).setCooldownMs(3_600_000L).build());
            p.copy(copy("a3", "s1", "a1", "Wire C", "Quake hits Japan", at(200)));
            p.original(original("a1", "s1", "Wire A", "Quake hits Japan", at(0)));
            p.copy(copy("a2", "s1", "a1", "Wire B", "Quake hits Japan", at(150)));
            assertThat(p.alerts()).extracting(a -> a.getArticles().get(0).getArticleId()).containsExactly("a1", "a3");
        }
    }

    @Test
    void newStoryFiresOnceForTheFirstMatchingArticleOfAStory() {
        try (Pipeline p = new Pipeline("new-story")) {
            // Only copies from Wire B count: the original (Wire A) does not, its first copy from Wire B does.
            p.rule(rule("b-picks-up", RuleTrigger.NEW_STORY).setSources(List.of("wire b")).build());
            p.original(original("a1", "s1", "Wire A", "Quake hits Japan", at(0)));
            assertThat(p.alerts()).isEmpty();
            p.copy(copy("a2", "s1", "a1", "Wire B", "Quake hits Japan", at(20)));
            p.copy(copy("a3", "s1", "a1", "Wire B", "Quake hits Japan again", at(300)));
            p.original(original("f1", "s6", "Wire B", "Floods in Kenya", at(310)));
            List<Alert> alerts = p.alerts();
            assertThat(alerts).extracting(Alert::getStoryId).containsExactly("s1", "s6");
            assertThat(ids(alerts.get(0))).containsExactly("a2");
            assertThat(alerts.get(0).getExplanation()).isEqualTo("new story s1: 'Quake hits Japan' from Wire B");
        }
    }

    @Test
    void burstPerRegionCountsOriginalsOfDifferentStoriesAboutTheRegion() {
        try (Pipeline p = new Pipeline("region")) {
            p.rule(rule("caucasus", RuleTrigger.BURST).setGroupBy(RuleGrouping.REGION).setRegions(List.of("AM", "AZ"))
                    .setMinArticles(2).setMinSources(2).setWindowMs(Duration.ofHours(2).toMillis()).build());
            p.original(original("m1", "s1", "Wire A", "Talks in Yerevan", at(0), List.of(region("AM", true, 0.9))));
            // A copy of s1 does not count for a region burst: copies count per story.
            p.copy(copy("m2", "s1", "m1", "Wire B", "Talks in Yerevan", at(10)));
            // Low-confidence tags never count... this one is about Azerbaijan, not Armenia.
            p.original(original("m3", "s2", "Wire B", "Baku responds", at(20), List.of(region("AZ", true, 0.9))));
            assertThat(p.alerts()).isEmpty();
            p.original(original("m4", "s3", "Wire C", "Border monitors deploy", at(30),
                    List.of(region("AM", true, 0.9), region("AZ", false, 0.8))));
            List<Alert> alerts = p.alerts();
            assertThat(alerts).extracting(Alert::getRegion).containsExactlyInAnyOrder("AM", "AZ");
            assertThat(alerts).allSatisfy(a -> {
                assertThat(a.getStoryId()).isNull();
                assertThat(a.getExplanation()).startsWith("burst: 2 articles from 2 sources within 2h about region ");
            });
            assertThat(alerts).filteredOn(a -> a.getRegion().equals("AM")).singleElement()
                    .satisfies(a -> assertThat(ids(a)).containsExactly("m1", "m4"));
        }
    }

    @Test
    void minimumConfidenceIgnoresWeakTags() {
        try (Pipeline p = new Pipeline("confidence")) {
            p.rule(rule("jp", RuleTrigger.EVERY).setRegions(List.of("JP")).setMinConfidence(0.8).build());
            p.original(original("w1", "s1", "Wire A", "Weak mention", at(0), List.of(region("JP", true, 0.5))));
            p.original(original("w2", "s2", "Wire A", "Strong mention", at(1), List.of(region("JP", true, 0.85))));
            assertThat(p.alerts()).extracting(Alert::getStoryId).containsExactly("s2");
        }
    }

    @Test
    void ruleAddedChangedAndRemovedTakesEffectForTheNextArticle() {
        try (Pipeline p = new Pipeline("changes")) {
            p.original(original("a1", "s1", "Wire A", "Quake hits Japan", at(0)));
            assertThat(p.alerts()).as("no rule yet").isEmpty();
            p.rule(rule("watch", RuleTrigger.EVERY).setKeywords(List.of("quake")).build());
            p.original(original("a2", "s2", "Wire A", "Quake hits Chile", at(1)));
            p.rule(rule("watch", RuleTrigger.EVERY).setKeywords(List.of("floods")).build());
            p.original(original("a3", "s3", "Wire A", "Quake hits Peru", at(2)));
            p.original(original("a4", "s4", "Wire A", "Floods in Kenya", at(3)));
            p.rule(rule("watch", RuleTrigger.EVERY).setKeywords(List.of("floods")).setEnabled(false).build());
            p.original(original("a5", "s5", "Wire A", "Floods in Chad", at(4)));
            p.rule(rule("watch", RuleTrigger.EVERY).setKeywords(List.of("floods")).build());
            p.rules.pipeInput("watch", null, Fixtures.T0);
            p.original(original("a6", "s6", "Wire A", "Floods in Niger", at(5)));
            assertThat(p.alerts()).extracting(Alert::getStoryId).containsExactly("s2", "s4");
        }
    }

    @Test
    void theSameInputGivesTheSameAlertsWithTheSameIds() {
        Consumer<Pipeline> feed = p -> {
            p.rule(burst("quake-burst", 2, 2, Duration.ofMinutes(30)));
            p.rule(rule("every", RuleTrigger.EVERY).setCooldownMs(0).build());
            p.original(original("a1", "s1", "Wire A", "Quake hits Japan", at(0)));
            p.copy(copy("a2", "s1", "a1", "Wire B", "Quake hits Japan", at(5)));
            p.original(original("b1", "s2", "Wire C", "Quake hits Chile", at(7)));
            p.copy(copy("b2", "s2", "b1", "Wire D", "Quake hits Chile", at(8)));
        };
        List<Alert> first;
        List<Alert> second;
        try (Pipeline p = new Pipeline("replay-1")) {
            feed.accept(p);
            first = p.alerts();
        }
        try (Pipeline p = new Pipeline("replay-2")) {
            feed.accept(p);
            second = p.alerts();
        }
        assertThat(first).hasSize(6);
        assertThat(first).extracting(Alert::getAlertId).doesNotHaveDuplicates();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aCorrectedDecisionForTheSameCopyDoesNotCountTwice() {
        try (Pipeline p = new Pipeline("correction")) {
            p.rule(burst("quake-burst", 3, 1, Duration.ofMinutes(30)));
            p.original(original("a1", "s1", "Wire A", "Quake hits Japan", at(0)));
            p.copy(copy("a2", "s1", "a1", "Wire B", "Quake hits Japan", at(5)));
            DuplicateDecision again = copy("a2", "s1", "a1", "Wire B", "Quake hits Japan", at(5));
            again.setCorrection(true);
            p.copy(again);
            assertThat(p.alerts()).isEmpty();
        }
    }
}
