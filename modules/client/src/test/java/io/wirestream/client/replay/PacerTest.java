package io.wirestream.client.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

    /** A clock that moves only when the pacer sleeps, or when the test says time was spent elsewhere. */
    private static final class FakeTime {
        long nanos = 1_000_000_000L;
        final List<Long> sleeps = new ArrayList<>();

        Pacer pacer(Speed speed) {
            return new Pacer(speed, () -> nanos, n -> {
                sleeps.add(n);
                nanos += n;
            });
        }
    }

    @Test
    void recordsAreDueAtTheirTimestampGapDividedByTheFactor() throws InterruptedException {
        FakeTime time = new FakeTime();
        Pacer pacer = time.pacer(Speed.parse("4x"));
        long start = time.nanos;

        pacer.await(10_000);
        pacer.await(12_000);
        long second = time.nanos;
        pacer.await(16_000);

        assertThat(second - start).isEqualTo(500_000_000L);
        assertThat(time.nanos - start).isEqualTo(1_500_000_000L);
    }

    @Test
    void workBetweenRecordsIsNotAddedToTheSchedule() throws InterruptedException {
        FakeTime time = new FakeTime();
        Pacer pacer = time.pacer(Speed.ORIGINAL);
        long start = time.nanos;

        pacer.await(0);
        time.nanos += 300_000_000L; // sending took 300 ms
        pacer.await(1_000);
        time.nanos += 2_000_000_000L; // a stall longer than the next gap
        pacer.await(2_000);
        pacer.await(3_000);
        pacer.await(5_000);

        // caught up after the stall, then back on the original schedule: start + 5 s
        assertThat(time.sleeps).containsExactly(700_000_000L, 2_000_000_000L);
        assertThat(time.nanos - start).isEqualTo(5_000_000_000L);
    }

    @Test
    void recordStampedBeforeTheFirstIsDueAtOnce() throws InterruptedException {
        FakeTime time = new FakeTime();
        Pacer pacer = time.pacer(Speed.parse("0.5x"));

        pacer.await(5_000);
        pacer.await(4_000);

        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void maxNeverSleeps() throws InterruptedException {
        FakeTime time = new FakeTime();
        Pacer pacer = time.pacer(Speed.MAX);

        pacer.await(0);
        pacer.await(3_600_000);

        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void speedParsesFactorsAndMax() {
        assertThat(Speed.parse("10x").factor()).isEqualTo(10);
        assertThat(Speed.parse("0.5x").factor()).isEqualTo(0.5);
        assertThat(Speed.parse("3").factor()).isEqualTo(3);
        assertThat(Speed.parse("MAX").isMax()).isTrue();
        assertThat(Speed.parse("2x")).hasToString("2x");
        assertThatThrownBy(() -> Speed.parse("0x")).hasMessageContaining("positive factor such as 1x");
        assertThatThrownBy(() -> Speed.parse("fast")).hasMessageContaining("'fast'");
    }
}
