package io.wirestream.tagger.data;

import java.time.LocalDate;

/** An office an actor holds from {@code from} (inclusive) until {@code to} (exclusive; null while held). */
public record Role(String title, LocalDate from, LocalDate to) {

    public boolean heldOn(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || date.isBefore(to));
    }

    /** Parses {@code FROM..TO Title}; dates are YYYY, YYYY-MM or YYYY-MM-DD. */
    public static Role parse(String spec) {
        int space = spec.indexOf(' ');
        int dots = spec.indexOf("..");
        if (space < 0 || dots < 0 || dots > space) {
            throw new IllegalArgumentException("role must read 'FROM..TO Title': " + spec);
        }
        return new Role(spec.substring(space + 1).strip(), date(spec.substring(0, dots), false),
                date(spec.substring(dots + 2, space), true));
    }

    /**
     * A date of day, month or year precision. An end date of month or year precision ends with that month or
     * year ({@code 2025-10..2025-10} is held through October), a start date starts with it.
     */
    private static LocalDate date(String s, boolean end) {
        if (s.isBlank()) {
            return null;
        }
        String[] p = s.strip().split("-");
        LocalDate first = LocalDate.of(Integer.parseInt(p[0]), p.length > 1 ? Integer.parseInt(p[1]) : 1,
                p.length > 2 ? Integer.parseInt(p[2]) : 1);
        if (!end || p.length > 2) {
            return first;
        }
        return p.length > 1 ? first.plusMonths(1) : first.plusYears(1);
    }
}
