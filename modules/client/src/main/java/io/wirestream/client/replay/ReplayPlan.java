package io.wirestream.client.replay;

import java.util.List;

/**
 * The offsets a replay reads: for each partition, from the first record stamped at or after {@code from}
 * to the partition's end when the replay started; empty where nothing is stamped in the range's direction.
 */
public record ReplayPlan(String topic, List<PartitionRange> partitions) {

    /** One partition's offsets to read: {@code [start, end)}; empty when {@code start >= end}. */
    public record PartitionRange(int partition, long start, long end) {
        public long size() {
            return Math.max(0, end - start);
        }
    }

    public ReplayPlan {
        partitions = List.copyOf(partitions);
    }

    /** Offsets to read over all partitions (an upper bound of the records: transaction markers take offsets too). */
    public long offsets() {
        return partitions.stream().mapToLong(PartitionRange::size).sum();
    }

    public boolean isEmpty() {
        return offsets() == 0;
    }

    /** e.g. {@code news.articles.raw: 6 partitions, 120 offsets (p0 10..30, p1 empty, ...)}. */
    public String describe() {
        StringBuilder b = new StringBuilder(topic).append(": ").append(partitions.size()).append(" partitions, ")
                .append(offsets()).append(" offsets (");
        for (int i = 0; i < partitions.size(); i++) {
            PartitionRange p = partitions.get(i);
            b.append(i == 0 ? "" : ", ").append('p').append(p.partition()).append(' ')
                    .append(p.size() == 0 ? "empty" : p.start() + ".." + p.end());
        }
        return b.append(')').toString();
    }
}
