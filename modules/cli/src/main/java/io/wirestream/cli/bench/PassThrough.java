package io.wirestream.cli.bench;

import io.wirestream.model.SourceDocument;
import io.wirestream.model.topic.CleanupPolicy;
import io.wirestream.model.topic.Topic;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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

    /**
     * The topics an original crosses after {@code news.documents}, each written by an exactly-once task:
     * {@code [ingest-by-source]}, {@code [ingest-by-article]}, {@code news.articles.raw}, {@code [dedup-by-bucket]},
     * {@code [dedup-signals]}, {@code news.articles.deduped}, {@code news.events.enriched}. The ceiling has as many hops.
     */
    static final int PIPELINE_HOPS = 7;
    /** One hop per service, the ceiling of earlier rounds, still printed to compare with them. */
    static final int SERVICE_HOPS = 3;

    private PassThrough() {
    }

    /** The application id's service part of the pass-through with {@code hops} hops. */
    static String service(int hops) {
        return "bench-passthrough-" + hops;
    }

    /** Its hop topics are {@code <run prefix>bench.passthrough-<hops>.1} … */
    static String topicPrefix(int hops) {
        return "bench.passthrough-" + hops + ".";
    }

    /** The hop topics under the run's prefix. */
    static List<Topic<String, SourceDocument>> hops(Topics topics, String prefix, int hops) {
        Topic<String, SourceDocument> documents = topics.documents();
        List<Topic<String, SourceDocument>> list = new ArrayList<>();
        for (int i = 1; i <= hops; i++) {
            list.add(new Topic<>(prefix + topicPrefix(hops) + i, documents.keySerde(), documents.valueSerde(),
                    documents.partitions(), documents.replicationFactor(), Optional.of(Duration.ofDays(1)), CleanupPolicy.DELETE));
        }
        return list;
    }

    /** documents → hop 1 → hop 2 → …, each hop its own sub-topology. Pure. */
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
     *
     * @param from where in {@code news.documents} to start (the offsets after priming), per partition; the
     *             beginning where it names none
     */
    static BenchResult.Ceiling run(ServiceSettings settings, String prefix, int hops, Map<TopicPartition, Long> from,
                                   long records, Duration timeout) throws InterruptedException {
        Topics catalogue = StreamsService.topics(settings);
        String last = hops(catalogue, prefix, hops).get(hops - 1).name();
        if (!from.isEmpty()) {
            startAt(settings, from);
        }
        long started = System.currentTimeMillis();
        try (StreamsService app = StreamsService.start(settings, (s, topics) -> topology(topics, hops(topics, prefix, hops)));
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
            ThreadCpu.Window window = ThreadCpu.Window.open();
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
            ThreadCpu.Used used = window.close(prefix);
            return new BenchResult.Ceiling(hops, seen, running - started, lastAppend - running, used.cpuNanos(), used.byGroup());
        }
    }

    /** Commits {@code from} as the application's offsets before it starts, so it begins there. */
    private static void startAt(ServiceSettings settings, Map<TopicPartition, Long> from) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        from.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
        try (Admin admin = Admin.create(PipelineBench.adminConfig(settings))) {
            admin.alterConsumerGroupOffsets(settings.applicationId(), offsets).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set where the pass-through application starts: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
