package io.wirestream.dedup.stream;

import io.wirestream.dedup.core.BucketEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * An article on its way to the buckets of one bucket-side partition: the exact-text bucket
 * ({@code x:<hash>}) and the LSH bands ({@code b:<key>}) that partition owns. An article's 1 + b buckets
 * travel as at most one record per partition rather than one record per bucket, which cuts the records on
 * the band repartition topic and the {@code BAND_DONE} answers on the loop topic from 1 + b (21 with the
 * defaults) to at most the partition count. A bucket key always maps to the same target, so a bucket
 * lives in one partition whatever article brings it.
 *
 * @param target the partition of the band topic this batch goes to ({@link #PARTITIONER})
 * @param entry the article; the exact-text bucket takes it without its sketch
 * @param keys bucket keys owned by {@code target}, in the article's band order
 */
record BandRecord(int target, BucketEntry entry, List<String> keys) {

    static String exactKey(long contentHash) {
        return "x:" + Long.toHexString(contentHash);
    }

    static String bandKey(long key) {
        return "b:" + Long.toHexString(key);
    }

    static boolean isExact(String bucketKey) {
        return bucketKey.startsWith("x:");
    }

    /** The article's buckets grouped by the partition (of {@code partitions}) that owns each. */
    static List<BandRecord> batches(BucketEntry entry, long contentHash, long[] bandKeys, int partitions) {
        Map<Integer, List<String>> byTarget = new LinkedHashMap<>();
        String exact = exactKey(contentHash);
        byTarget.computeIfAbsent(targetOf(exact, partitions), t -> new ArrayList<>()).add(exact);
        for (long k : bandKeys) {
            String key = bandKey(k);
            byTarget.computeIfAbsent(targetOf(key, partitions), t -> new ArrayList<>()).add(key);
        }
        List<BandRecord> out = new ArrayList<>(byTarget.size());
        byTarget.forEach((target, keys) -> out.add(new BandRecord(target, entry, List.copyOf(keys))));
        return out;
    }

    /** The partition owning a bucket key: Kafka's own key hash (murmur2), so buckets spread as keyed records would. */
    static int targetOf(String bucketKey, int partitions) {
        return Utils.toPositive(Utils.murmur2(bucketKey.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * Sends a batch to its target. Should the band topic have another partition count than the one the
     * batches were grouped for, the target folds into range: still one fixed partition per bucket key.
     */
    static final StreamPartitioner<String, BandRecord> PARTITIONER =
            (topic, key, value, partitions) -> Optional.of(Set.of(Math.floorMod(value.target(), partitions)));

    /** Version 2: batches of bucket keys (version 1 carried one bucket per record). */
    static final Serde<BandRecord> SERDE = Codec.serde("band record", (byte) 2, (r, out) -> {
        out.writeInt(r.target);
        Buckets.writeEntry(r.entry, out);
        out.writeInt(r.keys.size());
        for (String k : r.keys) {
            out.writeUTF(k);
        }
    }, in -> {
        int target = in.readInt();
        BucketEntry entry = Buckets.readEntry(in);
        int n = in.readInt();
        List<String> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keys.add(in.readUTF());
        }
        return new BandRecord(target, entry, keys);
    });
}
