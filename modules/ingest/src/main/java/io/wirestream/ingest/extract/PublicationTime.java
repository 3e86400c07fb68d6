package io.wirestream.ingest.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A publication time read from text: absolute ("2026-11-19T08:00:00Z", "Nov 23, 2022 at 10:15 AM EST",
 * RFC 1123) or relative to the fetch time ("2 weeks ago", "an hour ago", "yesterday"), in which case it is
 * approximate. Pure: "now" is always the caller's (the document's fetch time).
 *
 * @param at          the instant
 * @param approximate true when resolved from a relative phrase
 */
record PublicationTime(Instant at, boolean approximate) {

    /** A relative time phrase anywhere in a string; group 1 the amount, group 2 the unit, or a day word. */
    static final String RELATIVE = "(?:(\\d{1,3}|an?|one)\\s+(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\\s+ago"
            + "|yesterday|today|just now)";
    private static final Pattern RELATIVE_ONLY = Pattern.compile("(?i)^\\s*" + RELATIVE + "\\s*$");

    private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
    /** "November 23, 2022", "Nov. 23 2022 at 10:15 AM EST", "23 November 2022 10:15". */
    static final String DATE_WORDS = "(?:" + MONTH + "\\s+(\\d{1,2}),?\\s+(\\d{4})|(\\d{1,2})\\s+" + MONTH.replace("(jan", "(?:jan") + "\\s+(\\d{4}))"
            + "(?:,?\\s*(?:at\\s+)?(\\d{1,2}):(\\d{2})\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*([a-z]{2,4})?)?";
    private static final Pattern DATE_WORDS_ONLY = Pattern.compile("(?i)^\\s*" + DATE_WORDS + "\\s*$");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Map<String, Integer> ZONE_HOURS = Map.ofEntries(Map.entry("utc", 0), Map.entry("gmt", 0),
            Map.entry("z", 0), Map.entry("bst", 1), Map.entry("cet", 1), Map.entry("cest", 2), Map.entry("est", -5),
            Map.entry("edt", -4), Map.entry("cst", -6), Map.entry("cdt", -5), Map.entry("pst", -8), Map.entry("pdt", -7));

    /** Parses an absolute or relative time; empty when the text is neither. */
    static Optional<PublicationTime> parse(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        Optional<Instant> absolute = absolute(s);
        if (absolute.isPresent()) {
            return absolute.map(t -> new PublicationTime(t, false));
        }
        Matcher m = RELATIVE_ONLY.matcher(s);
        return m.matches() ? Optional.of(new PublicationTime(relative(m, now), true)) : Optional.empty();
    }

    /** Resolves a matched {@link #RELATIVE} phrase (groups 1 and 2 of the matcher) against {@code now}. */
    static Instant relative(Matcher m, Instant now) {
        String phrase = m.group().strip().toLowerCase(Locale.ROOT);
        if (phrase.equals("yesterday")) {
            return now.minus(1, ChronoUnit.DAYS);
        }
        if (phrase.equals("today") || phrase.equals("just now")) {
            return now;
        }
        String amountText = m.group(1).toLowerCase(Locale.ROOT);
        long amount = Character.isDigit(amountText.charAt(0)) ? Long.parseLong(amountText) : 1;
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        if (unit.startsWith("s")) {
            t = t.minusSeconds(amount);
        } else if (unit.startsWith("mi")) {
            t = t.minusMinutes(amount);
        } else if (unit.startsWith("h")) {
            t = t.minusHours(amount);
        } else if (unit.startsWith("d")) {
            t = t.minusDays(amount);
        } else if (unit.startsWith("w")) {
            t = t.minusWeeks(amount);
        } else if (unit.startsWith("mo")) {
            t = t.minusMonths(amount);
        } else {
            t = t.minusYears(amount);
        }
        return t.toInstant();
    }

    /** ISO-8601 (with or without offset, or a bare date; no offset means UTC), RFC 1123, or month-name dates. */
    static Optional<Instant> absolute(String s) {
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return Optional.of(Instant.parse(s));
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException ignored) {
            // next format
        }
        Matcher m = DATE_WORDS_ONLY.matcher(s);
        return m.matches() ? dateWords(m) : Optional.empty();
    }

    /** Converts a {@link #DATE_WORDS} match; a missing time is midnight, a missing or unknown zone UTC. */
    static Optional<Instant> dateWords(Matcher m) {
        try {
            boolean monthFirst = m.group(1) != null;
            String monthText = (monthFirst ? m.group(1) : m.group().replaceAll("(?i)^\\s*\\d{1,2}\\s+", "")).toLowerCase(Locale.ROOT);
            Integer month = MONTHS.get(monthText.substring(0, 3));
            int day = Integer.parseInt(monthFirst ? m.group(2) : m.group(4));
            int year = Integer.parseInt(monthFirst ? m.group(3) : m.group(5));
            if (month == null) {
                return Optional.empty();
            }
            int hour = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            int minute = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
            String ampm = m.group(8) == null ? "" : m.group(8).toLowerCase(Locale.ROOT);
            if (ampm.startsWith("p") && hour < 12) {
                hour += 12;
            } else if (ampm.startsWith("a") && hour == 12) {
                hour = 0;
            }
            int offset = m.group(9) == null ? 0 : ZONE_HOURS.getOrDefault(m.group(9).toLowerCase(Locale.ROOT), 0);
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute).toInstant(ZoneOffset.ofHours(offset)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
