package io.wirestream.cli.bench;

import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.DuplicateStatus;
import io.wirestream.model.RawArticle;
import io.wirestream.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Watches the pipeline's topics from the beginning on its own thread with a read-committed consumer (no
 * group: partitions are assigned), and notes per topic how many records arrived and when. Done when every
 * document has a duplicates decision (or a dead letter) and every article whose latest decision is
 * ORIGINAL has its enriched record. It reads on after that, until closed: what arrives then (corrections
 * still in the dedup loop) updates the decisions and dead letters, but not the traffic and latency figures,
 * which end where the run did ({@link #awaitRead} tells when it has read up to given offsets). Read its
 * fields only after {@link #close()}.
 *
 * <p>Times: {@code news.documents} carries the send time as its record timestamp; the enriched topic is
 * created with {@code LogAppendTime}, so its timestamps are the broker's; the other topics carry event
 * time, so for them the time a record became visible to this consumer is used.
 */
final class StageCollector implements AutoCloseable {

    /** First and last time and count of one topic's records. */
    static final class Traffic {
        long records;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;

        void add(long time) {
            records++;
            first = Math.min(first, time);
            last = Math.max(last, time);
        }
    }

    private final Topics topics;
    private final int documents;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile RuntimeException failure;

    final Traffic documentTraffic = new Traffic();
    final Traffic rawTraffic = new Traffic();
    final Traffic decisionTraffic = new Traffic();
    final Traffic dedupedTraffic = new Traffic();
    final Traffic enrichedTraffic = new Traffic();
    /** Article id → the document it was extracted from (the first one). */
    final Map<String, String> documentOf = new HashMap<>();
    /** Article id → its latest decision. */
    final Map<String, DuplicateDecision> decisions = new HashMap<>();
    /** Article id → log-append time of its first enriched record. */
    final Map<String, Long> enrichedAt = new HashMap<>();
    final List<String> deadLetterReasons = new ArrayList<>();
    int corrections;
    /** Decisions that arrived after the collector was done (corrections still travelling then). */
    int decisionsAfterDone;
    /** When the last article got its first decision (consumer clock). */
    long lastNewDecisionAt;
    /** Whether every enriched record carried a log-append timestamp (the topic was created by the bench). */
    boolean enrichedLogAppendTime = true;
    private final Set<String> originalsAwaitingEnriched = new HashSet<>();
    private final Set<String> primed;
    /** Set once done: from then on records update decisions and dead letters only. */
    private boolean settling;
    /** Once done: this consumer's position per partition after its latest poll; guarded by {@code this}. */
    private Map<TopicPartition, Long> positions = Map.of();
    private boolean closed;

    /**
     * @param documents how many documents to wait for
     * @param from      where to start reading, per partition, after priming (the end offsets once it was done);
     *                  empty: everything from the beginning
     * @param primed    the priming articles: a late record about one of them (a correction, a story update) is
     *                  left out
     */
    StageCollector(String bootstrapServers, Topics topics, int documents, Map<TopicPartition, Long> from, Set<String> primed) {
        this.topics = topics;
        this.documents = documents;
        this.primed = Set.copyOf(primed);
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "wirestream-bench-collector"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.documents().name(), topics.articlesRaw().name(), topics.duplicates().name(),
                topics.articlesDeduped().name(), topics.enriched().name(), topics.dlq().name())) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        if (from.isEmpty()) {
            consumer.seekToBeginning(partitions);
        } else {
            partitions.forEach(tp -> consumer.seek(tp, from.getOrDefault(tp, 0L)));
        }
        this.thread = new Thread(this::run, "wirestream-bench-collector");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Waits until the pipeline is done; false on timeout. Rethrows what stopped the collector. */
    boolean await(Duration timeout) throws InterruptedException {
        boolean finished = done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (failure != null) {
            throw failure;
        }
        return finished;
    }

    /** Documents with a decision or a dead letter. */
    int accounted() {
        return decisions.size() + deadLetterReasons.size();
    }

    /**
     * After {@link #await} returned true: waits until this collector has read every partition it watches up to
     * {@code ends} (end offsets of those partitions, or of more, which it ignores); false on timeout.
     */
    boolean awaitRead(Map<TopicPartition, Long> ends, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!readTo(ends)) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || failure != null) {
                    break;
                }
                wait(left);
            }
            rethrowFailure();
            return readTo(ends);
        }
    }

    /** Rethrows what stopped the collector's thread, if anything did. */
    void rethrowFailure() {
        if (failure != null) {
            throw failure;
        }
    }

    private boolean readTo(Map<TopicPartition, Long> ends) {
        return !positions.isEmpty() && positions.entrySet().stream().allMatch(e -> e.getValue() >= ends.getOrDefault(e.getKey(), 0L));
    }

    private void run() {
        try {
            while (true) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(100));
                long now = System.currentTimeMillis();
                for (ConsumerRecord<byte[], byte[]> r : polled) {
                    take(r, now);
                }
                if (!settling && isDone()) {
                    settling = true;
                    done.countDown();
                }
                if (settling) {
                    Map<TopicPartition, Long> at = new HashMap<>();
                    consumer.assignment().forEach(tp -> at.put(tp, consumer.position(tp)));
                    synchronized (this) {
                        positions = at;
                        notifyAll();
                    }
                }
            }
        } catch (WakeupException e) {
            // closed: before the pipeline was done, the caller reports what was seen; after, this is the end
        } catch (RuntimeException e) {
            failure = e;
            done.countDown();
            synchronized (this) {
                notifyAll();
            }
        }
    }

    private boolean isDone() {
        return accounted() >= documents && documentOf.size() + deadLetterReasons.size() >= documents
                && originalsAwaitingEnriched.isEmpty();
    }

    private void take(ConsumerRecord<byte[], byte[]> r, long now) {
        String topic = r.topic();
        if (r.key() != null && !topic.equals(topics.documents().name())
                && primed.contains(new String(r.key(), StandardCharsets.UTF_8))) {
            return;      // keyed by article id on every topic past the documents
        }
        if (settling) {
            settle(r, topic);
        } else if (topic.equals(topics.documents().name())) {
            documentTraffic.add(r.timestamp());
        } else if (topic.equals(topics.articlesRaw().name())) {
            rawTraffic.add(now);
            RawArticle a = topics.articlesRaw().valueSerde().deserializer().deserialize(topic, r.headers(), r.value());
            documentOf.putIfAbsent(a.getArticleId(), a.getDocumentId());
        } else if (topic.equals(topics.duplicates().name())) {
            decisionTraffic.add(now);
            DuplicateDecision d = decision(r);
            if (decisions.put(d.getArticleId(), d) == null) {
                lastNewDecisionAt = now;
            }
            corrections += d.getCorrection() ? 1 : 0;
            if (d.getStatus() == DuplicateStatus.ORIGINAL && !enrichedAt.containsKey(d.getArticleId())) {
                originalsAwaitingEnriched.add(d.getArticleId());
            } else {
                originalsAwaitingEnriched.remove(d.getArticleId());
            }
        } else if (topic.equals(topics.articlesDeduped().name())) {
            dedupedTraffic.add(now);
        } else if (topic.equals(topics.enriched().name()) && r.value() == null) {
            enrichedTraffic.add(r.timestamp());      // a retraction: traffic, but no original to time
        } else if (topic.equals(topics.enriched().name())) {
            enrichedTraffic.add(r.timestamp());
            enrichedLogAppendTime &= r.timestampType() == TimestampType.LOG_APPEND_TIME;
            String articleId = new String(r.key(), StandardCharsets.UTF_8);
            enrichedAt.putIfAbsent(articleId, r.timestamp());
            originalsAwaitingEnriched.remove(articleId);
        } else if (topic.equals(topics.dlq().name())) {
            deadLetterReasons.add(reason(r));
        }
    }

    /** After done: a late decision or dead letter counts; the run's traffic and latency figures have ended. */
    private void settle(ConsumerRecord<byte[], byte[]> r, String topic) {
        if (topic.equals(topics.duplicates().name())) {
            DuplicateDecision d = decision(r);
            decisions.put(d.getArticleId(), d);
            decisionsAfterDone++;
            corrections += d.getCorrection() ? 1 : 0;
        } else if (topic.equals(topics.dlq().name())) {
            deadLetterReasons.add(reason(r));
        }
    }

    private DuplicateDecision decision(ConsumerRecord<byte[], byte[]> r) {
        return topics.duplicates().valueSerde().deserializer().deserialize(r.topic(), r.headers(), r.value());
    }

    private static String reason(ConsumerRecord<byte[], byte[]> r) {
        var h = r.headers().lastHeader("error.message");
        return h == null ? "(no error.message header)" : new String(h.value(), StandardCharsets.UTF_8);
    }

    /**
     * Stops the thread (if still running) and closes the consumer; afterwards the fields are safe to read. Called
     * by the thread that made the collector; a second call does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (thread.isAlive()) {
            consumer.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {      // the consumer is still the thread's: closing it here would fail, reading the fields too
            throw new IllegalStateException("the bench's collector thread did not stop within 30 s");
        }
        consumer.close(Duration.ofSeconds(5));
    }
}
