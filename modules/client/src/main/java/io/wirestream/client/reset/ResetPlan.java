package io.wirestream.client.reset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * What resetting one Kafka Streams application does.
 *
 * @param inputOffsets        new committed offsets of the input topics' partitions
 * @param intermediateOffsets new committed offsets of topics the application writes and reads back itself
 *                            (set to their end, as Kafka's reset tool does: the old loop's records are not replayed)
 * @param internalTopics      changelog and repartition topics to delete (Kafka Streams recreates them)
 * @param stateDir            the application's local state directory, when it exists on this machine
 */
public record ResetPlan(String applicationId, Map<TopicPartition, Long> inputOffsets,
        Map<TopicPartition, Long> intermediateOffsets, List<String> internalTopics, Optional<Path> stateDir) {

    public ResetPlan {
        inputOffsets = Map.copyOf(inputOffsets);
        intermediateOffsets = Map.copyOf(intermediateOffsets);
        internalTopics = List.copyOf(internalTopics);
    }

    /** Human-readable lines, one per action, prefixed with {@code verb} ("reset" or "would reset"). */
    public List<String> describe(boolean dryRun) {
        String w = dryRun ? "would " : "";
        List<String> lines = new java.util.ArrayList<>();
        byTopic(inputOffsets).forEach((topic, offsets) -> lines.add(String.format("%sreset input topic %s of %s to %s",
                w, topic, applicationId, offsets)));
        byTopic(intermediateOffsets).forEach((topic, offsets) -> lines.add(String.format(
                "%sskip intermediate topic %s of %s to its end %s", w, topic, applicationId, offsets)));
        if (internalTopics.isEmpty()) {
            lines.add("no internal topics of " + applicationId + " to delete");
        }
        internalTopics.forEach(t -> lines.add(w + "delete internal topic " + t));
        lines.add(stateDir.map(d -> w + "delete local state " + d)
                .orElse("no local state of " + applicationId + " on this machine"));
        return lines;
    }

    private static Map<String, String> byTopic(Map<TopicPartition, Long> offsets) {
        return offsets.entrySet().stream().collect(Collectors.groupingBy(e -> e.getKey().topic(), java.util.TreeMap::new,
                Collectors.collectingAndThen(Collectors.toList(), list -> list.stream()
                        .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(TopicPartition::partition)))
                        .map(e -> "p" + e.getKey().partition() + "@" + e.getValue())
                        .collect(Collectors.joining(" ")))));
    }
}
