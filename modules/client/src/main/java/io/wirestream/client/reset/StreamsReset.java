package io.wirestream.client.reset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Resets a Kafka Streams application so that its next run reprocesses its input from the start (or from a
 * point in time), as Kafka's own application reset tool does:
 * <ol>
 * <li>refuses while the application's consumer group has active members;</li>
 * <li>sets the group's committed offsets of the input topics to the earliest offsets (or to the first record
 * stamped at or after a time: unlike Kafka's tool, not a transaction marker stamped with its commit time),
 * and of intermediate topics (ones the application writes and reads back) to their end;</li>
 * <li>deletes the internal topics: those named {@code <application.id>-…} and ending like Kafka Streams
 * names its changelog, repartition and foreign-key-join subscription topics, unless they are inputs;</li>
 * <li>deletes the local state directory {@code <state.dir>/<application.id>} on this machine (other machines
 * that ran an instance keep theirs: Kafka Streams then wipes a task's state when it finds its changelog
 * gone, but deleting it there too is cleaner).</li>
 * </ol>
 * Output topics are left alone.
 */
public final class StreamsReset {

    /** How long a time scan may go without reading further before it gives up. */
    private static final long NO_PROGRESS_NANOS = 60_000_000_000L;

    /**
     * What to reset.
     *
     * @param toDatetime        empty: the earliest offsets; else the first offset stamped at or after it
     * @param stateDirRoot      the application's {@code state.dir}
     */
    public record Request(String applicationId, List<String> inputTopics, List<String> intermediateTopics,
            Optional<Instant> toDatetime, Path stateDirRoot) {
        public Request {
            Objects.requireNonNull(applicationId, "applicationId");
            inputTopics = List.copyOf(inputTopics);
            intermediateTopics = List.copyOf(intermediateTopics);
            Objects.requireNonNull(toDatetime, "toDatetime");
            Objects.requireNonNull(stateDirRoot, "stateDirRoot");
        }
    }

    private static final Pattern FK_JOIN_TOPIC = Pattern.compile(".+-KTABLE-FK-JOIN-SUBSCRIPTION-(REGISTRATION|RESPONSE)-\\d+-topic");

    private final Admin admin;
    private final Map<String, Object> clientConfig;

    /** @param clientConfig bootstrap servers and security, for the consumer that refines {@code --to-datetime} */
    public StreamsReset(Admin admin, Map<String, Object> clientConfig) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.clientConfig = Map.copyOf(clientConfig);
    }

    /** Whether Kafka Streams names internal topics like {@code topic} (changelog, repartition, FK-join subscriptions). */
    public static boolean looksInternal(String topic) {
        return topic.endsWith("-changelog") || topic.endsWith("-repartition")
                || topic.endsWith("-subscription-registration-topic") || topic.endsWith("-subscription-response-topic")
                || FK_JOIN_TOPIC.matcher(topic).matches();
    }

    /**
     * Works out the reset without changing anything.
     *
     * @throws GroupActiveException while the application has running instances
     * @throws IllegalArgumentException naming an input topic that does not exist
     */
    public ResetPlan plan(Request request) throws InterruptedException {
        requireInactive(request.applicationId());
        Set<String> existing = get(admin.listTopics().names(), "list topics");
        List<String> missing = request.inputTopics().stream().filter(t -> !existing.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("input topic(s) " + missing + " of " + request.applicationId()
                    + " do not exist (check --topic-prefix and --input-topics)");
        }
        OffsetSpec spec = request.toDatetime().map(t -> OffsetSpec.forTimestamp(t.toEpochMilli())).orElse(OffsetSpec.earliest());
        Map<TopicPartition, Long> inputs = offsets(request.inputTopics(), spec);
        if (request.toDatetime().isPresent()) {
            // no record at or after the time: nothing to reprocess there, start at the end
            Map<TopicPartition, Long> ends = offsets(request.inputTopics(), OffsetSpec.latest());
            inputs.replaceAll((tp, o) -> o < 0 ? ends.get(tp) : o);
            inputs = firstRecordAtOrAfter(inputs, ends, request.toDatetime().get().toEpochMilli());
        }
        List<String> intermediate = request.intermediateTopics().stream().filter(existing::contains).toList();
        Map<TopicPartition, Long> intermediateEnds = offsets(intermediate, OffsetSpec.latest());
        List<String> internal = existing.stream()
                .filter(t -> t.startsWith(request.applicationId() + "-") && looksInternal(t))
                .filter(t -> !request.inputTopics().contains(t) && !request.intermediateTopics().contains(t))
                .sorted().toList();
        Path dir = request.stateDirRoot().resolve(request.applicationId());
        return new ResetPlan(request.applicationId(), inputs, intermediateEnds, internal,
                Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty());
    }

    /**
     * The offset of the first data record stamped at or after {@code t}, starting from the broker's answer.
     * The broker counts transaction markers too, and a marker carries the commit's wall-clock time: on a
     * topic written with exactly-once its answer is often a marker far before the time asked for.
     */
    private Map<TopicPartition, Long> firstRecordAtOrAfter(Map<TopicPartition, Long> hints, Map<TopicPartition, Long> ends,
                                                           long t) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        Map<TopicPartition, Long> found = new HashMap<>(hints);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            for (var e : hints.entrySet()) {
                TopicPartition tp = e.getKey();
                long end = ends.get(tp);
                if (e.getValue() >= end) {
                    continue;
                }
                consumer.assign(List.of(tp));
                consumer.seek(tp, e.getValue());
                long result = end;
                long deadline = System.nanoTime() + NO_PROGRESS_NANOS;
                long lastPosition = -1;
                scan:
                while (consumer.position(tp) < end) {
                    long position = consumer.position(tp);
                    if (position > lastPosition) {
                        lastPosition = position;
                        deadline = System.nanoTime() + NO_PROGRESS_NANOS;     // a long scan is fine while it advances
                    } else if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("no progress finding the first record of " + tp + " stamped at or after "
                                + Instant.ofEpochMilli(t) + " (at offset " + consumer.position(tp) + " of " + end + ")");
                    }
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200)).records(tp)) {
                        if (r.offset() >= end) {
                            break scan;
                        }
                        if (r.timestamp() >= t) {
                            result = r.offset();
                            break scan;
                        }
                    }
                }
                found.put(tp, result);
            }
        }
        return found;
    }

    /** Carries out {@code plan}: offsets first (checked inactive again), then internal topics, then local state. */
    public void apply(ResetPlan plan) throws InterruptedException {
        requireInactive(plan.applicationId());
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        plan.inputOffsets().forEach((tp, o) -> offsets.put(tp, new OffsetAndMetadata(o)));
        plan.intermediateOffsets().forEach((tp, o) -> offsets.put(tp, new OffsetAndMetadata(o)));
        if (!offsets.isEmpty()) {
            get(admin.alterConsumerGroupOffsets(plan.applicationId(), offsets).all(),
                    "reset the offsets of group " + plan.applicationId());
        }
        if (!plan.internalTopics().isEmpty()) {
            get(admin.deleteTopics(plan.internalTopics()).all(), "delete " + plan.internalTopics());
            awaitGone(plan.internalTopics());
        }
        plan.stateDir().ifPresent(StreamsReset::deleteTree);
    }

    /** Deletion completes in the background; a service started before it ends could find a half-deleted topic. */
    private void awaitGone(List<String> topics) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Set<String> left = get(admin.listTopics().names(), "list topics");
            if (topics.stream().noneMatch(left::contains)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("deleted " + topics + " but some are still listed after 30 s");
    }

    private void requireInactive(String applicationId) throws InterruptedException {
        ConsumerGroupDescription group;
        try {
            group = admin.describeConsumerGroups(List.of(applicationId)).all().get().get(applicationId);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return;
            }
            throw new IllegalStateException("cannot describe group " + applicationId + ": " + e.getCause().getMessage(), e.getCause());
        }
        if (group != null && !group.members().isEmpty()) {
            throw new GroupActiveException(applicationId, group.members().stream()
                    .map(m -> m.clientId() + "@" + m.host()).sorted().toList());
        }
    }

    private Map<TopicPartition, Long> offsets(List<String> topics, OffsetSpec spec) throws InterruptedException {
        if (topics.isEmpty()) {
            return new HashMap<>();
        }
        Map<String, TopicDescription> described = get(admin.describeTopics(topics).allTopicNames(), "describe " + topics);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), spec)));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> listed = get(admin.listOffsets(request).all(),
                "list offsets of " + topics);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        listed.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future, String what) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownTopicOrPartitionException) {
                throw new IllegalArgumentException("cannot " + what + ": " + cause.getMessage(), cause);
            }
            throw new IllegalStateException("cannot " + what + ": " + cause.getMessage(), cause);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete local state " + dir + ": " + e.getMessage(), e);
        }
    }
}
