package io.wirestream.client.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StreamsReset} on a real broker, with an input written by a transactional producer. */
class StreamsResetTest {

    private static final Instant BASE = Instant.parse("2026-11-20T00:00:00Z");

    @TempDir
    static Path dir;
    private static DevStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = DevStack.start(DevStackConfig.defaults().withDataDir(dir.resolve("stack")));
        try (Admin admin = Admin.create(client())) {
            admin.createTopics(List.of(new NewTopic("app-in", 1, (short) 1), new NewTopic("app-store-changelog", 1, (short) 1),
                    new NewTopic("app-by-key-repartition", 1, (short) 1), new NewTopic("other-store-changelog", 1, (short) 1)))
                    .all().get();
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(), ProducerConfig.TRANSACTIONAL_ID_CONFIG, "reset-test"), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            for (int n = 0; n < 10; n++) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("app-in", 0, BASE.toEpochMilli() + n * 60_000L,
                        ("k" + n).getBytes(StandardCharsets.UTF_8), new byte[] {1}));
                producer.commitTransaction(); // offsets: record 2n, its commit marker 2n + 1 stamped now
            }
        }
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static Map<String, Object> client() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    }

    @Test
    void toDatetimeFindsTheFirstRecordStampedAtOrAfterItNotACommitMarker() throws Exception {
        try (Admin admin = Admin.create(client())) {
            StreamsReset reset = new StreamsReset(admin, client());

            ResetPlan plan = reset.plan(new StreamsReset.Request("app", List.of("app-in"), List.of(),
                    Optional.of(BASE.plusSeconds(3 * 60)), dir.resolve("state")));
            ResetPlan later = reset.plan(new StreamsReset.Request("app", List.of("app-in"), List.of(),
                    Optional.of(BASE.plusSeconds(3_600)), dir.resolve("state")));

            assertThat(plan.inputOffsets()).containsEntry(new TopicPartition("app-in", 0), 6L);
            assertThat(later.inputOffsets()).as("nothing stamped that late: the end").containsEntry(new TopicPartition("app-in", 0), 20L);
        }
    }

    @Test
    void resetRewindsDeletesTheApplicationsInternalTopicsAndItsStateOnly() throws Exception {
        Files.createDirectories(dir.resolve("state/app/0_0/rocksdb"));
        Files.writeString(dir.resolve("state/app/0_0/rocksdb/data"), "x");
        Files.createDirectories(dir.resolve("state/other"));
        try (Admin admin = Admin.create(client())) {
            admin.alterConsumerGroupOffsets("app", Map.of(new TopicPartition("app-in", 0), new OffsetAndMetadata(20))).all().get();
            StreamsReset reset = new StreamsReset(admin, client());

            ResetPlan plan = reset.plan(new StreamsReset.Request("app", List.of("app-in"), List.of(), Optional.empty(),
                    dir.resolve("state")));
            reset.apply(plan);

            assertThat(plan.internalTopics()).containsExactly("app-by-key-repartition", "app-store-changelog");
            assertThat(admin.listTopics().names().get()).contains("app-in", "other-store-changelog")
                    .doesNotContain("app-by-key-repartition", "app-store-changelog");
            assertThat(admin.listConsumerGroupOffsets("app").partitionsToOffsetAndMetadata().get())
                    .containsEntry(new TopicPartition("app-in", 0), new OffsetAndMetadata(0));
            assertThat(dir.resolve("state/app")).doesNotExist();
            assertThat(dir.resolve("state/other")).isDirectory();
        }
    }

    @Test
    void missingInputTopicIsNamed() throws Exception {
        try (Admin admin = Admin.create(client())) {
            assertThatThrownBy(() -> new StreamsReset(admin, client()).plan(new StreamsReset.Request("app",
                    List.of("app-nothing"), List.of(), Optional.empty(), dir.resolve("state"))))
                    .hasMessageContaining("input topic(s) [app-nothing] of app do not exist");
        }
    }
}
