package io.wirestream.model.topic;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic of the public contract: its name, both serdes and how it is laid out on the brokers.
 *
 * @param retention how long records are kept; empty means forever ({@code retention.ms=-1})
 */
public record Topic<K, V>(
        String name,
        Serde<K> keySerde,
        Serde<V> valueSerde,
        int partitions,
        short replicationFactor,
        Optional<Duration> retention,
        CleanupPolicy cleanupPolicy) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(
                    "topic " + name + ": replication factor must be >= 1, was " + replicationFactor);
        }
    }

    /** Topic-level configs to create the topic with. */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.config());
        if (cleanupPolicy == CleanupPolicy.DELETE) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, retention.map(d -> Long.toString(d.toMillis())).orElse("-1"));
        }
        return configs;
    }

    /** The admin-client request that creates this topic. */
    public NewTopic newTopic() {
        return new NewTopic(name, partitions, replicationFactor).configs(configs());
    }
}
