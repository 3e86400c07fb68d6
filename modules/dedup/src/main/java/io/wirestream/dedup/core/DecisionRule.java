package io.wirestream.dedup.core;

import io.wirestream.model.DuplicateStatus;

/**
 * The one decision rule, shared by the streaming service and the offline {@code cluster} command: an
 * article duplicates the earliest (event time, then id) earlier candidate that is an exact copy or whose
 * similarity reaches the threshold; with none, it is an original. Exact copies are EXACT_DUPLICATE, the
 * rest NEAR_DUPLICATE.
 */
public final class DecisionRule {

    private final double threshold;

    public DecisionRule(double threshold) {
        this.threshold = threshold;
    }

    /** Whether {@code c} qualifies as what an article duplicates. */
    public boolean qualifies(Candidate c) {
        return c.exact() || c.similarity() >= threshold;
    }

    /**
     * The better of the current decision and a newly seen candidate for the article at
     * {@code (eventTime, articleId)}; {@code current} may be ORIGINAL. Decisions only ever move to an
     * earlier duplicate-of, so applying candidates in any order converges to the same result.
     */
    public Decision improve(Decision current, long eventTime, String articleId, Candidate c,
                            long currentDuplicateOfTime) {
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
