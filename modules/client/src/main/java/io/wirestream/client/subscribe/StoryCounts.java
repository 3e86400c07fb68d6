package io.wirestream.client.subscribe;

import io.wirestream.model.Story;
import io.wirestream.registry.serde.AvroSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many duplicates each story has, kept current from the compacted {@code news.stories} topic: an
 * enriched record carries only the original article, the story's member count lives there.
 *
 * <p>{@link #start} reads the topic from the beginning up to its end (as of the call) before returning, then a
 * daemon thread follows new story updates. A count is therefore the one known when it is asked for: a story
 * that gains copies later shows the higher count only to later lookups. Only the member count and merge
 * target of each story are held (a few dozen bytes per story). Nothing is committed (no consumer group).
 */
public final class StoryCounts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoryCounts.class);
    private static final int MAX_MERGE_HOPS = 8;

    private record Entry(int members, String mergedInto) {
    }

    private final Map<String, Entry> stories = new ConcurrentHashMap<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AvroSerdes serdes;
    private final Deserializer<Story> values;
    private final String topic;
    private final Thread follower;
    private volatile boolean closing;

    private StoryCounts(String topic, KafkaConsumer<byte[], byte[]> consumer, AvroSerdes serdes) {
        this.topic = topic;
        this.consumer = consumer;
        this.serdes = serdes;
        this.values = serdes.valueSerde(Story.class).deserializer();
        this.follower = new Thread(this::follow, "wirestream-story-counts");
        this.follower.setDaemon(true);
    }

    /**
     * Reads {@code topic} (the full name of {@code news.stories}, prefix included) up to its current end, for
     * at most {@code catchUp}, then keeps following it.
     *
     * @param consumerProperties extra consumer settings (security); may be empty
     */
    public static StoryCounts start(String bootstrapServers, Map<String, ?> serdeConfig, Map<String, ?> consumerProperties,
            String topic, Duration catchUp) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // dedup writes with exactly-once
        c.putAll(consumerProperties);
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        AvroSerdes serdes = new AvroSerdes(serdeConfig);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        StoryCounts counts = new StoryCounts(topic, consumer, serdes);
        try {
            counts.catchUp(catchUp);
        } catch (RuntimeException e) {
            counts.closeResources();
            throw e;
        }
        counts.follower.start();
        return counts;
    }

    /** Duplicates of {@code storyId} (members - 1), following merges; empty when the story is not known (yet). */
    public OptionalInt duplicates(String storyId) {
        String id = storyId;
        for (int hop = 0; id != null && hop < MAX_MERGE_HOPS; hop++) {
            Entry e = stories.get(id);
            if (e == null) {
                return OptionalInt.empty();
            }
            if (e.mergedInto() == null || e.mergedInto().equals(id)) {
                return OptionalInt.of(Math.max(0, e.members() - 1));
            }
            id = e.mergedInto();
        }
        return OptionalInt.empty();
    }

    /** Number of stories known. */
    public int size() {
        return stories.size();
    }

    private void catchUp(Duration timeout) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new SubscriberException("topic " + topic + " does not exist: duplicate counts need it");
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp(end)) {
            if (System.nanoTime() > deadline) {
                log.warn("read {} stories of {} in {} without reaching its end; counts may be low until it has",
                        stories.size(), topic, timeout);
                return;
            }
            consumer.poll(Duration.ofMillis(100)).forEach(this::apply);
        }
        log.debug("{} stories read from {}", stories.size(), topic);
    }

    private boolean caughtUp(Map<TopicPartition, Long> end) {
        for (var e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void follow() {
        try {
            while (!closing) {
                consumer.poll(Duration.ofMillis(500)).forEach(this::apply);
            }
        } catch (WakeupException e) {
            // close()
        } catch (RuntimeException e) {
            log.warn("stopped following {}: duplicate counts stay as they were", topic, e);
        } finally {
            closeResources();
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> r) {
        if (r.key() == null) {
            return;
        }
        String id = new String(r.key(), StandardCharsets.UTF_8);
        if (r.value() == null) {
            stories.remove(id);
            return;
        }
        try {
            Story s = values.deserialize(r.topic(), r.headers(), r.value());
            stories.put(id, new Entry(s.getMemberCount(), s.getMergedInto()));
        } catch (RuntimeException e) {
            log.warn("skipping a story that cannot be deserialised: {}-{}@{} (key {}): {}", r.topic(), r.partition(),
                    r.offset(), id, e.getMessage());
        }
    }

    private void closeResources() {
        consumer.close(Duration.ofSeconds(2));
        serdes.close();
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            follower.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
