package io.wirestream.ingest.connect;

import io.wirestream.model.SourceDocument;
import io.wirestream.model.topic.Topic;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import java.nio.charset.StandardCharsets;

/**
 * Publishes fetched documents to {@code news.documents}, keyed by document id, timestamped with the fetch
 * time: idempotent producer, {@code acks=all}, lz4 compression, batching.
 */
public final class DocumentPublisher implements AutoCloseable {

    private final KafkaProducer<String, SourceDocument> producer;
    private final String topic;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    public DocumentPublisher(String bootstrapServers, Topic<String, SourceDocument> topic) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "wirestream-connector");
        this.producer = new KafkaProducer<>(p, topic.keySerde().serializer(), topic.valueSerde().serializer());
        this.topic = topic.name();
    }

    /**
     * Sends one document; the future completes when the broker has it. A failed send is also remembered
     * and reported by {@link #flush()}, so fire-and-forget callers cannot lose documents silently.
     */
    public Future<RecordMetadata> send(SourceDocument doc) {
        sent.incrementAndGet();
        return producer.send(new ProducerRecord<>(topic, null, doc.getFetchedAt().toEpochMilli(),
                doc.getDocumentId(), doc, headers(doc)), (metadata, e) -> {
                    if (e != null) {
                        firstFailure.compareAndSet(null, e);
                    }
                });
    }

    /**
     * Where the document came from, as headers: they travel with the record, so a dead letter says which
     * file or URL it was without decoding its value ({@code source.location}, {@code source.url},
     * {@code source.connector}).
     */
    static Headers headers(SourceDocument doc) {
        Headers h = new RecordHeaders();
        h.add("source.connector", doc.getConnector().getBytes(StandardCharsets.UTF_8));
        if (doc.getLocation() != null) {
            h.add("source.location", doc.getLocation().getBytes(StandardCharsets.UTF_8));
        }
        if (doc.getUrl() != null) {
            h.add("source.url", doc.getUrl().getBytes(StandardCharsets.UTF_8));
        }
        return h;
    }

    public long sent() {
        return sent.get();
    }

    /** Waits for every send; throws if any document could not be published. */
    public void flush() {
        producer.flush();
        Exception e = firstFailure.get();
        if (e != null) {
            throw new IllegalStateException("could not publish every document to " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
