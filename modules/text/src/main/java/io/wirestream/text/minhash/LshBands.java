package io.wirestream.text.minhash;

import static io.wirestream.text.minhash.Mix.GOLDEN;
import static io.wirestream.text.minhash.Mix.fmix64;

/**
 * Locality-sensitive hashing of MinHash signatures: the signature is cut into {@code bands} bands of
 * {@code rows} values, and each band becomes one 64-bit key. Two sets share at least one key with
 * probability {@link Jaccard#candidateProbability}. Key j is
 * {@code h = fmix64((j + 1) * GOLDEN); for each row value v: h = fmix64(h ^ (v & 0xFFFFFFFFL))}, so equal
 * rows in different bands give different keys. Immutable and thread-safe.
 */
public final class LshBands {

    private final int bands;
    private final int rows;

    public LshBands(int bands, int rows) {
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException("bands and rows must be >= 1, were " + bands + " and " + rows);
        }
        this.bands = bands;
        this.rows = rows;
    }

    public int bands() {
        return bands;
    }

    public int rows() {
        return rows;
    }

    /** One key per band from the first bands*rows signature values. Cost: bands*rows mixes; allocates only the result. */
    public long[] bandKeys(int[] signature) {
        if (signature.length < bands * rows) {
            throw new IllegalArgumentException("signature has " + signature.length + " values, needs bands*rows="
                    + bands * rows);
        }
        long[] keys = new long[bands];
        for (int j = 0, p = 0; j < bands; j++) {
            long h = fmix64((j + 1) * GOLDEN);
            for (int r = 0; r < rows; r++, p++) {
                h = fmix64(h ^ (signature[p] & 0xFFFFFFFFL));
            }
            keys[j] = h;
        }
        return keys;
    }
}
