package io.wirestream.client.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.client.HeaderFilter;
import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackConfig;
import io.wirestream.registry.serde.GenericAvroSerde;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay on a real broker: an archive of 3 partitions whose records interleave in time, each with a key,
 * headers and an Avro value in Confluent's wire format.
 */
class ReplayerTest {

    private static final Instant BASE = Instant.parse("2026-11-20T00:00:00Z");
    private static final Schema NOTE = new Schema.Parser().parse("""
            {"type":"record","name":"Note","namespace":"test.replay","fields":[{"name":"text","type":"string"},
             {"name":"n","type":"int"}]}""");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static DevStack stack;
    /** What was written to "archive", in the order it was sent. */
    private static final List<Sent> ARCHIVE = new ArrayList<>();

    private record Sent(int partition, long timestamp, String key, String lang, int n) {
    }

    @BeforeAll
    static void start() throws Exception {
        stack = DevStack.start(DevStackConfig.defaults().withDataDir(dir.resolve("stack")));
        createTopic("archive", 3, Map.of());
        createTopic("paced-source", 2, Map.of());
        // 60 records over 60 s: partition by n % 3, 0..999 ms of jitter so partitions interleave unevenly
        for (int n = 0; n < 60; n++) {
            long ts = BASE.toEpochMilli() + n * 1_000L + (n * 379L) % 1_000;
            ARCHIVE.add(new Sent(n % 3, ts, "k-" + n, n % 4 == 0 ? "fr" : "en", n));
        }
        publish("archive", ARCHIVE);
        // spaced 1-2 s apart in event time, alternating partitions
        List<Sent> paced = new ArrayList<>();
        long[] gaps = {0, 1_000, 1_500, 2_000, 1_000, 1_200, 1_800, 1_000};
        long ts = BASE.toEpochMilli();
        for (int i = 0; i < gaps.length; i++) {
            ts += gaps[i];
            paced.add(new Sent(i % 2, ts, "p-" + i, "en", i));
        }
        publish("paced-source", paced);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void timeRangeAtMaxGivesExactlyTheRecordsInRangeInTimestampOrderWithKeysTimestampsAndHeaders() throws Exception {
        Instant from = BASE.plusSeconds(10);
        Instant to = BASE.plusSeconds(40);
        ListSink sink = new ListSink();

        ReplaySummary summary = Replayer.create(client())
                .run(new ReplayRequest("archive", from, to, HeaderFilter.none(), Speed.MAX), sink, s -> { });

        List<Sent> expected = ARCHIVE.stream()
                .filter(s -> s.timestamp() >= from.toEpochMilli() && s.timestamp() < to.toEpochMilli())
                .sorted(Comparator.comparingLong(Sent::timestamp)).toList();
        assertThat(expected).hasSize(30);
        assertThat(sink.records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactlyElementsOf(expected.stream().map(Sent::key).toList());
        assertThat(sink.records).extracting(ConsumerRecord::timestamp)
                .containsExactlyElementsOf(expected.stream().map(Sent::timestamp).toList());
        assertThat(sink.records).extracting(r -> header(r, "lang"))
                .containsExactlyElementsOf(expected.stream().map(Sent::lang).toList());
        assertThat(sink.records).extracting(ConsumerRecord::partition).containsAll(List.of(0, 1, 2));
        assertThat(summary.status().matched()).isEqualTo(30);
        assertThat(summary.status().first()).contains(Instant.ofEpochMilli(expected.get(0).timestamp()));
    }

    @Test
    void partitionBuffersOfOneRecordGiveTheSameOrder() throws Exception {
        Map<String, Object> config = consumerConfig();
        Replayer tiny = new Replayer(() -> new KafkaConsumer<>(config), Pacer::system, System::nanoTime, Clock.systemUTC(), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(30));
        ListSink sink = new ListSink();

        tiny.run(new ReplayRequest("archive", BASE, BASE.plusSeconds(60), HeaderFilter.none(), Speed.MAX), sink, s -> { });

        assertThat(sink.records).hasSize(60);
        assertThat(sink.records).extracting(ConsumerRecord::timestamp).isSorted();
    }

    @Test
    void republishedRecordsKeepKeyValueTimestampAndHeaders() throws Exception {
        createTopic("archive-copy", 3, Map.of());
        try (TopicSink sink = TopicSink.create("archive-copy", client(), true)) {
            Replayer.create(client()).run(new ReplayRequest("archive", BASE, BASE.plusSeconds(20), HeaderFilter.none(),
                    Speed.MAX), sink, s -> { });
        }

        List<ConsumerRecord<byte[], byte[]>> original = readAll("archive", 60);
        List<ConsumerRecord<byte[], byte[]>> copy = readAll("archive-copy", 20);
        assertThat(copy).hasSize(20);
        Map<String, ConsumerRecord<byte[], byte[]>> byKey = new HashMap<>();
        original.forEach(r -> byKey.put(new String(r.key(), StandardCharsets.UTF_8), r));
        GenericAvroSerde serde = serde();
        for (ConsumerRecord<byte[], byte[]> c : copy) {
            ConsumerRecord<byte[], byte[]> o = byKey.get(new String(c.key(), StandardCharsets.UTF_8));
            assertThat(c.value()).isEqualTo(o.value());
            assertThat(c.timestamp()).isEqualTo(o.timestamp());
            assertThat(c.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
            assertThat(c.headers().toArray()).isEqualTo(o.headers().toArray());
            assertThat(c.partition()).as("kept partition").isEqualTo(o.partition());
            GenericRecord v = (GenericRecord) serde.deserializer().deserialize("archive-copy", c.value());
            assertThat(v.get("text").toString()).isEqualTo("note " + v.get("n"));
        }
    }

    @Test
    void headerFilterKeepsOnlyMatchingRecords() throws Exception {
        ListSink sink = new ListSink();

        ReplaySummary summary = Replayer.create(client()).run(new ReplayRequest("archive", BASE, BASE.plusSeconds(60),
                HeaderFilter.none().withLanguages(List.of("FR")), Speed.MAX), sink, s -> { });

        List<String> french = ARCHIVE.stream().filter(s -> s.lang().equals("fr"))
                .sorted(Comparator.comparingLong(Sent::timestamp)).map(Sent::key).toList();
        assertThat(sink.records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsExactlyElementsOf(french);
        assertThat(summary.status().filtered()).isEqualTo(60 - french.size());
        assertThat(summary.line()).contains("left out 45 by filter (lang=fr)");
    }

    @Test
    void ndjsonHasOneParsableObjectPerRecordWithTheDecodedValue() throws Exception {
        StringWriter out = new StringWriter();
        GenericAvroSerde serde = serde();

        try (NdjsonSink sink = NdjsonSink.of(out, "memory", serde.deserializer(), true)) {
            Replayer.create(client()).run(new ReplayRequest("archive", BASE, BASE.plusSeconds(5), HeaderFilter.none(),
                    Speed.MAX), sink, s -> { });
        }

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(5);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode o = JSON.readTree(lines.get(i));
            Sent s = ARCHIVE.get(i);
            assertThat(o.get("topic").asText()).isEqualTo("archive");
            assertThat(o.get("partition").asInt()).isEqualTo(s.partition());
            assertThat(o.get("key").asText()).isEqualTo(s.key());
            assertThat(o.get("timestamp").asLong()).isEqualTo(s.timestamp());
            assertThat(o.get("time").asText()).isEqualTo(Instant.ofEpochMilli(s.timestamp()).toString());
            assertThat(o.get("headers").get("lang").asText()).isEqualTo(s.lang());
            assertThat(o.get("value").get("text").asText()).isEqualTo("note " + s.n());
            assertThat(o.get("value").get("n").asInt()).isEqualTo(s.n());
        }
    }

    @Test
    void fixedFactorSpacesRecordsLikeTheOriginalDividedByTheFactorOnBrokerAppendTime() throws Exception {
        createTopic("paced-copy", 2, Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"));
        Map<String, Object> producer = new HashMap<>(client());
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        try (TopicSink sink = TopicSink.create("paced-copy", producer, true)) {
            Replayer.create(client()).run(new ReplayRequest("paced-source", BASE, BASE.plusSeconds(60), HeaderFilter.none(),
                    Speed.parse("4x")), sink, s -> { });
        }

        List<ConsumerRecord<byte[], byte[]>> source = readAll("paced-source", 8);
        List<ConsumerRecord<byte[], byte[]>> copy = readAll("paced-copy", 8);
        source.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
        copy.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
        assertThat(copy).hasSize(8).allSatisfy(r -> assertThat(r.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME));
        assertThat(copy).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactlyElementsOf(source.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList());
        // Measured from the second record: the first send also waits for the producer's metadata and
        // idempotence set-up, which would shift every later gap on a busy machine.
        long t1 = source.get(1).timestamp();
        long a1 = copy.get(1).timestamp();
        for (int i = 2; i < 8; i++) {
            double expected = (source.get(i).timestamp() - t1) / 4.0;
            long actual = copy.get(i).timestamp() - a1;
            assertThat((double) actual).as("record %d: %d ms after the second, expected %.0f ms", i, actual, expected)
                    .isBetween(expected - 60, expected + 250);
        }
        // records 2..8 took their original span divided by 4, not the original span and not nothing
        double span = (source.get(7).timestamp() - t1) / 4.0;
        assertThat((double) (copy.get(7).timestamp() - a1)).isBetween(span - 60, span + 250);
        assertThat(span).isGreaterThan(1_500);
    }

    @Test
    void rangeBeforeTheFirstRecordMatchesNothing() throws Exception {
        ListSink sink = new ListSink();

        ReplaySummary summary = Replayer.create(client()).run(new ReplayRequest("archive", BASE.minusSeconds(3_600), BASE,
                HeaderFilter.none(), Speed.MAX), sink, s -> { });

        assertThat(sink.records).isEmpty();
        assertThat(summary.status().matched()).isZero();
        assertThat(summary.status().outside()).isEqualTo(60);
    }

    @Test
    void transactionMarkersStampedWithCommitTimeDoNotEndTheRangeEarly() throws Exception {
        createTopic("transactional", 1, Map.of());
        GenericAvroSerde serde = serde();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "replay-test-tx");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            for (int n = 0; n < 10; n++) {
                GenericRecord v = new GenericData.Record(NOTE);
                v.put("text", "note " + n);
                v.put("n", n);
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("transactional", 0, BASE.toEpochMilli() + n * 60_000L,
                        ("t-" + n).getBytes(StandardCharsets.UTF_8), serde.serializer().serialize("transactional", v)));
                producer.commitTransaction(); // a marker stamped now, after each record stamped in the past
            }
        }
        ListSink sink = new ListSink();

        Replayer.create(client()).run(new ReplayRequest("transactional", BASE.plusSeconds(120), BASE.plusSeconds(420),
                HeaderFilter.none(), Speed.MAX), sink, s -> { });

        assertThat(sink.records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactly("t-2", "t-3", "t-4", "t-5", "t-6");
    }

    @Test
    void unknownTopicEmptyRangeAndReversedRangeAreClearErrors() {
        Replayer replayer = Replayer.create(client());

        assertThatThrownBy(() -> replayer.plan(new ReplayRequest("no-such-topic", BASE, BASE.plusSeconds(1),
                HeaderFilter.none(), Speed.MAX))).isInstanceOf(UnknownTopicException.class)
                .hasMessageContaining("topic no-such-topic does not exist");
        assertThat(replayer.plan(new ReplayRequest("archive", BASE.plusSeconds(3_600), BASE.plusSeconds(7_200),
                HeaderFilter.none(), Speed.MAX)).isEmpty()).isTrue();
        assertThatThrownBy(() -> new ReplayRequest("archive", BASE, BASE.minusSeconds(1), HeaderFilter.none(), Speed.MAX))
                .hasMessageContaining("must be after --from");
    }

    /** Collects what a replay writes. */
    private static final class ListSink implements ReplaySink {
        final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

        @Override
        public void write(ConsumerRecord<byte[], byte[]> record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public long written() {
            return records.size();
        }

        @Override
        public String describe() {
            return "list";
        }

        @Override
        public void close() {
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String key) {
        return new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> client() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    }

    private static Map<String, Object> consumerConfig() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    private static GenericAvroSerde serde() {
        GenericAvroSerde serde = new GenericAvroSerde();
        serde.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        return serde;
    }

    private static void createTopic(String name, int partitions, Map<String, String> configs) throws Exception {
        Map<String, String> all = new HashMap<>(configs);
        all.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
        try (Admin admin = Admin.create(client())) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(all))).all().get();
        }
    }

    private static void publish(String topic, List<Sent> records) throws Exception {
        GenericAvroSerde serde = serde();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (Sent s : records) {
                GenericRecord v = new GenericData.Record(NOTE);
                v.put("text", "note " + s.n());
                v.put("n", s.n());
                RecordHeaders headers = new RecordHeaders();
                headers.add("lang", s.lang().getBytes(StandardCharsets.UTF_8));
                headers.add("n", Integer.toString(s.n()).getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(topic, s.partition(), s.timestamp(), s.key().getBytes(StandardCharsets.UTF_8),
                        serde.serializer().serialize(topic, v), headers)).get();
            }
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            var tps = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (all.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }
}
