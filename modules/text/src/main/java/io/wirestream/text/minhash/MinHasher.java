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
 * the set; Integer.MAX_VALUE for the empty set. Deterministic for a seed; thread-safe (the only mutable
 * state is a per-thread scratch buffer).
 */
public final class MinHasher {

    private final long[] a;
    private final long[] b;
    /** Per thread: the running minimum of each function, as a long so that the loop stays vectorisable. */
    private final ThreadLocal<long[]> least;

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
        least = ThreadLocal.withInitial(() -> new long[numHashes]);
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
        long[] min = least.get();
        Arrays.fill(min, Integer.MAX_VALUE);
        int m = shingleHashes.length;
        int s = 0;
        // Two shingles per pass over the functions: a_i, b_i and min[i] are loaded once for two products. The loop
        // body is all long arithmetic with a branch-free minimum because that is what C2 (Java 17) vectorises: with
        // AVX-512 about 4 times faster than int results and Math.min, which it leaves scalar.
        for (; s + 2 <= m; s += 2) {
            long k0 = key(shingleHashes[s]);
            long k1 = key(shingleHashes[s + 1]);
            for (int i = 0; i < n; i++) {
                long ai = a[i];
                long bi = b[i];
                min[i] = min(min(min[i], hash(ai, bi, k0)), hash(ai, bi, k1));
            }
        }
        for (; s < m; s++) {
            long k = key(shingleHashes[s]);
            for (int i = 0; i < n; i++) {
                min[i] = min(min[i], hash(a[i], b[i], k));
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = (int) min[i];
        }
    }

    /** h_i of a key: the high 32 bits of a*key + b as a signed int, sign-extended ({@code >>}, not {@code >>>}). */
    private static long hash(long a, long b, long key) {
        return (a * key + b) >> 32;
    }

    /** Math.min for values that differ by less than 2^63 (here: ints held in longs), without a branch. */
    private static long min(long x, long y) {
        long d = y - x;
        return x + (d & (d >> 63));
    }

    /** The 32-bit key the hash family works on: low half of fmix64, so any input spreads evenly. */
    private static long key(long shingleHash) {
        return fmix64(shingleHash) & 0xFFFFFFFFL;
    }
}
