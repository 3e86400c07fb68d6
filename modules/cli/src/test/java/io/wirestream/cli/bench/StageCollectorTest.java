package io.wirestream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackConfig;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.DuplicateStatus;
import io.wirestream.model.RawArticle;
import io.wirestream.model.topic.Topic;
import io.wirestream.model.topic.TopicProvisioner;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's collector after priming, on the embedded stack: it counts the measured articles only. */
class StageCollectorTest {

    private static final Instant AT = Instant.parse("2026-12-07T05:00:00Z");

    @TempDir
    static Path dir;
    private static DevStack stack;
    private static Topics topics;

    @BeforeAll
    static void startStack() throws Exception {
        stack = DevStack.start(DevStackConfig.defaults().withDataDir(dir.resolve("stack")));
        topics = topics("collector.");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void whatPrimingLeftAndALateCorrectionOfAPrimingArticleAreNotCounted() throws Exception {
        send(topics.duplicates(), "primed-1", decision("primed-1", DuplicateStatus.ORIGINAL, false));      // priming, before
        // the offsets priming left: one record on the decisions topic, nothing elsewhere
        Map<TopicPartition, Long> afterPriming = Map.of(new TopicPartition(topics.duplicates().name(), 0), 1L);
        StageCollector collector = new StageCollector(stack.bootstrapServers(), topics, 1, afterPriming, Set.of("primed-1"));
        try (collector) {
            collector.start();
            send(topics.articlesRaw(), "measured-1", raw("measured-1"));
            // One partition: the collector reads the late correction before the measured decision, so it would be
            // done (one document decided) on the correction if it counted it.
            send(topics.duplicates(), "primed-1", decision("primed-1", DuplicateStatus.NEAR_DUPLICATE, true));
            send(topics.duplicates(), "measured-1", decision("measured-1", DuplicateStatus.NEAR_DUPLICATE, false));
            assertThat(collector.await(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(collector.decisions).containsOnlyKeys("measured-1");
        assertThat(collector.documentOf).containsOnlyKeys("measured-1");
        assertThat(collector.corrections).isZero();
        assertThat(collector.accounted()).isEqualTo(1);
    }

    @Test
    void aCorrectionAfterDoneCountsAsADecisionButNotAsTraffic() throws Exception {
        Topics own = topics("settling.");
        Map<TopicPartition, Long> ends;
        StageCollector collector = new StageCollector(stack.bootstrapServers(), own, 1, Map.of(), Set.of());
        try (collector) {
            collector.start();
            send(own.articlesRaw(), "copy-1", raw("copy-1"));
            send(own.duplicates(), "copy-1", decision("copy-1", DuplicateStatus.NEAR_DUPLICATE, false));
            assertThat(collector.await(Duration.ofSeconds(30))).isTrue();      // done: one document decided
            send(own.duplicates(), "copy-1", decision("copy-1", DuplicateStatus.EXACT_DUPLICATE, true));
            ends = endOffsets(own.duplicates(), own.articlesRaw());
            assertThat(collector.awaitRead(ends, Duration.ofSeconds(30))).isTrue();
        }
        assertThat(ends).containsEntry(new TopicPartition(own.duplicates().name(), 0), 2L);
        assertThat(collector.decisions.get("copy-1").getStatus()).isEqualTo(DuplicateStatus.EXACT_DUPLICATE);
        assertThat(collector.corrections).isEqualTo(1);
        assertThat(collector.decisionsAfterDone).isEqualTo(1);
        assertThat(collector.decisionTraffic.records).as("the run's rates end where it was done").isEqualTo(1);
    }

    @Test
    void readingToOffsetsNotYetWrittenTimesOut() throws Exception {
        Topics own = topics("unwritten.");
        StageCollector collector = new StageCollector(stack.bootstrapServers(), own, 1, Map.of(), Set.of());
        try (collector) {
            collector.start();
            send(own.articlesRaw(), "copy-2", raw("copy-2"));
            send(own.duplicates(), "copy-2", decision("copy-2", DuplicateStatus.NEAR_DUPLICATE, false));
            assertThat(collector.await(Duration.ofSeconds(30))).isTrue();
            Map<TopicPartition, Long> beyond = Map.of(new TopicPartition(own.duplicates().name(), 0), 2L);
            assertThat(collector.awaitRead(beyond, Duration.ofMillis(300))).isFalse();
        }
    }

    private static Topics topics(String prefix) throws Exception {
        Properties p = new Properties();
        p.setProperty(ServiceSettings.BOOTSTRAP_SERVERS, stack.bootstrapServers());
        p.setProperty(ServiceSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
        p.setProperty(ServiceSettings.TOPICS_PREFIX, prefix);
        p.setProperty(ServiceSettings.TOPICS_PARTITIONS, "1");
        Topics t = StreamsService.topics(ServiceSettings.parse("bench", p, Map.of()));
        try (Admin admin = admin()) {
            TopicProvisioner.createMissing(admin, t.all());
        }
        return t;
    }

    private static Map<TopicPartition, Long> endOffsets(Topic<?, ?>... of) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (Topic<?, ?> t : of) {
            latest.put(new TopicPartition(t.name(), 0), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        try (Admin admin = admin()) {
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        }
        return ends;
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
    }

    private static <V> void send(Topic<String, V> topic, String key, V value) {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value));
            producer.flush();
        }
    }

    private static DuplicateDecision decision(String articleId, DuplicateStatus status, boolean correction) {
        boolean copy = status != DuplicateStatus.ORIGINAL;
        return DuplicateDecision.newBuilder()
                .setArticleId(articleId)
                .setStatus(status)
                .setDuplicateOf(copy ? "original-1" : null)
                .setSimilarity(copy ? 0.91 : 0.0)
                .setStoryId("story-" + (copy ? "original-1" : articleId))
                .setSource("https://wire.example.com/rss")
                .setTitle("Port strike enters second week as talks stall")
                .setEventTime(AT)
                .setCorrection(correction)
                .setPreviousStatus(correction ? DuplicateStatus.ORIGINAL : null)
                .setPreviousDuplicateOf(null)
                .setReason(copy ? "lsh candidate, estimated jaccard 0.91" : "no candidate")
                .setDecidedAt(AT.plusSeconds(1))
                .build();
    }

    private static RawArticle raw(String articleId) {
        return RawArticle.newBuilder()
                .setArticleId(articleId)
                .setRevision(1)
                .setDocumentId("doc-" + articleId)
                .setSource("https://wire.example.com/rss")
                .setPublisher("Example Wire")
                .setUrl("https://wire.example.com/world/" + articleId)
                .setCanonicalUrl("https://wire.example.com/world/" + articleId)
                .setTitle("Port strike enters second week as talks stall")
                .setBody("ROTTERDAM — Dock workers extended their strike on Monday.\n\nTalks resume on Wednesday.")
                .setByline("By Example Staff")
                .setCaptions(List.of())
                .setCredits(List.of())
                .setLanguage("en")
                .setPublishedAt(AT)
                .setPublishedApproximate(false)
                .setIngestedAt(AT.plusMillis(200))
                .setContentHash("0f343b0931126a20f133d67c2b018a3b")
                .setExtractor("bench-test")
                .build();
    }
}
