package io.wirestream.dedup.core;

/**
 * An earlier article that shares an LSH bucket (or the exact-text bucket) with the article being decided.
 *
 * @param articleId  the earlier article
 * @param eventTime  its event time, epoch millis
 * @param similarity estimated Jaccard similarity of the two shingle sets (1.0 for exact copies)
 * @param exact      true when both have the same normalised-text hash
 * @param verified   true when {@code similarity} is the exact Jaccard similarity of the shingle sets,
 *                   false when it is the MinHash estimate
 */
public record Candidate(String articleId, long eventTime, double similarity, boolean exact, boolean verified) {

    /** The same candidate with its similarity replaced by the exact one. */
    public Candidate verifiedAs(double exactSimilarity) {
        return new Candidate(articleId, eventTime, exactSimilarity, exact, true);
    }

    /** Whether this candidate comes before {@code (eventTime, articleId)} in event-time order. */
    public boolean isBefore(long otherTime, String otherId) {
        return EventOrder.compare(eventTime, articleId, otherTime, otherId) < 0;
    }
}
