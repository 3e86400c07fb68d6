package io.wirestream.dedup.core;

/**
 * One article in an LSH bucket (or in the exact-text bucket, where the sketch is empty).
 * Stored bytes: id (UTF-8) + 8 (time) + 8 (hash) + 2 x sketch length.
 */
public record BucketEntry(String articleId, long eventTime, long contentHash, short[] sketch) {

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
