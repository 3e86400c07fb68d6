package io.wirestream.text.minhash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.text.shingle.Shingler;
import org.junit.jupiter.api.Test;

class MinHasherTest {

    private static final String STORY = "Storm closes ports along the coast as ferries stay in harbour for a second day";

    @Test
    void emptySetHasAllMaxValues() {
        assertThat(new MinHasher(8, 1).signature(new long[0])).hasSize(8).containsOnly(Integer.MAX_VALUE);
    }

    @Test
    void signatureIsTheMinimumOfEachHashFunction() {
        long[] set = {3, -11, 42, 1L << 40};
        MinHasher hasher = new MinHasher(64, 7);
        int[] sig = hasher.signature(set);
        int[][] singles = new int[set.length][];
        for (int s = 0; s < set.length; s++) {
            singles[s] = hasher.signature(new long[] {set[s]});
        }
        for (int i = 0; i < 64; i++) {
            int min = Integer.MAX_VALUE;
            for (int[] single : singles) {
                min = Math.min(min, single[i]);
            }
            assertThat(sig[i]).isEqualTo(min);
        }
    }

    @Test
    void matchesTheHashFamilyWrittenOutFromItsDefinition() {
        long seed = 2026;
        long[] set = {1, 2, 3, Long.MIN_VALUE, Long.MAX_VALUE};
        assertThat(new MinHasher(16, seed).signature(set)).containsExactly(MinHashPropertyTest.byDefinition(set, 16, seed));
    }

    @Test
    void sameSeedGivesSameSignatureAndDifferentSeedsDiffer() {
        long[] shingles = new Shingler(3).shingleHashes(STORY);
        assertThat(new MinHasher(128, 42).signature(shingles)).containsExactly(new MinHasher(128, 42).signature(shingles));
        assertThat(new MinHasher(128, 42).signature(shingles)).isNotEqualTo(new MinHasher(128, 43).signature(shingles));
    }

    @Test
    void signatureIntoBufferEqualsAllocatingSignature() {
        long[] shingles = new Shingler(3).shingleHashes(STORY);
        MinHasher hasher = new MinHasher(100, 5);
        int[] out = new int[100];
        out[3] = Integer.MIN_VALUE; // stale content must be overwritten
        hasher.signature(shingles, out);
        assertThat(out).containsExactly(hasher.signature(shingles));
    }

    @Test
    void bufferMustHaveNumHashesEntries() {
        assertThatThrownBy(() -> new MinHasher(100, 5).signature(new long[] {1}, new int[99]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numHashes=100");
    }

    @Test
    void nearDuplicateStoriesEstimateHighSimilarityAndUnrelatedOnesLow() {
        Shingler shingler = new Shingler(3);
        MinHasher hasher = new MinHasher(128, 1);
        int[] story = hasher.signature(shingler.shingleHashes(STORY));
        int[] edited = hasher.signature(shingler.shingleHashes(STORY + ", officials said."));
        int[] other = hasher.signature(shingler.shingleHashes("Central bank leaves interest rates unchanged"));
        assertThat(Jaccard.estimate(story, edited)).isGreaterThan(0.6);
        assertThat(Jaccard.estimate(story, other)).isLessThan(0.1);
    }
}
