package io.wirestream.dedup.core;

/**
 * One article in an LSH bucket (or in the exact-text bucket, where the sketch is empty).
 * Stored bytes: id (UTF-8) + 8 (time) + 8 (hash) + 8 (inserted) + 2 x sketch length.
 *
 * @param insertedAt wall-clock millis when the bucket took the entry, for the state TTL (0 offline)
 */
public record BucketEntry(String articleId, long eventTime, long contentHash, short[] sketch, long insertedAt) {

    public BucketEntry(String articleId, long eventTime, long contentHash, short[] sketch) {
        this(articleId, eventTime, contentHash, sketch, 0L);
    }

    /** The same entry as taken by a bucket at {@code wallClockMillis}. */
    public BucketEntry insertedAt(long wallClockMillis) {
        return new BucketEntry(articleId, eventTime, contentHash, sketch, wallClockMillis);
    }

    public int compareOrder(BucketEntry o) {
        return EventOrder.compare(eventTime, articleId, o.eventTime, o.articleId);
    }

    /** The candidate this entry is for an article compared with it. */
    public Candidate asCandidateFor(BucketEntry other) {
        boolean exact = contentHash == other.contentHash;
        double sim = exact ? 1.0 : Fingerprinter.similarity(sketch, other.sketch);
        return new Candidate(articleId, eventTime, sim, exact, exact);
    }
}
