package io.wirestream.dedup.core;

import io.wirestream.model.DuplicateStatus;

/**
 * The outcome for one article: ORIGINAL, or a duplicate of the earliest qualifying earlier article.
 *
 * @param similarity estimated similarity with {@code duplicateOf}; 1.0 for originals
 */
public record Decision(DuplicateStatus status, String duplicateOf, double similarity) {

    public static final Decision ORIGINAL = new Decision(DuplicateStatus.ORIGINAL, null, 1.0);

    public boolean isDuplicate() {
        return status != DuplicateStatus.ORIGINAL;
    }
}
