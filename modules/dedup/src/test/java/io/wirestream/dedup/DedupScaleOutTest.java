package io.wirestream.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.dedup.core.DedupConfig;
import io.wirestream.dedup.core.OfflineDeduplicator;
import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackConfig;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.RawArticle;
import io.wirestream.model.Story;
import io.wirestream.model.topic.TopicProvisioner;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dedup contract on a real broker: the same input gives the same final decisions and stories with
 * 1 partition and 1 instance as with 6 partitions and 3 instances (separate state directories), and both
 * equal the offline engine's decisions for the same articles.
 */
class DedupScaleOutTest {

    @TempDir
    static Path dir;
    private static DevStack stack;
    private static List<RawArticle> feed;
    private static Map<String, String> expected;
    private static Map<String, TreeSet<String>> expectedStories;

    @BeforeAll
    static void start() {
        stack = DevStack.start(DevStackConfig.defaults().withDataDir(dir.resolve("stack")));
        feed = SyntheticWire.feed(42, 30);
        OfflineDeduplicator offline = new OfflineDeduplicator(DedupConfig.defaults());
        List<RawArticle> inEventOrder = new ArrayList<>(feed);
        inEventOrder.sort(Comparator.comparing(RawArticle::getPublishedAt).thenComparing(RawArticle::getArticleId));
        for (RawArticle a : inEventOrder) {
            offline.process(new OfflineDeduplicator.Article(a.getArticleId(), a.getTitle(), a.getBody(),
                    a.getPublishedAt().toEpochMilli(), a.getSource()));
        }
        assertThat(offline.verifications()).as("the feed has borderline estimates that need exact verification").isPositive();
        expected = new TreeMap<>();
        expectedStories = new TreeMap<>();
        offline.decisions().forEach((id, e) -> {
            expected.put(id, e.status() + " " + e.duplicateOf() + " " + e.storyId());
            expectedStories.computeIfAbsent(e.storyId(), k -> new TreeSet<>()).add(id);
        });
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private record Outcome(Map<String, String> decisions, Map<String, TreeSet<String>> stories) {
    }

    private Outcome run(String prefix, int partitions, int instances) {
        Properties p = new Properties();
        p.setProperty(ServiceSettings.BOOTSTRAP_SERVERS, stack.bootstrapServers());
        p.setProperty(ServiceSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
        p.setProperty(ServiceSettings.TOPICS_PREFIX, prefix);
        p.setProperty(ServiceSettings.TOPICS_PARTITIONS, Integer.toString(partitions));
        p.setProperty(ServiceSettings.APPLICATION_ID, prefix + "dedup");
        p.setProperty("commit.interval.ms", "50");
        ServiceSettings base = ServiceSettings.parse(DedupService.NAME, p, Map.of());
        Topics topics = StreamsService.topics(base);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            TopicProvisioner.createMissing(admin, topics.all());
        }
        List<StreamsService> running = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                Properties own = new Properties();
                own.putAll(p);
                own.setProperty(ServiceSettings.STATE_DIR, dir.resolve(prefix + "state-" + i).toString());
                running.add(DedupService.start(ServiceSettings.parse(DedupService.NAME, own, Map.of())));
            }
            try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    topics.articlesRaw().keySerde().serializer(), topics.articlesRaw().valueSerde().serializer())) {
                for (RawArticle a : feed) {
                    producer.send(new ProducerRecord<>(topics.articlesRaw().name(), null,
                            a.getPublishedAt().toEpochMilli(), a.getArticleId(), a));
                }
            }
            Map<String, String> decisions = new TreeMap<>();
            Map<String, TreeSet<String>> stories = new TreeMap<>();
            try (KafkaConsumer<String, DuplicateDecision> decisionsIn = consumer(topics.duplicates().valueSerde().deserializer());
                 KafkaConsumer<String, Story> storiesIn = consumer(topics.stories().valueSerde().deserializer())) {
                decisionsIn.subscribe(List.of(topics.duplicates().name()));
                storiesIn.subscribe(List.of(topics.stories().name()));
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    decisionsIn.poll(Duration.ofMillis(200)).forEach(r -> decisions.put(r.key(),
                            r.value().getStatus() + " " + r.value().getDuplicateOf() + " " + r.value().getStoryId()));
                    storiesIn.poll(Duration.ofMillis(200)).forEach(r -> {
                        if (r.value() == null) {
                            stories.remove(r.key());
                        } else {
                            stories.put(r.key(), new TreeSet<>(r.value().getArticleIds()));
                        }
                    });
                    assertThat(decisions).isEqualTo(expected);
                    assertThat(stories).isEqualTo(expectedStories);
                });
            }
            return new Outcome(decisions, stories);
        } finally {
            running.forEach(StreamsService::close);
        }
    }

    private <V> KafkaConsumer<String, V> consumer(org.apache.kafka.common.serialization.Deserializer<V> values) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "check-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new org.apache.kafka.common.serialization.StringDeserializer(), values);
    }

    @Test
    void oneInstanceOnOnePartitionAndThreeInstancesOnSixPartitionsReachTheSameDecisionsAndStories() {
        assertThat(expected.values()).as("the feed has near and exact duplicates")
                .anyMatch(v -> v.startsWith("NEAR_DUPLICATE")).anyMatch(v -> v.startsWith("EXACT_DUPLICATE"));
        Outcome single = run("one.", 1, 1);
        Outcome scaled = run("six.", 6, 3);
        assertThat(scaled.decisions()).isEqualTo(single.decisions()).isEqualTo(expected);
        assertThat(scaled.stories()).isEqualTo(single.stories()).isEqualTo(expectedStories);
        assertThat(single.stories().values().stream().mapToInt(TreeSet::size).sum()).isEqualTo(feed.size());
    }
}
