package io.wirestream.cli.bench;

import io.wirestream.model.SourceDocument;
import io.wirestream.model.topic.CleanupPolicy;
import io.wirestream.model.topic.Topic;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The ceiling: a Kafka Streams application that does nothing but move {@code news.documents} through three
 * topics, deserialising and serialising each {@link SourceDocument} with the catalogue's Avro serde at every
 * hop, with the services' exactly-once settings. What the pipeline's own work costs is the gap to this.
 */
final class PassThrough {

    static final String SERVICE = "bench-passthrough";
    static final int HOPS = 3;
    /** Its hop topics are {@code <run prefix>bench.passthrough.1} … */
    static final String TOPIC_PREFIX = "bench.passthrough.";

    private PassThrough() {
    }

    /** The hop topics under the run's prefix: {@code <prefix>bench.passthrough.1} … {@code .3}. */
    static List<Topic<String, SourceDocument>> hops(Topics topics, String prefix) {
        Topic<String, SourceDocument> documents = topics.documents();
        List<Topic<String, SourceDocument>> hops = new ArrayList<>();
        for (int i = 1; i <= HOPS; i++) {
            hops.add(new Topic<>(prefix + TOPIC_PREFIX + i, documents.keySerde(), documents.valueSerde(),
                    documents.partitions(), documents.replicationFactor(), Optional.of(Duration.ofDays(1)), CleanupPolicy.DELETE));
        }
        return hops;
    }

    /** documents → hop 1 → hop 2 → hop 3, each hop its own sub-topology. Pure. */
    static Topology topology(Topics topics, List<Topic<String, SourceDocument>> hops) {
        StreamsBuilder builder = new StreamsBuilder();
        Topic<String, SourceDocument> from = topics.documents();
        for (int i = 0; i < hops.size(); i++) {
            Topic<String, SourceDocument> to = hops.get(i);
            builder.stream(from.name(), Consumed.with(from.keySerde(), from.valueSerde()).withName("passthrough-source-" + i))
                    .to(to.name(), Produced.with(to.keySerde(), to.valueSerde()).withName("passthrough-sink-" + (i + 1)));
            from = to;
        }
        return builder.build();
    }

    /**
     * Runs the application until {@code records} have reached the last hop (created with LogAppendTime by
     * the caller) and times it.
     */
    static BenchResult.Ceiling run(ServiceSettings settings, String prefix, long records, Duration timeout) throws InterruptedException {
        Topics catalogue = StreamsService.topics(settings);
        String last = hops(catalogue, prefix).get(HOPS - 1).name();
        long started = System.currentTimeMillis();
        try (StreamsService app = StreamsService.start(settings, (s, topics) -> topology(topics, hops(topics, prefix)));
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                     ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                     ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            if (!app.awaitRunning(timeout)) {
                throw new IllegalStateException("pass-through application did not reach RUNNING within " + timeout + " (state "
                        + app.state() + ")");
            }
            long running = System.currentTimeMillis();
            List<TopicPartition> partitions = consumer.partitionsFor(last).stream()
                    .map(p -> new TopicPartition(last, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long seen = 0;
            long lastAppend = Long.MIN_VALUE;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (seen < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + seen + " of " + records + " records reached " + last + " within "
                            + timeout + " (pass-through state " + app.state() + ")");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    seen++;
                    lastAppend = Math.max(lastAppend, r.timestamp());
                }
            }
            return new BenchResult.Ceiling(seen, running - started, lastAppend - running);
        }
    }
}
