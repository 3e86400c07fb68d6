package io.wirestream.client.replay;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Re-publishes replayed records into a topic exactly as they were: the same key and value bytes (an Avro
 * value keeps its Confluent header, so it stays readable against the same registry), the same timestamp
 * and the same headers. No header is added: Kafka Streams passes input headers on to its outputs, so a
 * marker header would make a reprocessed pipeline's output differ from the live one. With
 * {@code keepPartitions} (for a target with as many partitions as the source) each record goes to the
 * partition number it came from, whatever partitioner wrote the original; otherwise the producer picks the
 * partition from the key. The producer is idempotent, so a retried send neither duplicates nor reorders.
 */
public final class TopicSink implements ReplaySink {

    private final String topic;
    private final Producer<byte[], byte[]> producer;
    private final boolean keepPartitions;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    /** Whether {@link #failure} has reached the caller: {@link #close()} does not throw it a second time. */
    private volatile boolean failureThrown;

    public TopicSink(String topic, Producer<byte[], byte[]> producer, boolean keepPartitions) {
        this.topic = topic;
        this.producer = producer;
        this.keepPartitions = keepPartitions;
    }

    /** A sink with its own idempotent producer; {@code clientConfig} carries bootstrap servers and security. */
    public static TopicSink create(String topic, Map<String, Object> clientConfig, boolean keepPartitions) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "wirestream-replay-" + topic);
        return new TopicSink(topic, new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()),
                keepPartitions);
    }

    @Override
    public void write(ConsumerRecord<byte[], byte[]> r) {
        rethrow();
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(topic, keepPartitions ? r.partition() : null, r.timestamp(), r.key(), r.value(), r.headers());
        producer.send(out, (meta, e) -> {
            if (e != null) {
                failure.compareAndSet(null, new IllegalStateException("cannot write the record from " + r.topic() + "-"
                        + r.partition() + "@" + r.offset() + " to " + topic + ": " + e.getMessage(), e));
            } else {
                delivered.incrementAndGet();
            }
        });
    }

    @Override
    public void flush() {
        producer.flush();
        rethrow();
    }

    @Override
    public long written() {
        return delivered.get();
    }

    @Override
    public String describe() {
        return "topic " + topic;
    }

    /**
     * Flushes and closes the producer. A send failure already thrown by {@link #write} or {@link #flush} is not
     * thrown again: in a try-with-resources block that would suppress the exception into itself, which the
     * JDK refuses with an {@link IllegalArgumentException} that hides the real cause.
     */
    @Override
    public void close() {
        try {
            producer.flush();
            if (!failureThrown) {
                rethrow();
            }
        } finally {
            producer.close();
        }
    }

    private void rethrow() {
        Exception e = failure.get();
        if (e != null) {
            failureThrown = true;
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
    }
}
