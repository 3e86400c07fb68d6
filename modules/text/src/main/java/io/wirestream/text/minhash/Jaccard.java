package io.wirestream.text.minhash;

/** Jaccard similarity of shingle sets: exact, estimated from MinHash signatures, and the LSH S-curve. */
public final class Jaccard {

    private Jaccard() {
    }

    /**
     * |A∩B| / |A∪B| of two sorted arrays of distinct values (as from Shingler); 1.0 if both are empty.
     * Cost: one merge, O(|A| + |B|); no allocation.
     */
    public static double exact(long[] sortedA, long[] sortedB) {
        int na = sortedA.length;
        int nb = sortedB.length;
        if (na == 0 && nb == 0) {
            return 1.0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < na && j < nb) {
            long x = sortedA[i];
            long y = sortedB[j];
            if (x < y) {
                i++;
            } else if (x > y) {
                j++;
            } else {
                common++;
                i++;
                j++;
            }
        }
        return (double) common / (na + nb - common);
    }

    /** The fraction of positions where two signatures agree: an unbiased estimate of the Jaccard similarity. Cost: O(n). */
    public static double estimate(int[] sigA, int[] sigB) {
        if (sigA.length != sigB.length) {
            throw new IllegalArgumentException("signatures differ in length: " + sigA.length + " and " + sigB.length);
        }
        if (sigA.length == 0) {
            throw new IllegalArgumentException("signatures are empty");
        }
        int equal = 0;
        for (int i = 0; i < sigA.length; i++) {
            if (sigA[i] == sigB[i]) {
                equal++;
            }
        }
        return (double) equal / sigA.length;
    }

    /** Probability that two sets of similarity {@code jaccard} share a band key: 1 - (1 - j^rows)^bands. */
    public static double candidateProbability(double jaccard, int bands, int rows) {
        if (!(jaccard >= 0.0 && jaccard <= 1.0)) {
            throw new IllegalArgumentException("jaccard must be in [0, 1], was " + jaccard);
        }
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException("bands and rows must be >= 1, were " + bands + " and " + rows);
        }
        return 1.0 - Math.pow(1.0 - Math.pow(jaccard, rows), bands);
    }
}
