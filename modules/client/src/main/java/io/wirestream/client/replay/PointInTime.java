package io.wirestream.client.replay;

import io.wirestream.client.Durations;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses the times replay and reset accept: {@code now}; an ISO-8601 instant or offset date-time
 * ({@code 2026-11-20T10:00:00Z}, {@code 2026-11-20T10:00Z}, {@code 2026-11-20T12:00+02:00}); a local
 * date-time or date, taken as UTC ({@code 2026-11-20T10:00}, {@code 2026-11-20} = midnight UTC); or an age
 * before now ({@code 90s}, {@code 15m}, {@code 2h}, {@code 3d}, or ISO {@code PT2H}). A time before 1970 (or an
 * age reaching past it) is 1970-01-01T00:00Z: Kafka has no earlier record timestamps, and its offset lookup
 * refuses negative ones.
 */
public final class PointInTime {

    /** An age before now: one or more amounts with units ({@code 90s}, {@code 1h30m}); see {@link Durations}. */
    private static final Pattern AGE = Pattern.compile("(\\d+(ms|s|m|h|d|w))+");

    private PointInTime() {
    }

    /**
     * A length of time: {@code 90s}, {@code 15m}, {@code 2h}, {@code 3d}, {@code 1w}, {@code 500ms} or ISO-8601
     * ({@code PT30S}).
     */
    public static Duration duration(String text) {
        try {
            return Durations.parse(text, "duration");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read duration '" + text + "': give e.g. 30s, 5m, 2h or PT30S");
        }
    }

    /** @throws IllegalArgumentException listing the accepted forms */
    public static Instant parse(String text, Instant now) {
        Instant t = read(text, now);
        return t.isBefore(Instant.EPOCH) ? Instant.EPOCH : t;
    }

    private static Instant read(String text, Instant now) {
        String t = text == null ? "" : text.trim();
        if (t.equalsIgnoreCase("now")) {
            return now;
        }
        if (AGE.matcher(t.toLowerCase(Locale.ROOT)).matches() || t.toUpperCase(Locale.ROOT).startsWith("P")) {
            Duration age;
            try {
                age = Durations.parse(t, "age");
            } catch (IllegalArgumentException e) {
                throw notATime(text);
            }
            try {
                return now.minus(age);
            } catch (ArithmeticException | DateTimeException e) {
                return Instant.EPOCH; // older than any instant: clamped like any time before 1970
            }
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw notATime(text);
        }
    }

    private static IllegalArgumentException notATime(String text) {
        return new IllegalArgumentException("cannot read time '" + text + "': give an ISO-8601 time such as "
                + "2026-11-20T10:00:00Z or 2026-11-20 (UTC), an age such as 2h, 3d or PT30M, or 'now'");
    }
}
