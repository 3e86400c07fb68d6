package io.wirestream.cli.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the Reuters-21578 collection: {@code reut2-*.sgm} files of {@code <REUTERS NEWID="n">} records,
 * Windows-1252 encoded. Title is {@code <TITLE>}; text is {@code <BODY>}, or for records without one the
 * rest of {@code <TEXT>} (title, dateline and author removed, other tags stripped). Character references
 * ({@code &lt;}, {@code &#3;}) are decoded. Dates are read as UTC; a record whose date cannot be read
 * gets time 0 and is counted in {@link Corpus#undated()}. {@link #readLabelled} also returns each record's
 * hand-assigned {@code <PLACES>}, {@code <PEOPLE>} and {@code <ORGS>} categories.
 */
public final class ReutersReader {

    /** One Reuters record. */
    public record Article(String newId, long time, String title, String text) {
    }

    /** The articles of a collection, ordered by date then NEWID (numerically). */
    public record Corpus(List<Article> articles, int files, int undated) {
    }

    /**
     * A record with its categories as the collection writes them (lower-case, hyphenated: {@code usa},
     * {@code james-baker}, {@code ec}), in document order; {@code hasBody} is true when it has a non-blank
     * {@code <BODY>} (records without one carry only a headline or unprocessed text).
     */
    public record Labelled(Article article, boolean hasBody, List<String> places, List<String> people, List<String> orgs,
            String dateline) {

        /** The body as the story was published: the dateline ("WASHINGTON, March 3 - ") and then the text. */
        public String publishedText() {
            return dateline.isEmpty() ? article.text() : dateline + " " + article.text();
        }
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern RECORD = Pattern.compile("<REUTERS\\b([^>]*)>(.*?)</REUTERS>", Pattern.DOTALL);
    private static final Pattern NEWID = Pattern.compile("\\bNEWID=\"(\\d+)\"");
    private static final Pattern DATE = Pattern.compile(
            "(\\d{1,2})-([A-Za-z]{3})-(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,3}))?)?");
    private static final Pattern CATEGORY = Pattern.compile("<D>(.*?)</D>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");
    public static final Comparator<Article> DATE_THEN_NEWID =
            Comparator.comparingLong(Article::time).thenComparingLong(a -> Long.parseLong(a.newId()));

    private ReutersReader() {
    }

    /** Every {@code reut2-*.sgm} in {@code dir}, ordered by date then NEWID. */
    public static Corpus read(Path dir) throws IOException {
        List<Path> files = files(dir);
        List<Article> articles = new ArrayList<>();
        for (Labelled l : readLabelled(files)) {
            articles.add(l.article());
        }
        articles.sort(DATE_THEN_NEWID);
        int undated = (int) articles.stream().filter(a -> a.time() == 0).count();
        return new Corpus(List.copyOf(articles), files.size(), undated);
    }

    /** Every record of every {@code reut2-*.sgm} in {@code dir} with its categories, in file then document order. */
    public static List<Labelled> readLabelled(Path dir) throws IOException {
        return readLabelled(files(dir));
    }

    private static List<Labelled> readLabelled(List<Path> files) throws IOException {
        List<Labelled> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.addAll(parseLabelled(Files.readString(f, WINDOWS_1252)));
            } catch (IllegalArgumentException e) {
                throw new IOException(f + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<Path> files(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("reut2-.*\\.sgm")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no reut2-*.sgm files in " + dir);
        }
        return files;
    }

    /** The records of one SGML document, in document order. */
    public static List<Article> parse(String sgml) {
        return parseLabelled(sgml).stream().map(Labelled::article).toList();
    }

    /** The records of one SGML document with their categories, in document order. */
    public static List<Labelled> parseLabelled(String sgml) {
        List<Labelled> out = new ArrayList<>();
        Matcher m = RECORD.matcher(sgml);
        while (m.find()) {
            Matcher id = NEWID.matcher(m.group(1));
            if (!id.find()) {
                throw new IllegalArgumentException("REUTERS record without NEWID at offset " + m.start());
            }
            String rec = m.group(2);
            String title = element(rec, "TITLE");
            String body = element(rec, "BODY");
            boolean hasBody = body != null;
            if (body == null) {
                String text = element(rec, "TEXT");
                body = text == null ? "" : removeElements(text, "TITLE", "DATELINE", "AUTHOR");
            }
            String text = decode(TAG.matcher(body).replaceAll(""));
            Article article = new Article(id.group(1), time(element(rec, "DATE")),
                    title == null ? "" : decode(TAG.matcher(title).replaceAll("")).strip(), text);
            String dateline = element(rec, "DATELINE");
            out.add(new Labelled(article, hasBody && !text.isBlank(), categories(rec, "PLACES"),
                    categories(rec, "PEOPLE"), categories(rec, "ORGS"),
                    dateline == null ? "" : decode(TAG.matcher(dateline).replaceAll("")).strip()));
        }
        return out;
    }

    /** The {@code <D>} values of the first {@code <NAME>} element, decoded and trimmed; empty when absent. */
    private static List<String> categories(String rec, String name) {
        String list = element(rec, name);
        if (list == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Matcher d = CATEGORY.matcher(list);
        while (d.find()) {
            String v = decode(d.group(1)).strip();
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    /** Epoch millis (UTC) of a Reuters date such as {@code 26-FEB-1987 15:01:01.79}; 0 if unreadable. */
    static long time(String date) {
        if (date == null) {
            return 0;
        }
        Matcher m = DATE.matcher(date);
        if (!m.find()) {
            return 0;
        }
        try {
            Month month = Month.valueOf(monthName(m.group(2)));
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
            LocalTime t = LocalTime.MIDNIGHT;
            if (m.group(4) != null) {
                int hour = Integer.parseInt(m.group(4));
                int minute = Integer.parseInt(m.group(5));
                int second = Integer.parseInt(m.group(6));
                if (hour < 24 && minute < 60 && second < 60) {
                    String frac = m.group(7) == null ? "0" : (m.group(7) + "00").substring(0, 3);
                    t = LocalTime.of(hour, minute, second, Integer.parseInt(frac) * 1_000_000);
                }
            }
            return day.atTime(t).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String monthName(String abbrev) {
        String a = abbrev.toUpperCase(Locale.ROOT);
        for (Month mo : Month.values()) {
            if (mo.name().startsWith(a)) {
                return mo.name();
            }
        }
        throw new IllegalArgumentException("month " + abbrev);
    }

    /** Content of the first {@code <NAME ...>...</NAME>}, or null. */
    private static String element(String rec, String name) {
        Matcher m = Pattern.compile("<" + name + "\\b[^>]*>(.*?)</" + name + ">", Pattern.DOTALL).matcher(rec);
        return m.find() ? m.group(1) : null;
    }

    private static String removeElements(String text, String... names) {
        String out = text;
        for (String n : names) {
            out = out.replaceAll("(?s)<" + n + "\\b[^>]*>.*?</" + n + ">", "");
        }
        return out;
    }

    /** Decodes SGML character references; unknown named ones are kept as written. */
    static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = REFERENCE.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            String ref = m.group(1);
            String rep;
            if (ref.startsWith("#")) {
                boolean hex = ref.startsWith("#x") || ref.startsWith("#X");
                int cp = parseCodePoint(ref.substring(hex ? 2 : 1), hex ? 16 : 10);
                rep = cp < 0 ? m.group() : new String(Character.toChars(cp));
            } else {
                rep = switch (ref) {
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "amp" -> "&";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> m.group();
                };
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static int parseCodePoint(String digits, int radix) {
        try {
            int cp = Integer.parseInt(digits, radix);
            return Character.isValidCodePoint(cp) ? cp : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
