package io.wirestream.dedup.core;

import io.wirestream.model.DuplicateStatus;

/**
 * The one decision rule, shared by the streaming service and the offline {@code cluster} command: an
 * article duplicates the earliest (event time, then id) earlier candidate that is an exact copy or whose
 * similarity reaches the threshold; with none, it is an original. Exact copies are EXACT_DUPLICATE, the
 * rest NEAR_DUPLICATE.
 *
 * <p>A MinHash estimate within {@link #VERIFY_MARGIN} of the threshold is not trusted: such a candidate
 * is verified with the exact Jaccard similarity of the two shingle sets before it counts (with 100 values
 * the estimate's standard deviation is 0.04 at J = 0.8, so estimates outside the margin are wrong about
 * the side of the threshold with probability well under 1e-4).
 */
public final class DecisionRule {

    /** Estimates this close to the threshold are verified exactly. */
    public static final double VERIFY_MARGIN = 0.15;

    private final double threshold;

    public DecisionRule(double threshold) {
        this.threshold = threshold;
    }

    /** Whether {@code c} qualifies as what an article duplicates (ask {@link #needsVerification} first). */
    public boolean qualifies(Candidate c) {
        return c.exact() || c.similarity() >= threshold;
    }

    /** Whether {@code c}'s similarity is an estimate too close to the threshold to decide on. */
    public boolean needsVerification(Candidate c) {
        return !c.verified() && Math.abs(c.similarity() - threshold) < VERIFY_MARGIN;
    }

    /**
     * The better of the current decision and a newly seen candidate for the article at
     * {@code (eventTime, articleId)}; {@code current} may be ORIGINAL. Decisions only ever move to an
     * earlier duplicate-of, so applying candidates in any order converges to the same result.
     */
    public Decision improve(Decision current, long eventTime, String articleId, Candidate c,
                            long currentDuplicateOfTime) {
        if (needsVerification(c)) {
            throw new IllegalArgumentException("candidate " + c.articleId() + " must be verified before it is applied");
        }
        if (!qualifies(c) || !c.isBefore(eventTime, articleId)) {
            return current;
        }
        if (current.isDuplicate()
                && EventOrder.compare(currentDuplicateOfTime, current.duplicateOf(), c.eventTime(), c.articleId()) <= 0) {
            return current;
        }
        return new Decision(c.exact() ? DuplicateStatus.EXACT_DUPLICATE : DuplicateStatus.NEAR_DUPLICATE,
                c.articleId(), c.exact() ? 1.0 : c.similarity());
    }

    public double threshold() {
        return threshold;
    }
}
