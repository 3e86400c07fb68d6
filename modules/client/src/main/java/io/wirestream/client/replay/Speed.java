package io.wirestream.client.replay;

import java.util.Locale;

/**
 * How fast a replay goes: a multiple of the original pace ({@code 1x} = as the records were stamped,
 * {@code 10x} ten times faster, {@code 0.5x} half as fast) or {@link #MAX} (no waiting at all).
 *
 * @param factor how many times faster than the original; {@link Double#POSITIVE_INFINITY} for {@code max}
 */
public record Speed(double factor) {

    /** As fast as the brokers allow. */
    public static final Speed MAX = new Speed(Double.POSITIVE_INFINITY);
    /** The original pace. */
    public static final Speed ORIGINAL = new Speed(1);

    public Speed {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("speed factor must be positive, was " + factor);
        }
    }

    /**
     * Parses {@code max}, {@code 4x}, {@code 0.5x} or a bare number ({@code 4}).
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static Speed parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("max")) {
            return MAX;
        }
        String number = t.endsWith("x") ? t.substring(0, t.length() - 1) : t;
        try {
            double f = Double.parseDouble(number);
            if (f > 0 && Double.isFinite(f)) {
                return new Speed(f);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("speed must be 'max' or a positive factor such as 1x, 10x or 0.5x, was '"
                + text + "'");
    }

    public boolean isMax() {
        return Double.isInfinite(factor);
    }

    /** Wall-clock nanoseconds that {@code eventMillis} of event time take at this speed; 0 at {@code max}. */
    public long wallNanos(long eventMillis) {
        return isMax() ? 0 : (long) (eventMillis * 1_000_000d / factor);
    }

    @Override
    public String toString() {
        if (isMax()) {
            return "max";
        }
        return (factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor)) + "x";
    }
}
