package io.wirestream.alerts.webhook;

import io.wirestream.alerts.AlertJson;
import io.wirestream.model.Alert;
import io.wirestream.model.topic.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers every alert on {@code news.alerts} as JSON ({@link AlertJson}) to the configured URLs: a POST per
 * URL, retried with exponential backoff on connection errors, timeouts, 408, 429 and 5xx; other 4xx answers
 * are final. A record's offset is committed only once every URL has it or has been given up on, so a
 * restart re-delivers what was in flight (at-least-once; receivers can de-duplicate on {@code alertId}, also
 * sent as header {@code X-Wirestream-Alert-Id}). Giving up (or a record that is not an alert) logs and writes
 * the original record to {@code news.dlq} with headers saying why.
 */
public final class WebhookSink implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSink.class);
    public static final String SERVICE = "alerts-webhook";

    private final WebhookConfig config;
    private final Topics topics;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> dlq;
    private final HttpClient http;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public WebhookSink(Map<String, Object> client, Topics topics, WebhookConfig config) {
        this.config = config;
        this.topics = topics;
        Map<String, Object> c = new HashMap<>(client);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, config.fromBeginning() ? "earliest" : "latest");
        // One alert per poll: delivering one can take minutes of retries with the endpoint down, and the
        // group would evict a consumer that held a batch longer than max.poll.interval.ms.
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        c.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(15).toMillis());
        this.consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> p = new HashMap<>(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.dlq = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
    }

    /** Alerts delivered to every URL so far. */
    public long delivered() {
        return delivered.get();
    }

    /** Deliveries given up (one per alert and URL) so far. */
    public long failed() {
        return failed.get();
    }

    /** Consumes and delivers until {@link #close()}. */
    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topics.alerts().name()));
            while (closing.getCount() > 0) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    handle(r);
                    try {
                        consumer.commitSync(Map.of(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1)));
                    } catch (CommitFailedException | RebalanceInProgressException e) {
                        // The partition moved meanwhile: its new owner delivers from the last commit (at least once).
                        LOG.warn("webhook sink: could not commit {}-{}@{} after delivering it ({}); it may be delivered again",
                                r.topic(), r.partition(), r.offset(), e.getMessage());
                    }
                    if (closing.getCount() == 0) {
                        break;
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
            dlq.close();
            finished.countDown();
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> r) throws InterruptedException {
        Alert alert;
        try {
            alert = topics.alerts().valueSerde().deserializer().deserialize(r.topic(), r.headers(), r.value());
        } catch (RuntimeException e) {
            deadLetter(r, e.getClass().getName(), "not an alert: " + e.getMessage(), null, 0, null);
            return;
        }
        if (alert == null) {
            return;
        }
        byte[] body = AlertJson.line(alert).getBytes(StandardCharsets.UTF_8);
        boolean all = true;
        for (URI url : config.urls()) {
            all &= deliver(r, alert, url, body);
        }
        if (all) {
            delivered.incrementAndGet();
        }
    }

    /** POSTs until success, a final answer, or the last attempt; true when delivered. */
    private boolean deliver(ConsumerRecord<byte[], byte[]> r, Alert alert, URI url, byte[] body) throws InterruptedException {
        String last = null;
        Integer status = null;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(config.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("X-Wirestream-Alert-Id", alert.getAlertId())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            boolean retryable;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (status / 100 == 2) {
                    LOG.debug("alert {} delivered to {} (attempt {})", alert.getAlertId(), url, attempt);
                    return true;
                }
                last = "HTTP " + status;
                retryable = status == 408 || status == 429 || status >= 500;
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                retryable = true;
            }
            if (!retryable || attempt == config.maxAttempts()) {
                break;
            }
            Duration wait = config.backoff(attempt);
            LOG.info("alert {} to {}: attempt {} of {} failed ({}), retrying in {} ms", alert.getAlertId(), url, attempt,
                    config.maxAttempts(), last, wait.toMillis());
            if (closing.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new InterruptedException("closing while retrying alert " + alert.getAlertId());
            }
        }
        failed.incrementAndGet();
        deadLetter(r, "io.wirestream.alerts.webhook.WebhookDeliveryException",
                "POST " + url + " failed: " + last, url, config.maxAttempts(), status);
        return false;
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> r, String errorClass, String message, URI url, int attempts,
                            Integer status) throws InterruptedException {
        LOG.error("alert at {}-{}@{} not delivered, sent to {}: {}", r.topic(), r.partition(), r.offset(),
                topics.dlq().name(), message);
        Headers h = new RecordHeaders(r.headers().toArray());
        put(h, "error.class", errorClass);
        put(h, "error.message", message);
        put(h, "error.stage", "delivery");
        put(h, "source.topic", r.topic());
        put(h, "source.partition", Integer.toString(r.partition()));
        put(h, "source.offset", Long.toString(r.offset()));
        put(h, "source.timestamp", Long.toString(r.timestamp()));
        put(h, "service", SERVICE);
        if (url != null) {
            put(h, "webhook.url", url.toString());
            put(h, "webhook.attempts", Integer.toString(attempts));
        }
        if (status != null) {
            put(h, "webhook.status", Integer.toString(status));
        }
        try {
            dlq.send(new ProducerRecord<>(topics.dlq().name(), null, r.timestamp(), r.key(), r.value(), h)).get();
        } catch (ExecutionException e) {
            // Not committing would re-deliver forever; fail loudly instead, the offset stays uncommitted.
            throw new IllegalStateException("could not write the dead letter for " + r.topic() + "-" + r.partition() + "@"
                    + r.offset() + " to " + topics.dlq().name(), e.getCause());
        }
    }

    private static void put(Headers h, String key, String value) {
        h.remove(key);
        h.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Stops consuming (a delivery being retried stops too, uncommitted) and waits for the loop to end. */
    @Override
    public void close() {
        closing.countDown();
        consumer.wakeup();
        try {
            finished.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
