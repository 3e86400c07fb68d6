package io.wirestream.cli.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeArgumentsTest {

    @Test
    void shortDurationsAddUp() {
        assertThat(TimeArguments.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(TimeArguments.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(TimeArguments.parseDuration("1d")).isEqualTo(Duration.ofHours(24));
        assertThat(TimeArguments.parseDuration("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(TimeArguments.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(TimeArguments.parseDuration("PT2H")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void malformedOrNonPositiveDurationsAreRejectedWithTheAcceptedForms() {
        assertThatThrownBy(() -> TimeArguments.parseDuration("2x")).hasMessageContaining("'2x' is not a duration: use e.g. 30s");
        assertThatThrownBy(() -> TimeArguments.parseDuration("h2")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> TimeArguments.parseDuration("")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> TimeArguments.parseDuration("0m")).hasMessageContaining("must be positive");
    }

    @Test
    void timesNeedAZoneOrAreADateAtMidnightUtc() {
        assertThat(TimeArguments.parseInstant("2022-11-23T00:00Z")).isEqualTo(Instant.parse("2022-11-23T00:00:00Z"));
        assertThat(TimeArguments.parseInstant("2022-11-23T09:30+02:00")).isEqualTo(Instant.parse("2022-11-23T07:30:00Z"));
        assertThat(TimeArguments.parseInstant("2022-11-23")).isEqualTo(Instant.parse("2022-11-23T00:00:00Z"));
        assertThatThrownBy(() -> TimeArguments.parseInstant("2022-11-23T00:00"))
                .hasMessageContaining("has no time zone: add Z for UTC or an offset, e.g. 2022-11-23T00:00Z");
        assertThatThrownBy(() -> TimeArguments.parseInstant("yesterday")).hasMessageContaining("'yesterday' is not a time");
    }
}
