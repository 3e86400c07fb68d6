package io.wirestream.registry.server;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SchemaStore} in a compacted, single-partition Kafka topic (by default {@value #DEFAULT_TOPIC}),
 * entries as JSON (see {@link StoreEntryJson}), so that ids survive registry restarts. The
 * constructor creates the topic when missing and refuses an existing one that is not compacted (or
 * has more than one partition); {@link #readAll()} lets in-flight writes finish, then reads the topic
 * from the beginning to its end offset; {@link #append} waits for the broker's acknowledgement
 * (acks=all) before returning, and the producer gives up on a record within the same timeout, so
 * after a failed append the next {@code readAll()} shows whether it landed.
 * One registry writes to a topic at a time: this is a development store, not a cluster.
 */
public final class KafkaSchemaStore implements SchemaStore {

    public static final String DEFAULT_TOPIC = "_schemas";
    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaStore.class);

    private final String topic;
    private final TopicPartition partition;
    private final Map<String, Object> clientConfigs;
    private final Duration timeout;
    private final KafkaProducer<String, String> producer;

    /** A store in {@code topic}, created with replication factor 1 if missing. */
    public KafkaSchemaStore(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, (short) 1, Map.of(), Duration.ofSeconds(60));
    }

    /**
     * A store in {@code topic}, created with {@code replicationFactor} if missing.
     *
     * @param clientConfigs extra admin, producer and consumer settings (security, client ids)
     * @param timeout bound on topic creation, the initial read and each write
     */
    public KafkaSchemaStore(String bootstrapServers, String topic, short replicationFactor,
            Map<String, Object> clientConfigs, Duration timeout) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = new TopicPartition(topic, 0);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        Map<String, Object> common = new HashMap<>(clientConfigs);
        common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.clientConfigs = Map.copyOf(common);
        ensureTopic(replicationFactor);

        Map<String, Object> producerConfigs = new HashMap<>(this.clientConfigs);
        producerConfigs.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfigs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfigs.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        producerConfigs.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        producerConfigs.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        producerConfigs.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 30_000));
        producerConfigs.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "schema-store-" + topic);
        this.producer = new KafkaProducer<>(producerConfigs, new StringSerializer(), new StringSerializer());
    }

    @Override
    public List<SchemaStoreEntry> readAll() {
        // A write that timed out may still land; wait (at most the delivery timeout) until it has or has failed.
        producer.flush();
        Map<String, Object> consumerConfigs = new HashMap<>(clientConfigs);
        consumerConfigs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfigs.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfigs.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "schema-store-reader-" + topic);
        List<SchemaStoreEntry> entries = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(consumerConfigs, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            Instant deadline = Instant.now().plus(timeout);
            while (consumer.position(partition, timeout) < end) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Timed out after " + timeout + " reading schema store topic "
                            + topic + " up to offset " + end + " (at " + consumer.position(partition) + ")");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    SchemaStoreEntry entry = StoreEntryJson.parse(r.key(), r.value());
                    if (entry != null) {
                        entries.add(entry);
                    }
                }
            }
            log.info("Read {} schema store entries from {} (end offset {})", entries.size(), partition, end);
        }
        return entries;
    }

    @Override
    public void append(SchemaStoreEntry entry) {
        var record = new ProducerRecord<>(topic, 0, StoreEntryJson.key(entry), StoreEntryJson.value(entry));
        try {
            var metadata = producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.debug("Appended {} to {} at offset {}", entry, partition, metadata.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted writing to schema store topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("Could not write to schema store topic " + topic + ": " + cause, cause);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    @Override
    public String toString() {
        return "KafkaSchemaStore[" + topic + "]";
    }

    /**
     * Creates the compacted topic if missing; refuses an existing one that is not compacted (deletion
     * would lose schemas) or has more than one partition (order matters).
     */
    private void ensureTopic(short replicationFactor) {
        try (Admin admin = Admin.create(clientConfigs)) {
            NewTopic newTopic = new NewTopic(topic, 1, replicationFactor)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Created schema store topic {} (compacted, 1 partition, replication factor {})",
                        topic, replicationFactor);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create schema store topic " + topic + ": "
                            + e.getCause(), e.getCause());
                }
                requireCompacted(admin);
            }
            TopicDescription description = describeOnceKnown(admin);
            if (description.partitions().size() != 1) {
                throw new IllegalStateException("Schema store topic " + topic + " has "
                        + description.partitions().size() + " partitions; it needs exactly 1 to keep entries in order");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted preparing schema store topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not prepare schema store topic " + topic + ": " + e, e);
        }
    }

    /**
     * The topic's description. Right after creating it, a broker can still answer "unknown topic" until its
     * metadata catches up (seen under load): retried until the store's timeout.
     */
    private TopicDescription describeOnceKnown(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return admin.describeTopics(Set.of(topic)).allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                log.debug("Schema store topic {} not known to the broker yet; retrying", topic);
                Thread.sleep(50);
            }
        }
    }

    private void requireCompacted(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(Set.of(resource)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        ConfigEntry policy = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        String value = policy == null ? null : policy.value();
        if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(value)) {
            throw new IllegalStateException("Schema store topic " + topic + " has " + TopicConfig.CLEANUP_POLICY_CONFIG
                    + "=" + value + "; it must be exactly '" + TopicConfig.CLEANUP_POLICY_COMPACT + "', else Kafka"
                    + " deletes schemas once they pass the retention time. Set it with kafka-configs --alter"
                    + " --entity-type topics --entity-name " + topic + " --add-config "
                    + TopicConfig.CLEANUP_POLICY_CONFIG + "=" + TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }
}
