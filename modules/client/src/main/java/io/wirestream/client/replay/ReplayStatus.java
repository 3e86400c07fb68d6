package io.wirestream.client.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a replay stands.
 *
 * @param read       records read from the range's offsets
 * @param matched    records in the time range whose headers passed the filter
 * @param written    records the sink has delivered
 * @param filtered   records in the time range the filter left out
 * @param outside    records read but stamped outside {@code [from, to)} (out of order in their partition)
 * @param first      timestamp of the first matched record, if any
 * @param last       timestamp of the latest matched record, if any
 * @param horizon    where the replay's event time ends: {@code to}, or now when {@code to} is in the future
 * @param elapsed    wall-clock time since the replay started
 */
public record ReplayStatus(long read, long matched, long written, long filtered, long outside,
        Optional<Instant> first, Optional<Instant> last, Instant horizon, Duration elapsed) {

    /** Share of the event-time span done, 0..1, by the latest record's timestamp. */
    public double fraction() {
        if (first.isEmpty() || last.isEmpty()) {
            return 0;
        }
        long span = horizon.toEpochMilli() - first.get().toEpochMilli();
        if (span <= 0) {
            return 1;
        }
        return Math.min(1, Math.max(0, (last.get().toEpochMilli() - first.get().toEpochMilli()) / (double) span));
    }

    /** Estimated time left, by how far event time has advanced in the time taken so far. */
    public Optional<Duration> eta() {
        double f = fraction();
        if (f <= 0 || elapsed.isZero()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) (elapsed.toMillis() * (1 - f) / f)));
    }

    /** Records matched per second of wall-clock time. */
    public double rate() {
        return elapsed.toMillis() == 0 ? 0 : matched * 1000d / elapsed.toMillis();
    }

    /** One progress line: {@code [#####-----] 52% 1200 matched of 1300 read, 400/s, at 2026-11-20T10:00:00Z, ETA 0:03}. */
    public String line() {
        double f = fraction();
        int filled = (int) Math.round(f * 20);
        StringBuilder b = new StringBuilder("[").append("#".repeat(filled)).append("-".repeat(20 - filled)).append("] ");
        b.append(String.format(Locale.ROOT, "%3d%% %d matched of %d read, %d written, %.0f/s", Math.round(f * 100), matched,
                read, written, rate()));
        last.ifPresent(t -> b.append(", at ").append(t));
        eta().ifPresent(d -> b.append(", ETA ").append(clock(d)));
        return b.toString();
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
