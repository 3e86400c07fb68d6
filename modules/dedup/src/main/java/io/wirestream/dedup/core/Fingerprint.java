package io.wirestream.dedup.core;

/**
 * What dedup needs of an article's text.
 *
 * @param contentHash 64 bits of the hash of the normalised title and body: equal for exact copies
 * @param shingles    number of distinct shingles
 * @param sketch      the MinHash signature truncated to 16 bits per value (collisions of unequal values:
 *                    1 in 65,536, negligible next to MinHash's own variance); empty for short texts
 * @param bandKeys    LSH band keys; empty for texts below {@code minShingles}, which match exactly only
 * @param shingleSet  the sorted distinct shingle hashes, for exact verification near the threshold
 */
public record Fingerprint(long contentHash, int shingles, short[] sketch, long[] bandKeys, long[] shingleSet) {

    /** Whether the text is long enough for near-duplicate matching. */
    public boolean nearMatching() {
        return bandKeys.length > 0;
    }
}
