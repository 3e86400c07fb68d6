package io.wirestream.text.minhash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JaccardTest {

    @Test
    void exactIsIntersectionOverUnion() {
        // {1,2,3,4} and {3,4,5}: 2 common of 5.
        assertThat(Jaccard.exact(new long[] {1, 2, 3, 4}, new long[] {3, 4, 5})).isEqualTo(0.4);
        assertThat(Jaccard.exact(new long[] {-7, 1}, new long[] {-7, 1})).isEqualTo(1.0);
        assertThat(Jaccard.exact(new long[] {1}, new long[] {2})).isEqualTo(0.0);
    }

    @Test
    void exactOfEmptySets() {
        assertThat(Jaccard.exact(new long[0], new long[0])).isEqualTo(1.0);
        assertThat(Jaccard.exact(new long[0], new long[] {1})).isEqualTo(0.0);
        assertThat(Jaccard.exact(new long[] {1}, new long[0])).isEqualTo(0.0);
    }

    @Test
    void estimateIsTheFractionOfEqualPositions() {
        assertThat(Jaccard.estimate(new int[] {1, 2, 3, 4}, new int[] {1, 0, 3, 0})).isEqualTo(0.5);
        assertThat(Jaccard.estimate(new int[] {5}, new int[] {5})).isEqualTo(1.0);
    }

    @Test
    void estimateNeedsSignaturesOfEqualLength() {
        assertThatThrownBy(() -> Jaccard.estimate(new int[2], new int[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void candidateProbabilityIsTheLshSCurve() {
        assertThat(Jaccard.candidateProbability(0.0, 20, 5)).isEqualTo(0.0);
        assertThat(Jaccard.candidateProbability(1.0, 20, 5)).isEqualTo(1.0);
        // 1 - (1 - 0.5^5)^20
        assertThat(Jaccard.candidateProbability(0.5, 20, 5)).isCloseTo(0.47005, within(1e-5));
        assertThat(Jaccard.candidateProbability(0.8, 20, 5)).isCloseTo(0.9996, within(1e-4));
        assertThat(Jaccard.candidateProbability(0.5, 1, 1)).isEqualTo(0.5);
    }

    @Test
    void candidateProbabilityRejectsSimilarityOutsideZeroToOne() {
        assertThatThrownBy(() -> Jaccard.candidateProbability(1.5, 20, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jaccard.candidateProbability(Double.NaN, 20, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
