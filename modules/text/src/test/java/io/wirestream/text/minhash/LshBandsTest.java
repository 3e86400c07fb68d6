package io.wirestream.text.minhash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LshBandsTest {

    @Test
    void oneKeyPerBand() {
        assertThat(new LshBands(20, 5).bandKeys(new int[100])).hasSize(20);
    }

    @Test
    void equalRowsInDifferentBandsGiveDifferentKeys() {
        int[] sig = new int[100];
        Arrays.fill(sig, 17);
        assertThat(new LshBands(20, 5).bandKeys(sig)).doesNotHaveDuplicates();
    }

    @Test
    void aChangeInOneRowChangesOnlyItsBandKey() {
        int[] sig = new int[100];
        Arrays.setAll(sig, i -> i * 31);
        int[] changed = sig.clone();
        changed[12] = -1; // band 2 of 5-row bands
        long[] before = new LshBands(20, 5).bandKeys(sig);
        long[] after = new LshBands(20, 5).bandKeys(changed);
        for (int j = 0; j < 20; j++) {
            if (j == 2) {
                assertThat(after[j]).isNotEqualTo(before[j]);
            } else {
                assertThat(after[j]).isEqualTo(before[j]);
            }
        }
    }

    @Test
    void rowOrderWithinABandMatters() {
        assertThat(new LshBands(1, 2).bandKeys(new int[] {1, 2})).isNotEqualTo(new LshBands(1, 2).bandKeys(new int[] {2, 1}));
    }

    @Test
    void valuesBeyondBandsTimesRowsAreIgnored() {
        assertThat(new LshBands(2, 2).bandKeys(new int[] {1, 2, 3, 4, 99}))
                .containsExactly(new LshBands(2, 2).bandKeys(new int[] {1, 2, 3, 4}));
    }

    @Test
    void signatureShorterThanBandsTimesRowsIsRejected() {
        assertThatThrownBy(() -> new LshBands(20, 5).bandKeys(new int[99])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bands*rows=100");
    }

    @Test
    void keysArePinnedAcrossJvmsAndReleases() {
        assertThat(new LshBands(2, 2).bandKeys(new int[] {1, 2, 3, 4})).containsExactly(GOLDEN_1234);
    }

    private static final long[] GOLDEN_1234 = {-3103840233882679570L, -4737065900892226584L};
}
