package io.wirestream.text.minhash;

import static io.wirestream.text.minhash.Mix.fmix64;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MinHash signatures of shingle sets. Hash function i is
 * {@code h_i(x) = (int) ((a_i * key(x) + b_i) >>> 32)} with {@code key(x)} the low 32 bits of
 * {@code fmix64(x)}, {@code a_i} odd and {@code b_i} drawn from {@code SplittableRandom(seed)}: the
 * multiply-add-shift family of Dietzfelbinger, 2-independent on 32-bit keys, one multiply per
 * (shingle, function) so the inner loop vectorises. Signature i is the least h_i (signed compare) over
 * the set; Integer.MAX_VALUE for the empty set. Deterministic for a seed; immutable and thread-safe.
 */
public final class MinHasher {

    private final long[] a;
    private final long[] b;

    public MinHasher(int numHashes, long seed) {
        if (numHashes < 1) {
            throw new IllegalArgumentException("numHashes must be >= 1, was " + numHashes);
        }
        SplittableRandom random = new SplittableRandom(seed);
        a = new long[numHashes];
        b = new long[numHashes];
        for (int i = 0; i < numHashes; i++) {
            a[i] = random.nextLong() | 1L;
            b[i] = random.nextLong();
        }
    }

    public int numHashes() {
        return a.length;
    }

    /** A new signature of the set. Cost: s * numHashes multiply-adds for s shingles; allocates only the result. */
    public int[] signature(long[] shingleHashes) {
        int[] out = new int[a.length];
        signature(shingleHashes, out);
        return out;
    }

    /** Writes the signature into {@code out} (length numHashes). Cost: s * numHashes multiply-adds; no allocation. */
    public void signature(long[] shingleHashes, int[] out) {
        int n = a.length;
        if (out.length != n) {
            throw new IllegalArgumentException("out must have length numHashes=" + n + ", was " + out.length);
        }
        long[] a = this.a;
        long[] b = this.b;
        Arrays.fill(out, Integer.MAX_VALUE);
        int m = shingleHashes.length;
        int s = 0;
        // Four shingles per pass over the functions: a_i, b_i and out[i] are loaded once for four products.
        for (; s + 4 <= m; s += 4) {
            long k0 = key(shingleHashes[s]);
            long k1 = key(shingleHashes[s + 1]);
            long k2 = key(shingleHashes[s + 2]);
            long k3 = key(shingleHashes[s + 3]);
            for (int i = 0; i < n; i++) {
                long ai = a[i];
                long bi = b[i];
                int h01 = Math.min((int) ((ai * k0 + bi) >>> 32), (int) ((ai * k1 + bi) >>> 32));
                int h23 = Math.min((int) ((ai * k2 + bi) >>> 32), (int) ((ai * k3 + bi) >>> 32));
                out[i] = Math.min(out[i], Math.min(h01, h23));
            }
        }
        for (; s < m; s++) {
            long k = key(shingleHashes[s]);
            for (int i = 0; i < n; i++) {
                out[i] = Math.min(out[i], (int) ((a[i] * k + b[i]) >>> 32));
            }
        }
    }

    /** The 32-bit key the hash family works on: low half of fmix64, so any input spreads evenly. */
    private static long key(long shingleHash) {
        return fmix64(shingleHash) & 0xFFFFFFFFL;
    }
}
