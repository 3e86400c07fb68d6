package io.wirestream.client.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PointInTimeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void readsInstantsDatesAndAges() {
        assertThat(PointInTime.parse("2026-11-20T10:00:00Z", NOW)).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(PointInTime.parse("2026-11-20T10:00Z", NOW)).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(PointInTime.parse("2026-11-20T12:00+02:00", NOW)).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(PointInTime.parse("2026-11-20T10:00", NOW)).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(PointInTime.parse("2026-11-20", NOW)).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(PointInTime.parse("2h", NOW)).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(PointInTime.parse("3d", NOW)).isEqualTo(Instant.parse("2026-11-20T12:00:00Z"));
        assertThat(PointInTime.parse("PT30M", NOW)).isEqualTo(Instant.parse("2026-11-23T11:30:00Z"));
        assertThat(PointInTime.parse("now", NOW)).isEqualTo(NOW);
    }

    @Test
    void readsDurations() {
        assertThat(PointInTime.duration("60s")).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(PointInTime.duration("2m")).isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(PointInTime.duration("PT1H")).isEqualTo(java.time.Duration.ofHours(1));
        assertThatThrownBy(() -> PointInTime.duration("soon")).hasMessageContaining("cannot read duration 'soon'");
        assertThatThrownBy(() -> PointInTime.duration("2026-11-20")).hasMessageContaining("cannot read duration");
    }

    @Test
    void unreadableTimeNamesTheAcceptedForms() {
        assertThatThrownBy(() -> PointInTime.parse("yesterday", NOW))
                .hasMessageContaining("'yesterday'").hasMessageContaining("2026-11-20T10:00:00Z");
    }

    /** Kafka has no record before 1970 and refuses a negative time in its offset lookup: earlier times are 1970. */
    @Test
    void timesBefore1970AndAgesReachingPastItAreTheEpoch() {
        assertThat(PointInTime.parse("1960-01-01", NOW)).isEqualTo(Instant.EPOCH);
        assertThat(PointInTime.parse("0001-01-01T00:00Z", NOW)).isEqualTo(Instant.EPOCH);
        assertThat(PointInTime.parse("30000d", NOW)).isEqualTo(Instant.EPOCH);
        assertThat(PointInTime.parse("99999999999999d", NOW)).isEqualTo(Instant.EPOCH);
        assertThat(PointInTime.parse("1970-01-02", NOW)).isEqualTo(Instant.parse("1970-01-02T00:00:00Z"));
    }

    @Test
    void anAgeTooLongForADurationIsRefusedWithTheAcceptedForms() {
        assertThatThrownBy(() -> PointInTime.parse("9999999999999999999d", NOW)).hasMessageContaining("cannot read time");
        assertThatThrownBy(() -> PointInTime.duration("3000000000000000000w")).hasMessageContaining("cannot read duration");
    }
}
