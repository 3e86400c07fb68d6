package io.wirestream.model.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the catalogue's topics that do not exist yet (existing topics are left as they are) and waits
 * until every partition is served by its leader: an application started right after creation must not find
 * its source topics missing at its first rebalance, and a producer writing right after must not meet a leader
 * that does not yet know the partition (see {@link #awaitReady}).
 */
public final class TopicProvisioner {

    /** How long {@link #createMissing} waits for new topics to have leaders serving them. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private TopicProvisioner() {
    }

    /**
     * Waits until every partition of {@code names} has a leader in the brokers' metadata and that leader answers
     * for it, or fails after {@code timeout}. A leader in the metadata is not enough: a broker publishes a new
     * topic to its metadata cache a moment before its replica manager takes the partitions on, and a produce in
     * that moment is answered NOT_LEADER_OR_FOLLOWER. Retried, that costs only time, except for an idempotent
     * producer with two requests in flight, which on brokers before Kafka 4.5 can then fail a batch for good
     * (KAFKA-15591). So the wait ends with an offset lookup of every partition, which the leader answers from the
     * same replica manager a produce goes through.
     */
    public static void awaitReady(Admin admin, Collection<String> names, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String waitingFor = String.join(", ", names);
        try {
            while (true) {
                try {
                    long leftMs = (deadline - System.nanoTime()) / 1_000_000;
                    int remainingMs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, leftMs));
                    Map<String, TopicDescription> described = admin.describeTopics(names,
                            new DescribeTopicsOptions().timeoutMs(remainingMs)).allTopicNames().get();
                    waitingFor = described.values().stream()
                            .filter(d -> d.partitions().isEmpty() || d.partitions().stream().anyMatch(p -> p.leader() == null))
                            .map(TopicDescription::name).collect(Collectors.joining(", "));
                    if (waitingFor.isEmpty()) {
                        Map<TopicPartition, OffsetSpec> every = described.values().stream()
                                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                        admin.listOffsets(every, new ListOffsetsOptions().timeoutMs(remainingMs)).all().get();
                        return;
                    }
                } catch (ExecutionException e) {
                    // Not known yet (the admin retries a partition not served yet by itself, until the time left is
                    // up, which ends as a TimeoutException): retriable, so the deadline below decides.
                    if (!(e.getCause() instanceof RetriableException)) {
                        throw new IllegalStateException("could not look up topics " + names + ": " + e.getCause().getMessage(), e.getCause());
                    }
                    waitingFor = String.join(", ", names) + " (" + e.getCause().getMessage() + ")";
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics not ready (no leader serving them) after " + timeout + ": " + waitingFor);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for topics " + names, e);
        }
    }

    /** Creates the missing topics of {@code topics} and returns the names it created. */
    public static List<String> createMissing(Admin admin, List<Topic<?, ?>> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(Topic::newTopic)
                    .toList();
            List<String> created = new ArrayList<>();
            if (!missing.isEmpty()) {
                // A topic created just before (by another client, or by this one) may not be listed yet: it exists.
                for (var entry : admin.createTopics(missing).values().entrySet()) {
                    try {
                        entry.getValue().get();
                        created.add(entry.getKey());
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            }
            awaitReady(admin, topics.stream().map(Topic::name).toList(), READY_TIMEOUT);
            return missing.stream().map(NewTopic::name).filter(created::contains).collect(Collectors.toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create topics: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
