package io.wirestream.client;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in rules and on the command line: {@code 30m}, {@code 2h}, {@code 1h30m},
 * {@code 1d}, {@code 1w}, {@code 500ms}, or ISO-8601 {@code PT30M}. The one parser of alerts, tail and replay.
 */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

    private Durations() {
    }

    /** Parses {@code text}; {@code what} names the option or field in the error. */
    public static Duration parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + ": a duration is required (e.g. 30m, 2h, 1d, PT30M)");
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(what + ": '" + text + "' is not a duration (e.g. 30m, 2h, 1d, PT30M)");
            }
        }
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SHORT.matcher(t);
        Duration total = Duration.ZERO;
        int at = 0;
        while (m.find() && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            try {
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    case "d" -> Duration.ofDays(n);
                    default -> Duration.ofDays(Math.multiplyExact(7, n));
                });
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(what + ": '" + text + "' is too long to be a duration");
            }
            at = m.end();
        }
        if (at == 0 || at != t.length()) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not a duration (e.g. 30m, 2h, 1d, PT30M)");
        }
        return total;
    }

    /** The shortest form of {@code millis} in the notation {@link #parse} reads: {@code 1h30m}, {@code 45s}, {@code 0}. */
    public static String format(long millis) {
        if (millis == 0) {
            return "0";
        }
        StringBuilder b = new StringBuilder();
        long rest = millis;
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (rest >= units[i]) {
                b.append(rest / units[i]).append(names[i]);
                rest %= units[i];
            }
        }
        return b.toString();
    }
}
