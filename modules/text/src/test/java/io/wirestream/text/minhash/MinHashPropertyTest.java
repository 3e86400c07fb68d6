package io.wirestream.text.minhash;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.text.shingle.Shingler;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class MinHashPropertyTest {

    private static final int N = 256;
    private static final Shingler WORDS = new Shingler(1);

    /**
     * The estimate's error has standard deviation sqrt(J(1-J)/n) <= 0.5/sqrt(n). Averaged over 200 pairs the
     * mean absolute error is about 0.8 sigma with a spread far below the bound of 2*0.5/sqrt(n), so the check
     * cannot flake; it fails only if the hash functions are biased or correlated.
     */
    @Property(tries = 10)
    void estimateTracksExactJaccardOnAverage(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        MinHasher hasher = new MinHasher(N, random.nextLong());
        double totalError = 0;
        int beyondFourSigma = 0;
        for (int pair = 0; pair < 200; pair++) {
            long[][] sets = overlappingWordSets(random);
            double exact = Jaccard.exact(sets[0], sets[1]);
            double estimate = Jaccard.estimate(hasher.signature(sets[0]), hasher.signature(sets[1]));
            double error = Math.abs(estimate - exact);
            totalError += error;
            if (error > 4 * Math.sqrt(exact * (1 - exact) / N) + 1.0 / N) {
                beyondFourSigma++;
            }
        }
        assertThat(totalError / 200).isLessThan(2 * Math.sqrt(0.25 / N));
        assertThat(beyondFourSigma).isLessThanOrEqualTo(4);
    }

    /** The vectorised signature loop (two shingles per pass, long minima) equals the family applied one value at a time. */
    @Property(tries = 500)
    void signatureEqualsTheHashFamilyAppliedOneByOne(@ForAll @Size(max = 41) long[] set,
            @ForAll @IntRange(min = 1, max = 130) int numHashes, @ForAll long seed) {
        assertThat(new MinHasher(numHashes, seed).signature(set)).containsExactly(byDefinition(set, numHashes, seed));
    }

    /** The signature written out from the class's definition, one function and one value at a time. */
    static int[] byDefinition(long[] set, int numHashes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] expected = new int[numHashes];
        for (int i = 0; i < numHashes; i++) {
            long a = random.nextLong() | 1L;
            long b = random.nextLong();
            int min = Integer.MAX_VALUE;
            for (long x : set) {
                long key = Mix.fmix64(x) & 0xFFFFFFFFL;
                min = Math.min(min, (int) ((a * key + b) >>> 32));
            }
            expected[i] = min;
        }
        return expected;
    }

    @Property
    void exactIsSymmetricAndBetweenZeroAndOne(@ForAll long seed) {
        long[][] sets = overlappingWordSets(new SplittableRandom(seed));
        double ab = Jaccard.exact(sets[0], sets[1]);
        assertThat(ab).isEqualTo(Jaccard.exact(sets[1], sets[0])).isBetween(0.0, 1.0);
    }

    @Property
    void equalSignaturesGiveEqualBandKeys(@ForAll @Size(100) int[] signature) {
        assertThat(new LshBands(20, 5).bandKeys(signature.clone()))
                .containsExactly(new LshBands(20, 5).bandKeys(signature));
    }

    @Property
    void identicalTextsGiveIdenticalSignatures(@ForAll String text, @ForAll @IntRange(min = 1, max = 5) int k,
            @ForAll long seed) {
        int[] first = new MinHasher(128, seed).signature(new Shingler(k).shingleHashes(text));
        int[] second = new MinHasher(128, seed).signature(new Shingler(k).shingleHashes(new String(text)));
        assertThat(first).containsExactly(second);
    }

    /** Word sets of 20..300 words each, sharing a random fraction of their words, shingled one word at a time. */
    private static long[][] overlappingWordSets(SplittableRandom random) {
        int size = random.nextInt(20, 300);
        double overlap = random.nextDouble();
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < size; i++) {
            long word = random.nextLong();
            a.append('w').append(Long.toHexString(word)).append(' ');
            if (random.nextDouble() < overlap) {
                b.append('w').append(Long.toHexString(word)).append(' ');
            } else {
                b.append('v').append(Long.toHexString(random.nextLong())).append(' ');
            }
        }
        return new long[][] {WORDS.shingleHashes(a), WORDS.shingleHashes(b)};
    }
}
