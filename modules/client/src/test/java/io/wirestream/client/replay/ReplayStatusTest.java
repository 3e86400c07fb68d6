package io.wirestream.client.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplayStatusTest {

    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    @Test
    void progressLineShowsShareOfEventTimeCountsRateAndEta() {
        ReplayStatus s = new ReplayStatus(1_300, 1_200, 1_150, 90, 10, Optional.of(T0), Optional.of(T0.plusSeconds(3_600)),
                T0.plusSeconds(4 * 3_600), Duration.ofSeconds(30));

        assertThat(s.fraction()).isEqualTo(0.25);
        assertThat(s.eta()).contains(Duration.ofSeconds(90));
        assertThat(s.line()).isEqualTo("[#####---------------]  25% 1200 matched of 1300 read, 1150 written, 40/s, at "
                + "2026-11-20T01:00:00Z, ETA 1:30");
    }

    @Test
    void nothingMatchedYetHasNoEta() {
        ReplayStatus s = new ReplayStatus(5, 0, 0, 5, 0, Optional.empty(), Optional.empty(), T0, Duration.ofSeconds(2));

        assertThat(s.eta()).isEmpty();
        assertThat(s.line()).startsWith("[--------------------]   0% 0 matched of 5 read");
    }

    @Test
    void longEtaHasHours() {
        assertThat(ReplayStatus.clock(Duration.ofSeconds(3_725))).isEqualTo("1:02:05");
    }
}
