package io.wirestream.cli.tail;

import io.wirestream.client.Durations;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations and points in time as people type them on a command line: {@code 2h}, {@code 90m},
 * {@code 1h30m}, {@code 1d}, {@code 500ms} or ISO-8601 {@code PT2H}; {@code 2022-11-23T00:00Z},
 * {@code 2022-11-23T09:30:00+02:00} or a date ({@code 2022-11-23}, midnight UTC).
 */
public final class TimeArguments {

    private TimeArguments() {
    }

    /** A positive duration, in the notation of {@link Durations}. */
    public static Duration parseDuration(String text) {
        Duration d;
        try {
            d = Durations.parse(text, "'" + text + "'");
        } catch (IllegalArgumentException e) {
            throw notADuration(text);
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("'" + text + "': the duration must be positive");
        }
        return d;
    }

    /** A point in time with a zone (Z or an offset), or a date meaning its midnight UTC. */
    public static Instant parseInstant(String text) {
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException e) {
            // try the other forms
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            // fall through
        }
        if (t.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) {
            throw new IllegalArgumentException("'" + text + "' has no time zone: add Z for UTC or an offset, e.g. "
                    + t + "Z or " + t + "+02:00");
        }
        throw new IllegalArgumentException("'" + text + "' is not a time: use ISO-8601 like 2022-11-23T00:00Z, "
                + "2022-11-23T09:30+02:00 or a date 2022-11-23 (midnight UTC)");
    }

    private static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration: use e.g. 30s, 15m, 2h, 1d, 1h30m, 500ms "
                + "or ISO-8601 PT2H");
    }

    /** picocli converter for {@link #parseDuration}. */
    public static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return parseDuration(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** picocli converter for {@link #parseInstant}. */
    public static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return parseInstant(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
