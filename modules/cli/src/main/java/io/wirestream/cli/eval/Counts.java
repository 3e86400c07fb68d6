package io.wirestream.cli.eval;

import java.util.Locale;

/** True positives, false positives and false negatives; a ratio with a zero denominator is 0. */
public record Counts(long tp, long fp, long fn) {

    public Counts plus(Counts o) {
        return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
    }

    public double precision() {
        return ratio(tp, tp + fp);
    }

    public double recall() {
        return ratio(tp, tp + fn);
    }

    public double f1() {
        return f1(precision(), recall());
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    static double ratio(long num, long den) {
        return den == 0 ? 0 : (double) num / den;
    }

    /** The evaluations' number format: four decimals, locale-independent. */
    static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
