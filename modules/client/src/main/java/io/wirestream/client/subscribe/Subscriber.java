package io.wirestream.client.subscribe;

import io.wirestream.client.HeaderFilter;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.topic.Topics;
import io.wirestream.registry.serde.AvroSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Avro records from Wirestream topics, filtered on their headers, and hands them to a handler.
 *
 * <p>Values are fetched as bytes; a record's {@link HeaderFilter} decides on its headers, and only records
 * that pass are deserialised (Confluent wire format through the schema registry). A record that passes
 * but cannot be deserialised goes to the {@link Builder#onUndecodable error handler} (default: a warning
 * naming topic, partition and offset) and reading goes on.
 *
 * <p>With a {@link Builder#groupId group id}, offsets are committed after the handler returns (after each
 * poll's batch, on rebalance and on close): at-least-once, and a restart resumes after the last handled
 * record. A partition positioned by the start position has that position committed at once, so a restart
 * resumes there even if this run read nothing from it. The {@link Builder#startAt start position} then applies only to partitions the group has no
 * committed offset for, unless {@link Builder#ignoreCommitted()}. Without a group nothing is committed and
 * every partition starts at the start position (default {@link StartPosition#latest()}).
 *
 * <p>Only committed records are read ({@code isolation.level=read_committed}): the services write with
 * exactly-once, and records of aborted transactions must not reach handlers.
 *
 * <p>{@link #run()} blocks on the calling thread until {@link #close()} (from any thread, e.g. a shutdown
 * hook), the {@link Builder#maxRecords max} or the {@link Builder#idleTimeout idle timeout}.
 *
 * <pre>{@code
 * try (Subscriber<EnrichedArticle> s = Subscriber.enriched()
 *         .bootstrapServers("localhost:9092").schemaRegistryUrl("http://localhost:8081")
 *         .filter(HeaderFilter.none().withRegions(List.of("AM", "AZ")))
 *         .groupId("my-app").startAt(StartPosition.earliest())
 *         .onValue(a -> System.out.println(a.getTitle()))
 *         .build()) {
 *     s.run();
 * }
 * }</pre>
 */
public final class Subscriber<V extends SpecificRecord> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Subscriber.class);
    private static final Duration MAX_POLL = Duration.ofMillis(200);
    private static final Duration JOIN_ALLOWANCE = Duration.ofSeconds(30);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final Builder<V> config;
    private final List<String> topics;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong matched = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong undecodable = new AtomicLong();
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private final Set<TopicPartition> positioned = new HashSet<>();
    /** Partitions positioned by a start time: up to which offset records stamped before it are passed over. */
    private final Map<TopicPartition, Long> floorUntil = new HashMap<>();
    private volatile boolean closing;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Thread runner;
    private StartPosition start;
    private long lastActivity;
    /**
     * End offsets of the assigned partitions when they were assigned: the idle timeout starts counting only
     * once the consumer has read that far, so a slow first fetch on a busy machine does not end a run early.
     */
    private final Map<TopicPartition, Long> backlog = new HashMap<>();
    private volatile boolean assigned;

    private Subscriber(Builder<V> config) {
        this.config = config;
        this.topics = config.topics.stream().map(t -> config.topicPrefix + t).toList();
    }

    /** A builder for {@link EnrichedArticle}s from {@code news.events.enriched} (with the topic prefix). */
    public static Builder<EnrichedArticle> enriched() {
        return new Builder<>(EnrichedArticle.class).topics(Topics.ENRICHED);
    }

    /** A builder for values of {@code valueType} (an Avro-generated class); name the topics. */
    public static <V extends SpecificRecord> Builder<V> builder(Class<V> valueType) {
        return new Builder<>(valueType);
    }

    /** The full topic names read (prefix included). */
    public List<String> topics() {
        return topics;
    }

    /** Counts so far; safe from any thread. */
    public SubscriberStats stats() {
        return new SubscriberStats(matched.get(), skipped.get(), undecodable.get());
    }

    /**
     * Reads until {@link #close()}, the max or the idle timeout, then commits (with a group) and closes the
     * consumer. Runs once.
     *
     * @throws SubscriberException when a topic does not exist or the handler threw
     */
    public SubscriberStats run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a Subscriber runs once; build another one");
        }
        runner = Thread.currentThread();
        try (AvroSerdes serdes = new AvroSerdes(config.serdeConfig())) {
            if (closing) {
                return stats();
            }
            start = config.start.resolve(config.clock);
            Deserializer<V> values = serdes.valueSerde(config.valueType).deserializer();
            consumer = new KafkaConsumer<>(config.consumerConfig(), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            try {
                loop(values);
            } finally {
                try {
                    commitPending();
                } catch (RuntimeException e) {
                    log.warn("group {} could not commit {} on stop: these records may be delivered again",
                            config.groupId, pending, e);
                }
                consumer.close(Duration.ofSeconds(5));
            }
            return stats();
        } finally {
            finished.countDown();
        }
    }

    private void loop(Deserializer<V> values) {
        try {
            checkTopicsExist();
            lastActivity = now();
            if (config.groupId == null) {
                List<TopicPartition> all = new ArrayList<>();
                for (String topic : topics) {
                    consumer.partitionsFor(topic).forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
                }
                consumer.assign(all);
                position(all);
                noteBacklog(all);
                assigned = true;
                lastActivity = now();
            } else {
                consumer.subscribe(topics, new Rebalance());
            }
            Duration poll = config.idleTimeout == null || config.idleTimeout.compareTo(MAX_POLL) > 0 ? MAX_POLL
                    : config.idleTimeout;
            while (!closing) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(poll);
                if (records.isEmpty()) {
                    if (idle()) {
                        log.debug("no records for {}; stopping", config.idleTimeout);
                        return;
                    }
                    continue;
                }
                lastActivity = now();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    accept(r, values);
                    if (config.maxRecords > 0 && matched.get() >= config.maxRecords) {
                        return;
                    }
                    if (closing) {
                        return;
                    }
                }
                commitPending();
            }
        } catch (WakeupException e) {
            if (!closing) {
                throw e;
            }
        }
    }

    /**
     * No record for the idle timeout since the start or the last assignment. A group's first assignment may
     * take a while (other members, session timeouts): until then, the timeout is 30 s longer.
     */
    private boolean idle() {
        if (config.idleTimeout == null) {
            return false;
        }
        backlog.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        if (!backlog.isEmpty()) {
            return false;
        }
        long limit = config.idleTimeout.toMillis() + (assigned ? 0 : JOIN_ALLOWANCE.toMillis());
        return now() - lastActivity >= limit;
    }

    private void accept(ConsumerRecord<byte[], byte[]> r, Deserializer<V> values) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        if (r.value() == null && config.onTombstone != null && !beforeStart(tp, r)) {
            String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
            try {
                config.onTombstone.accept(new Received<>(r.topic(), r.partition(), r.offset(),
                        Instant.ofEpochMilli(r.timestamp()), key, r.headers(), null));
            } catch (RuntimeException e) {
                throw new SubscriberException("tombstone handler failed on " + r.topic() + "-" + r.partition() + "@"
                        + r.offset() + " (key " + key + "): " + e.getMessage() + "; offsets before it are committed", e);
            }
            matched.incrementAndGet();
            advance(tp, r.offset());
            return;
        }
        if (r.value() == null || beforeStart(tp, r) || !config.filter.matches(r.headers()) || !keyWanted(r.key())) {
            skipped.incrementAndGet();
            advance(tp, r.offset());
            return;
        }
        String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        Instant timestamp = Instant.ofEpochMilli(r.timestamp());
        V value;
        try {
            value = values.deserialize(r.topic(), r.headers(), r.value());
        } catch (RuntimeException e) {
            undecodable.incrementAndGet();
            advance(tp, r.offset());
            config.onUndecodable.accept(new UndecodableRecord(r.topic(), r.partition(), r.offset(), timestamp, key, e));
            return;
        }
        try {
            config.handler.handle(new Received<>(r.topic(), r.partition(), r.offset(), timestamp, key, r.headers(), value));
        } catch (Exception e) {
            throw new SubscriberException("handler failed on " + r.topic() + "-" + r.partition() + "@" + r.offset()
                    + " (key " + key + "): " + e.getMessage() + "; offsets before it are committed", e);
        }
        matched.incrementAndGet();
        advance(tp, r.offset());
    }

    private boolean keyWanted(byte[] key) {
        return config.keys.isEmpty() || (key != null && config.keys.contains(new String(key, StandardCharsets.UTF_8)));
    }

    /**
     * True for a record stamped before an {@link StartPosition.At} start time in the part of a partition that
     * was already written when it was positioned. Needed because a time lookup lands on the first batch with a
     * timestamp at or after the time, and on transactional topics (every Wirestream service writes with
     * exactly-once) that can be a commit marker stamped with wall-clock time, ahead of records whose event
     * time is older. Records written after positioning are not held back (late arrivals still show live).
     */
    private boolean beforeStart(TopicPartition tp, ConsumerRecord<byte[], byte[]> r) {
        Long until = floorUntil.get(tp);
        if (until == null) {
            return false;
        }
        if (r.offset() >= until) {
            floorUntil.remove(tp);
            return false;
        }
        return r.timestamp() < ((StartPosition.At) start).time().toEpochMilli();
    }

    private void advance(TopicPartition tp, long offset) {
        if (config.groupId != null) {
            pending.put(tp, new OffsetAndMetadata(offset + 1));
        }
    }

    private void commitPending() {
        commit(new HashMap<>(pending));
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
            offsets.keySet().forEach(pending::remove);
        } catch (WakeupException e) {
            // close() woke us up during the commit: the wakeup is spent now, so retry once.
            consumer.commitSync(offsets);
            offsets.keySet().forEach(pending::remove);
        } catch (CommitFailedException e) {
            log.warn("group {} could not commit {} (a rebalance moved the partitions): these records may be "
                    + "delivered again", config.groupId, offsets, e);
            offsets.keySet().forEach(pending::remove);
        }
    }

    private void checkTopicsExist() {
        for (String topic : topics) {
            List<PartitionInfo> partitions;
            try {
                partitions = consumer.partitionsFor(topic);
            } catch (KafkaException e) {
                if (e instanceof WakeupException) {
                    throw e;
                }
                throw new SubscriberException("cannot read metadata of topic " + topic + " from "
                        + config.bootstrapServers + ": " + e.getMessage(), e);
            }
            if (partitions == null || partitions.isEmpty()) {
                throw new SubscriberException("topic " + topic + " does not exist on " + config.bootstrapServers
                        + " (create it with 'wirestream topics create', or check --topic-prefix)");
            }
        }
    }

    /** Seeks {@code partitions} to the start position. */
    private void position(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        if (start instanceof StartPosition.Earliest) {
            consumer.seekToBeginning(partitions);
        } else if (start instanceof StartPosition.Latest) {
            consumer.seekToEnd(partitions);
        } else if (start instanceof StartPosition.At at) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, at.time().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            List<TopicPartition> none = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp o = found.get(tp);
                if (o == null) {
                    none.add(tp);
                } else {
                    consumer.seek(tp, o.offset());
                }
            }
            if (!none.isEmpty()) { // an empty collection would mean every assigned partition
                consumer.seekToEnd(none);
            }
            consumer.endOffsets(partitions).forEach(floorUntil::put);
        } else {
            throw new IllegalStateException("unresolved start position " + start);
        }
        Map<TopicPartition, OffsetAndMetadata> starts = new HashMap<>();
        // resolve lazy seeks now: "latest" means when positioned
        partitions.forEach(tp -> starts.put(tp, new OffsetAndMetadata(consumer.position(tp))));
        if (config.groupId != null) {
            // The group remembers where it started on every partition, also those it reads nothing from in this
            // run: a later run resumes from there whatever its own start position, so nothing is skipped.
            commit(starts);
        }
        positioned.addAll(partitions);
        log.debug("positioned {} at {}", partitions, start.describe());
    }

    /** Monotonic milliseconds for the idle timeout (the configured clock is for start positions only). */
    private static long now() {
        return System.nanoTime() / 1_000_000;
    }

    /** Commits what was handled of partitions taken away; positions new ones without a committed offset. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(floorUntil::remove);
            partitions.forEach(backlog::remove);
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            partitions.forEach(tp -> {
                OffsetAndMetadata o = pending.get(tp);
                if (o != null) {
                    offsets.put(tp, o);
                }
            });
            commit(offsets);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(pending::remove);
            partitions.forEach(floorUntil::remove);
            partitions.forEach(backlog::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            lastActivity = now();
            assigned = true;
            if (partitions.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            List<TopicPartition> toPosition = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                boolean fresh = committed.get(tp) == null;
                if (fresh || (config.ignoreCommitted && !positioned.contains(tp))) {
                    toPosition.add(tp);
                }
            }
            position(toPosition);
            noteBacklog(partitions);
            lastActivity = now();
        }
    }

    /** Remembers how far {@code partitions} reach now, for {@link #idle()}; only with an idle timeout. */
    private void noteBacklog(Collection<TopicPartition> partitions) {
        if (config.idleTimeout != null && !partitions.isEmpty()) {
            backlog.putAll(consumer.endOffsets(partitions));
        }
    }

    /**
     * Stops {@link #run()} (from any thread: it wakes the consumer up) and waits up to 30 s for it to commit
     * and close. Idempotent.
     */
    @Override
    public void close() {
        closing = true;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (started.get() && runner != Thread.currentThread()) {
            try {
                if (!finished.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("subscriber to {} did not stop within {}", topics, CLOSE_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Configuration of a {@link Subscriber}. */
    public static final class Builder<V extends SpecificRecord> {

        private final Class<V> valueType;
        private String bootstrapServers;
        private String schemaRegistryUrl;
        private final Map<String, Object> serdeConfig = new LinkedHashMap<>();
        private final Map<String, Object> consumerProperties = new LinkedHashMap<>();
        private String topicPrefix = "";
        private List<String> topics = List.of();
        private HeaderFilter filter = HeaderFilter.none();
        private Set<String> keys = Set.of();
        private RecordHandler<V> handler;
        private Consumer<UndecodableRecord> onUndecodable = u ->
                log.warn("skipping a record that cannot be deserialised: {}", u.describe(), u.cause());
        private Consumer<Received<V>> onTombstone;
        private String groupId;
        private StartPosition start = StartPosition.latest();
        private boolean ignoreCommitted;
        private long maxRecords;
        private Duration idleTimeout;
        private Clock clock = Clock.systemUTC();

        private Builder(Class<V> valueType) {
            this.valueType = Objects.requireNonNull(valueType, "valueType");
        }

        public Builder<V> bootstrapServers(String servers) {
            this.bootstrapServers = servers;
            return this;
        }

        public Builder<V> schemaRegistryUrl(String url) {
            this.schemaRegistryUrl = url;
            return this;
        }

        /** Extra serde/registry settings, e.g. {@code basic.auth.user.info}. */
        public Builder<V> serdeConfig(Map<String, ?> config) {
            serdeConfig.putAll(config);
            return this;
        }

        /** Extra Kafka consumer settings (security, fetch sizes, {@code client.id}); deserializers and auto-commit stay ours. */
        public Builder<V> consumerProperties(Map<String, ?> properties) {
            consumerProperties.putAll(properties);
            return this;
        }

        /**
         * Everything from a Wirestream properties file: {@code bootstrap.servers}, {@code schema.registry.url},
         * {@code topics.prefix}, serde keys ({@code schema.registry.*}, {@code basic.auth.*},
         * {@code bearer.auth.*}) and any Kafka consumer key; other keys are ignored.
         */
        public Builder<V> config(Properties properties) {
            for (String k : properties.stringPropertyNames()) {
                String v = properties.getProperty(k);
                switch (k) {
                    case "bootstrap.servers" -> bootstrapServers = v;
                    case "schema.registry.url" -> schemaRegistryUrl = v;
                    case "topics.prefix" -> topicPrefix = v;
                    default -> {
                        if (k.startsWith("schema.registry.") || k.startsWith("basic.auth.") || k.startsWith("bearer.auth.")) {
                            serdeConfig.put(k, v);
                        } else if (ConsumerConfig.configNames().contains(k)) {
                            consumerProperties.put(k, v);
                        }
                    }
                }
            }
            return this;
        }

        /** Prefix put before every topic name (a reprocessing run's {@code topics.prefix}, e.g. {@code v2.}). */
        public Builder<V> topicPrefix(String prefix) {
            this.topicPrefix = prefix == null ? "" : prefix;
            return this;
        }

        /** Topics to read, without the prefix. */
        public Builder<V> topics(String... names) {
            return topics(List.of(names));
        }

        public Builder<V> topics(Collection<String> names) {
            this.topics = List.copyOf(names);
            return this;
        }

        public Builder<V> filter(HeaderFilter f) {
            this.filter = Objects.requireNonNull(f, "filter");
            return this;
        }

        /**
         * Only records with one of these keys (UTF-8), decided like the header filter, without deserialising;
         * empty (the default) for every key. On {@code news.alerts} the key is the rule id.
         */
        public Builder<V> keys(Collection<String> wanted) {
            this.keys = Set.copyOf(wanted);
            return this;
        }

        /** The handler, with record metadata. */
        public Builder<V> handler(RecordHandler<V> h) {
            this.handler = Objects.requireNonNull(h, "handler");
            return this;
        }

        /** The handler, values only. */
        public Builder<V> onValue(Consumer<V> h) {
            Objects.requireNonNull(h, "handler");
            this.handler = r -> h.accept(r.value());
            return this;
        }

        /** Told about each record that matched but could not be deserialised; reading goes on after it. */
        public Builder<V> onUndecodable(Consumer<UndecodableRecord> h) {
            this.onUndecodable = Objects.requireNonNull(h, "onUndecodable");
            return this;
        }

        /**
         * Told about each tombstone (a record with no value) with its key; without it tombstones are counted as
         * skipped. On {@code news.events.enriched} a tombstone retracts an original that dedup published before
         * an earlier copy turned up: an application that keeps the topic as a table removes that key. Tombstones
         * carry no filter headers, so the header filter does not apply to them; the start position does.
         */
        public Builder<V> onTombstone(Consumer<Received<V>> h) {
            this.onTombstone = Objects.requireNonNull(h, "onTombstone");
            return this;
        }

        /** Consumer group: commits offsets and resumes from them; null for none (nothing committed). */
        public Builder<V> groupId(String id) {
            this.groupId = id == null || id.isBlank() ? null : id;
            return this;
        }

        /** Where to start partitions without a committed offset (default latest). */
        public Builder<V> startAt(StartPosition position) {
            this.start = Objects.requireNonNull(position, "position");
            return this;
        }

        /** Start at the start position even where the group has committed offsets (once per run). */
        public Builder<V> ignoreCommitted() {
            this.ignoreCommitted = true;
            return this;
        }

        /** Stop after handing this many records to the handler; 0 for no limit. */
        public Builder<V> maxRecords(long max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxRecords must be >= 0, was " + max);
            }
            this.maxRecords = max;
            return this;
        }

        /** Stop when no record arrived for this long, counted once what the partitions held when assigned has been read; null never. */
        public Builder<V> idleTimeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("idleTimeout must be positive, was " + timeout);
            }
            this.idleTimeout = timeout;
            return this;
        }

        /** Clock that {@link StartPosition#ago} counts back from (tests). */
        public Builder<V> clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        public Subscriber<V> build() {
            require(bootstrapServers, "bootstrap servers (bootstrap.servers)");
            require(schemaRegistryUrl, "schema registry URL (schema.registry.url)");
            if (topics.isEmpty()) {
                throw new IllegalArgumentException("Subscriber: no topics to read");
            }
            if (handler == null) {
                throw new IllegalArgumentException("Subscriber: a handler is required");
            }
            if (ignoreCommitted && groupId == null) {
                throw new IllegalArgumentException("Subscriber: ignoreCommitted needs a group id");
            }
            return new Subscriber<>(this);
        }

        private static void require(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("Subscriber: " + what + " is required");
            }
        }

        private Map<String, Object> serdeConfig() {
            Map<String, Object> c = new LinkedHashMap<>(serdeConfig);
            c.put("schema.registry.url", schemaRegistryUrl);
            return c;
        }

        private Map<String, Object> consumerConfig() {
            Map<String, Object> c = new HashMap<>();
            // the services write with exactly-once: never show records of aborted transactions (overridable)
            c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            c.putAll(consumerProperties);
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, start instanceof StartPosition.Latest ? "latest" : "earliest");
            c.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
            c.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
            if (groupId == null) {
                c.remove(ConsumerConfig.GROUP_ID_CONFIG);
            } else {
                c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            }
            return c;
        }
    }
}
