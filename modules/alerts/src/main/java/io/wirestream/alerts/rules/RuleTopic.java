package io.wirestream.alerts.rules;

import io.wirestream.model.AlertRule;
import io.wirestream.model.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads and writes the rules topic ({@code news.alert-rules}, compacted, key = rule id): a rule is
 * written as a record, removed with a tombstone, and the current rules are the topic read to its end.
 */
public final class RuleTopic {

    private final Map<String, Object> client;
    private final Topic<String, AlertRule> topic;

    /** @param client Kafka client configuration (at least {@code bootstrap.servers}) */
    public RuleTopic(Map<String, Object> client, Topic<String, AlertRule> topic) {
        this.client = Map.copyOf(client);
        this.topic = topic;
    }

    /** Writes (adds or replaces) the rules, each validated; returns when the broker has them all. */
    public void put(List<AlertRule> rules) {
        rules.forEach(RuleCheck::require);
        send(rules.stream().map(r -> new ProducerRecord<>(topic.name(), r.getRuleId(), r)).toList());
    }

    /** Writes a tombstone for the rule: the service drops it and compaction deletes it. */
    public void remove(String ruleId) {
        send(List.of(new ProducerRecord<>(topic.name(), ruleId, (AlertRule) null)));
    }

    /** The current rules by id: the topic read from the beginning to the end offsets taken at the start. */
    public Map<String, AlertRule> read(Duration timeout) {
        Map<String, Object> c = new java.util.HashMap<>(client);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, AlertRule> rules = new TreeMap<>();
        try (KafkaConsumer<String, AlertRule> consumer = new KafkaConsumer<>(c, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), timeout);
            if (infos == null || infos.isEmpty()) {
                return rules;
            }
            List<TopicPartition> parts = new ArrayList<>();
            infos.forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic.name() + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, AlertRule> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        rules.remove(r.key());
                    } else {
                        rules.put(r.key(), r.value());
                    }
                }
            }
        }
        return rules;
    }

    private void send(List<ProducerRecord<String, AlertRule>> records) {
        Map<String, Object> p = new java.util.HashMap<>(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, AlertRule> producer = new KafkaProducer<>(p, topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            records.forEach(r -> sent.add(producer.send(r)));
            for (var f : sent) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not write to " + topic.name() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic.name(), e);
        }
    }
}
