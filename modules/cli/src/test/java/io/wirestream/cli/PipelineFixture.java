package io.wirestream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.cli.bench.ArticleGenerator;
import io.wirestream.devstack.DevStack;
import io.wirestream.ingest.connect.DocumentPublisher;
import io.wirestream.ingest.connect.DocumentReader;
import io.wirestream.model.SourceDocument;
import io.wirestream.model.topic.Topic;
import io.wirestream.model.topic.TopicProvisioner;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/** Runs services of the pipeline on an embedded stack and reads what they wrote, for the reprocessing tests. */
final class PipelineFixture {

    /** One record as read back: everything a consumer can see of it. */
    record Seen<V>(String key, V value, List<String> headers, long timestamp, int partition, long offset) {
    }

    private final DevStack stack;
    private final Path stateRoot;

    PipelineFixture(DevStack stack, Path stateRoot) {
        this.stack = stack;
        this.stateRoot = stateRoot;
    }

    /** Settings of {@code service} under topic prefix {@code prefix} and application id {@code applicationId}. */
    ServiceSettings settings(String service, String prefix, String applicationId) {
        return settings(service, prefix, applicationId, Map.of());
    }

    /** The same with more properties (Kafka Streams keys). */
    ServiceSettings settings(String service, String prefix, String applicationId, Map<String, String> extra) {
        Properties p = new Properties();
        p.putAll(extra);
        p.setProperty(ServiceSettings.BOOTSTRAP_SERVERS, stack.bootstrapServers());
        p.setProperty(ServiceSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
        p.setProperty(ServiceSettings.TOPICS_PREFIX, prefix);
        p.setProperty(ServiceSettings.TOPICS_PARTITIONS, "3");
        p.setProperty(ServiceSettings.STATE_DIR, stateRoot.toString());
        if (applicationId != null) {
            p.setProperty(ServiceSettings.APPLICATION_ID, applicationId);
        }
        return ServiceSettings.parse(service, p, Map.of());
    }

    Topics topics(String prefix) {
        return StreamsService.topics(settings("test", prefix, null));
    }

    void createTopics(String prefix) {
        try (Admin admin = admin()) {
            TopicProvisioner.createMissing(admin, topics(prefix).all());
        }
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
    }

    /** Starts a service and waits until it runs. */
    StreamsService start(Function<ServiceSettings, StreamsService> starter, ServiceSettings settings) throws InterruptedException {
        StreamsService s = starter.apply(settings);
        if (!s.awaitRunning(Duration.ofSeconds(30))) {
            s.close();
            throw new IllegalStateException(settings.service() + " did not reach RUNNING: " + s.state());
        }
        return s;
    }

    /** Generated wire articles (with syndicated copies) as documents, published to {@code <prefix>news.documents}. */
    List<SourceDocument> publishGenerated(String prefix, long seed, int n, double copyShare) throws Exception {
        ObjectMapper json = new ObjectMapper();
        DocumentReader reader = new DocumentReader("wire", Instant.parse("2026-11-23T00:00:00Z"));
        List<SourceDocument> docs = new ArrayList<>();
        for (ArticleGenerator.Article a : new ArticleGenerator(seed).articles(n, copyShare, 120)) {
            docs.add(reader.document(String.format(Locale.ROOT, "wire/article-%04d.json", a.index()), "application/json",
                    json.writeValueAsBytes(a.json())));
        }
        try (DocumentPublisher publisher = new DocumentPublisher(stack.bootstrapServers(), topics(prefix).documents())) {
            docs.forEach(publisher::send);
            publisher.flush();
        }
        return docs;
    }

    /** Every committed record on {@code topic} now (reads to the end offsets taken at the start). */
    <V> List<Seen<V>> readAll(Topic<String, V> topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Seen<V>> seen = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            List<TopicPartition> tps = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> ends = consumer.endOffsets(tps);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (tps.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> seen.add(new Seen<>(r.key(), r.value(),
                        Arrays.stream(r.headers().toArray()).map(PipelineFixture::header).toList(), r.timestamp(),
                        r.partition(), r.offset())));
            }
        }
        return seen;
    }

    private static String header(Header h) {
        return h.key() + "=" + (h.value() == null ? "null" : new String(h.value(), StandardCharsets.UTF_8));
    }
}
