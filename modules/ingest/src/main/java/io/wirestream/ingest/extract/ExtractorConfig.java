package io.wirestream.ingest.extract;

/**
 * Extraction limits, validated once.
 *
 * @param maxBytes     documents larger than this are rejected before decoding
 * @param minBodyChars articles whose cleaned body is shorter than this are rejected (a teaser, a stub, a
 *                     page that was all site furniture)
 */
public record ExtractorConfig(int maxBytes, int minBodyChars) {

    public static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
    public static final int DEFAULT_MIN_BODY_CHARS = 80;

    public ExtractorConfig {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("extract max bytes must be >= 1, was " + maxBytes);
        }
        if (minBodyChars < 1) {
            throw new IllegalArgumentException("extract min body chars must be >= 1, was " + minBodyChars);
        }
    }

    public static ExtractorConfig defaults() {
        return new ExtractorConfig(DEFAULT_MAX_BYTES, DEFAULT_MIN_BODY_CHARS);
    }
}
