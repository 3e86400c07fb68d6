package io.wirestream.dedup.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Near-duplicate detection parameters, validated once.
 *
 * @param threshold        Jaccard similarity of shingle sets at or above which an article is a near-duplicate
 * @param shingleSize      words per shingle
 * @param bands            LSH bands
 * @param rows             MinHash rows per band; the signature has {@code bands * rows} values
 * @param minShingles      texts with fewer shingles use exact matching only
 * @param retention        pairs further apart in event time than this are never compared
 * @param stateTtl         wall-clock time after which bucket entries and decided articles are forgotten
 * @param publishDelay     wall-clock time an article that would be an original waits before it is first
 *                         published, so that an earlier copy still in flight can claim it (0: at once)
 * @param maxBucketEntries cap on entries per LSH bucket (the earliest are kept)
 * @param seed             seed of the MinHash permutations: changing it changes every signature
 */
public record DedupConfig(
        double threshold,
        int shingleSize,
        int bands,
        int rows,
        int minShingles,
        Duration retention,
        Duration stateTtl,
        Duration publishDelay,
        int maxBucketEntries,
        long seed) {

    public DedupConfig {
        Objects.requireNonNull(retention, "dedup.retention");
        Objects.requireNonNull(stateTtl, "dedup.state.ttl");
        check(!stateTtl.isNegative() && !stateTtl.isZero(), "dedup.state.ttl", "> 0", stateTtl);
        Objects.requireNonNull(publishDelay, "dedup.publish.delay");
        check(!publishDelay.isNegative(), "dedup.publish.delay", ">= 0", publishDelay);
        check(threshold > 0 && threshold <= 1, "dedup.threshold", "(0, 1]", threshold);
        check(shingleSize >= 1 && shingleSize <= 16, "dedup.shingle.size", "1..16", shingleSize);
        check(bands >= 1 && bands <= 256, "dedup.lsh.bands", "1..256", bands);
        check(rows >= 1 && rows <= 64, "dedup.lsh.rows", "1..64", rows);
        check(minShingles >= 1, "dedup.min.shingles", ">= 1", minShingles);
        check(!retention.isNegative() && !retention.isZero(), "dedup.retention", "> 0", retention);
        check(maxBucketEntries >= 1, "dedup.max.bucket.entries", ">= 1", maxBucketEntries);
    }

    /** Defaults: threshold 0.8, 5-word shingles, 20 bands x 5 rows (100 MinHash values), 72 h retention. */
    public static DedupConfig defaults() {
        return new DedupConfig(0.8, 5, 20, 5, 10, Duration.ofHours(72), Duration.ofHours(96), Duration.ZERO, 200, 0x5EED_CAFE_F00DL);
    }

    /**
     * Reads {@code dedup.threshold}, {@code dedup.shingle.size}, {@code dedup.lsh.bands},
     * {@code dedup.lsh.rows}, {@code dedup.min.shingles}, {@code dedup.retention} (ISO-8601, e.g. PT72H),
     * {@code dedup.state.ttl}, {@code dedup.publish.delay},
     * {@code dedup.max.bucket.entries}; missing keys keep their defaults.
     */
    public static DedupConfig parse(java.util.Map<String, String> props) {
        DedupConfig d = defaults();
        try {
            return new DedupConfig(
                    Double.parseDouble(props.getOrDefault("dedup.threshold", Double.toString(d.threshold))),
                    Integer.parseInt(props.getOrDefault("dedup.shingle.size", Integer.toString(d.shingleSize))),
                    Integer.parseInt(props.getOrDefault("dedup.lsh.bands", Integer.toString(d.bands))),
                    Integer.parseInt(props.getOrDefault("dedup.lsh.rows", Integer.toString(d.rows))),
                    Integer.parseInt(props.getOrDefault("dedup.min.shingles", Integer.toString(d.minShingles))),
                    Duration.parse(props.getOrDefault("dedup.retention", d.retention.toString())),
                    Duration.parse(props.getOrDefault("dedup.state.ttl", d.stateTtl.toString())),
                    Duration.parse(props.getOrDefault("dedup.publish.delay", d.publishDelay.toString())),
                    Integer.parseInt(props.getOrDefault("dedup.max.bucket.entries", Integer.toString(d.maxBucketEntries))),
                    d.seed);
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("invalid dedup.* setting: " + e.getMessage(), e);
        }
    }

    /** Length of a MinHash signature. */
    public int signatureLength() {
        return bands * rows;
    }

    public DedupConfig withThreshold(double t) {
        return new DedupConfig(t, shingleSize, bands, rows, minShingles, retention, stateTtl, publishDelay, maxBucketEntries, seed);
    }

    public DedupConfig withPublishDelay(Duration delay) {
        return new DedupConfig(threshold, shingleSize, bands, rows, minShingles, retention, stateTtl, delay, maxBucketEntries, seed);
    }

    public DedupConfig withBands(int b, int r) {
        return new DedupConfig(threshold, shingleSize, b, r, minShingles, retention, stateTtl, publishDelay, maxBucketEntries, seed);
    }

    private static void check(boolean ok, String key, String range, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(key + " must be " + range + ", was " + value);
        }
    }
}
