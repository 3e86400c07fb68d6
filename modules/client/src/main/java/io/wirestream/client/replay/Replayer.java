package io.wirestream.client.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a time range of a topic in event-time order across its partitions and hands the records to a
 * {@link ReplaySink}, paced like the original or faster.
 *
 * <p>How: {@code offsetsForTimes(from)} on every partition gives the first offset to read (no record
 * stamped at or after {@code from} before it); reading goes on to the partition's end as it was when the
 * replay started, skipping records stamped at or after {@code to}. It cannot stop at
 * {@code offsetsForTimes(to)}: transaction markers are stamped with the commit's wall-clock time, so on a
 * topic written with exactly-once that offset is often the first marker, long before the range ends; and a
 * record stamped inside the range may come after one stamped outside it. One consumer reads all
 * partitions (no group, nothing committed, {@code read_committed}); a k-way merge emits the head with the
 * smallest timestamp, ties broken by partition then offset, which is also the order in which a Kafka
 * Streams task picks records from its partitions. The merge needs one record of every unfinished partition
 * at hand; each partition buffers at most {@code maxBufferedPerPartition} records and is paused while full,
 * so memory stays bounded however long the range.
 *
 * <p>Headers are checked against the filter as records arrive, before they are buffered; values are never
 * deserialised here. A record inside the offsets but stamped outside {@code [from, to)} (out of order in its
 * partition) is counted and skipped. Within a partition, records keep their offset order, so such a
 * partition replays as it was written rather than sorted.
 */
public final class Replayer {

    /** Told about progress at most every progress interval, and once at the end. */
    @FunctionalInterface
    public interface Listener {
        void progress(ReplayStatus status);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Comparator<ConsumerRecord<byte[], byte[]>> EVENT_ORDER =
            Comparator.<ConsumerRecord<byte[], byte[]>>comparingLong(ConsumerRecord::timestamp)
                    .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset);

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final Function<Speed, Pacer> pacers;
    private final LongSupplier nanoClock;
    private final Clock wallClock;
    private final int maxBufferedPerPartition;
    private final Duration progressInterval;
    private final Duration stallTimeout;

    public Replayer(Supplier<Consumer<byte[], byte[]>> consumers, Function<Speed, Pacer> pacers, LongSupplier nanoClock,
                    Clock wallClock, int maxBufferedPerPartition, Duration progressInterval, Duration stallTimeout) {
        this.consumers = Objects.requireNonNull(consumers, "consumers");
        this.pacers = Objects.requireNonNull(pacers, "pacers");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        if (maxBufferedPerPartition < 1) {
            throw new IllegalArgumentException("maxBufferedPerPartition must be >= 1, was " + maxBufferedPerPartition);
        }
        this.maxBufferedPerPartition = maxBufferedPerPartition;
        this.progressInterval = progressInterval;
        this.stallTimeout = stallTimeout;
    }

    /**
     * A replayer with its own consumer on {@code clientConfig} (bootstrap servers, security), real time,
     * 2,000 records buffered per partition, progress every second.
     */
    public static Replayer create(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "wirestream-replay");
        return new Replayer(() -> new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                Pacer::system, System::nanoTime, Clock.systemUTC(), 2_000, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** The offsets {@code request} covers, without reading anything. */
    public ReplayPlan plan(ReplayRequest request) {
        try (Consumer<byte[], byte[]> consumer = consumers.get()) {
            return plan(consumer, request);
        }
    }

    /**
     * Replays {@code request} into {@code sink} and flushes it.
     *
     * @throws UnknownTopicException when the topic does not exist
     * @throws IllegalStateException when reading stops making progress, or the sink fails (naming the record)
     */
    public ReplaySummary run(ReplayRequest request, ReplaySink sink, Listener listener) throws Exception {
        try (Consumer<byte[], byte[]> consumer = consumers.get()) {
            ReplayPlan plan = plan(consumer, request);
            LOG.info("replay plan {}", plan.describe());
            Run run = new Run(consumer, request, plan, sink, listener);
            run.readAll();
            sink.flush();
            ReplayStatus done = run.status(true);
            listener.progress(done);
            return new ReplaySummary(request, plan, done, sink.describe());
        }
    }

    private static ReplayPlan plan(Consumer<byte[], byte[]> consumer, ReplayRequest request) {
        List<PartitionInfo> infos = consumer.listTopics().get(request.topic());
        if (infos == null || infos.isEmpty()) {
            throw new UnknownTopicException(request.topic());
        }
        List<TopicPartition> tps = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(at(tps, request.from()));
        Map<TopicPartition, Long> logEnds = consumer.endOffsets(tps);
        List<ReplayPlan.PartitionRange> ranges = new ArrayList<>();
        for (TopicPartition tp : tps) {
            long logEnd = logEnds.get(tp);
            long start = starts.get(tp) == null ? logEnd : starts.get(tp).offset();
            // to the end of the log, not to offsetsForTimes(to): see the class comment
            ranges.add(new ReplayPlan.PartitionRange(tp.partition(), start, Math.max(start, logEnd)));
        }
        return new ReplayPlan(request.topic(), ranges);
    }

    private static Map<TopicPartition, Long> at(List<TopicPartition> tps, Instant t) {
        Map<TopicPartition, Long> m = new LinkedHashMap<>();
        tps.forEach(tp -> m.put(tp, t.toEpochMilli()));
        return m;
    }

    /** One partition's part of the merge. */
    private static final class Lane {
        final TopicPartition tp;
        final long end;
        final ArrayDeque<ConsumerRecord<byte[], byte[]>> buffer = new ArrayDeque<>();
        boolean exhausted;

        Lane(TopicPartition tp, long end) {
            this.tp = tp;
            this.end = end;
        }
    }

    /** The state of one replay. */
    private final class Run {
        private final Consumer<byte[], byte[]> consumer;
        private final ReplayRequest request;
        private final ReplaySink sink;
        private final Listener listener;
        private final Pacer pacer;
        private final List<Lane> open = new ArrayList<>();
        private final long startNanos = nanoClock.getAsLong();
        private long lastProgress = startNanos;
        private long read;
        private long matched;
        private long filtered;
        private long outside;
        private Instant first;
        private Instant last;

        Run(Consumer<byte[], byte[]> consumer, ReplayRequest request, ReplayPlan plan, ReplaySink sink, Listener listener) {
            this.consumer = consumer;
            this.request = request;
            this.sink = sink;
            this.listener = listener;
            this.pacer = pacers.apply(request.speed());
            for (ReplayPlan.PartitionRange r : plan.partitions()) {
                if (r.size() > 0) {
                    open.add(new Lane(new TopicPartition(plan.topic(), r.partition()), r.end()));
                }
            }
            consumer.assign(open.stream().map(l -> l.tp).toList());
            for (ReplayPlan.PartitionRange r : plan.partitions()) {
                if (r.size() > 0) {
                    consumer.seek(new TopicPartition(plan.topic(), r.partition()), r.start());
                }
            }
        }

        void readAll() throws Exception {
            long stalledSince = -1;
            while (!open.isEmpty()) {
                if (open.stream().anyMatch(l -> l.buffer.isEmpty())) {
                    boolean progressed = fetch();
                    if (progressed) {
                        stalledSince = -1;
                    } else if (stalledSince < 0) {
                        stalledSince = nanoClock.getAsLong();
                    } else if (nanoClock.getAsLong() - stalledSince > stallTimeout.toNanos()) {
                        throw new IllegalStateException("replay of " + request.topic() + " made no progress for "
                                + stallTimeout.toSeconds() + " s; waiting for " + open.stream()
                                .filter(l -> l.buffer.isEmpty()).map(l -> l.tp + " at " + consumer.position(l.tp)
                                        + " of " + l.end).collect(Collectors.joining(", ")));
                    }
                    continue;
                }
                Lane next = open.get(0);
                for (Lane l : open) {
                    if (EVENT_ORDER.compare(l.buffer.peekFirst(), next.buffer.peekFirst()) < 0) {
                        next = l;
                    }
                }
                ConsumerRecord<byte[], byte[]> r = next.buffer.pollFirst();
                if (next.buffer.isEmpty() && next.exhausted) {
                    open.remove(next);
                }
                pacer.await(r.timestamp());
                sink.write(r);
                matched++;
                Instant t = Instant.ofEpochMilli(r.timestamp());
                first = first == null ? t : first;
                last = last == null || t.isAfter(last) ? t : last;
                maybeReport();
            }
        }

        /** One poll into the lanes that need records; true when anything moved. */
        private boolean fetch() {
            List<TopicPartition> full = new ArrayList<>();
            List<TopicPartition> hungry = new ArrayList<>();
            for (Lane l : open) {
                (l.buffer.size() >= maxBufferedPerPartition ? full : hungry).add(l.tp);
            }
            consumer.pause(full);
            consumer.resume(hungry);
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            boolean progressed = !records.isEmpty();
            Map<TopicPartition, Lane> byTp = new HashMap<>();
            open.forEach(l -> byTp.put(l.tp, l));
            for (ConsumerRecord<byte[], byte[]> r : records) {
                Lane lane = byTp.get(new TopicPartition(r.topic(), r.partition()));
                if (lane == null || lane.exhausted) {
                    continue;
                }
                if (r.offset() >= lane.end) {
                    lane.exhausted = true;
                    continue;
                }
                read++;
                long ts = r.timestamp();
                if (ts < request.from().toEpochMilli() || ts >= request.to().toEpochMilli()) {
                    outside++;
                } else if (!request.filter().matches(r.headers())) {
                    filtered++;
                } else {
                    lane.buffer.addLast(r);
                }
            }
            for (Lane l : open) {
                if (!l.exhausted && consumer.position(l.tp) >= l.end) {
                    l.exhausted = true;
                    progressed = true;
                }
            }
            open.removeIf(l -> l.exhausted && l.buffer.isEmpty());
            maybeReport();
            return progressed;
        }

        private void maybeReport() {
            long now = nanoClock.getAsLong();
            if (now - lastProgress >= progressInterval.toNanos()) {
                lastProgress = now;
                listener.progress(status(false));
            }
        }

        /** Where the replay stands; once {@code finished}, the event-time span ends at the last record (100 %). */
        ReplayStatus status(boolean finished) {
            Instant now = wallClock.instant();
            Instant horizon = request.to().isAfter(now) ? now : request.to();
            if (last != null && (finished || last.isAfter(horizon))) {
                horizon = last;
            }
            return new ReplayStatus(read, matched, sink.written(), filtered, outside, Optional.ofNullable(first),
                    Optional.ofNullable(last), horizon, Duration.ofNanos(nanoClock.getAsLong() - startNanos));
        }
    }
}
