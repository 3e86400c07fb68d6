package io.wirestream.ingest.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Separates a story from the site furniture around it in scraped page text, by the shape of each line
 * rather than by site: aggregator metadata lines ("2 weeks ago 13"), "Read Entire Article", photo credits
 * ("Getty Images", "Name/AFP via Getty Images", "Photo by ...") and the captions next to them, bylines,
 * subscription and newsletter promos, tip requests, writer bios, journalism-standards footers and keyword
 * lines. The body ends at the first footer marker; captions and credits are still collected after it.
 *
 * <p>Input is lines: a blank line separates paragraphs, adjacent lines of a paragraph are joined with a
 * space. Cost: a handful of regular-expression matches per line.
 */
final class TextCleaner {

    /** The story and what was separated from it. {@code published} is from a metadata or date line. */
    record Cleaned(List<String> paragraphs, List<String> captions, List<String> credits, String byline,
            PublicationTime published) {

        String body() {
            return String.join("\n\n", paragraphs);
        }
    }

    private static final Pattern BULLET = Pattern.compile("^[•·▪●◦*\\-–—]\\s+");

    /** "2 weeks ago 13", "Updated 3 hours ago · 5 min read", "yesterday | 2,301 shares". */
    private static final Pattern METADATA = Pattern.compile("(?i)^(?:(?:updated|published|posted)\\s*:?\\s*)?("
            + PublicationTime.RELATIVE + ")((?:\\s*[·|•,–-]?\\s*(?:\\d[\\d,.]*[km]?|comments?|shares?|views?|likes?|min(?:ute)?s?\\s+read))*)\\s*$");
    /** "November 23, 2022", "Published Nov 23, 2022 at 10:15 AM EST", "Updated: 23 November 2022". */
    private static final Pattern DATE_LINE = Pattern.compile("(?i)^(?:(?:first\\s+)?(?:updated|published|posted)\\s*:?\\s*(?:on\\s+)?)?("
            + PublicationTime.DATE_WORDS + ")\\s*$");

    private static final Pattern BYLINE = Pattern.compile("^(?:By|BY|Written by|Words by)\\s+(\\p{Lu}[^.!?]{1,80}?)\\s*$");

    private static final Pattern READ_MORE = Pattern.compile(
            "(?i)^(?:read|continue reading|see)\\s+(?:the\\s+)?(?:entire|full|more|whole|original)?\\s*(?:article|story|here)?\\s*[.:»›>]*$"
                    + "|(?:\\.\\.\\.|…)\\s*read\\s+more\\s*$");

    /** Lines after which nothing is story: tip requests, writer bios, standards footers, related links, copyright. */
    private static final Pattern FOOTER = Pattern.compile("(?i)^(?:about the (?:writer|author|reporter)s?\\b"
            + "|(?:do you have|have|got) a (?:news )?tip\\b"
            + "|.{0,60}\\bis committed to\\b.*\\b(?:journalism|journalistic|conventional wisdom|common ground|standards|accuracy|editorial|fact-based)"
            + "|(?:related|related (?:articles|stories|coverage)|more from .{1,40}|more stories|recommended|trending|most (?:read|popular)|you (?:may|might) also like|read next)\\s*:?$"
            + "|(?:©|\\(c\\)|copyright\\b)|all rights reserved)");

    /** Subscription, newsletter, app and sharing promos; only ever a short line. */
    private static final Pattern PROMO = Pattern.compile("(?i)\\b(?:subscribe|subscription|subscribers?|newsletters?|sign up|sign in|log in"
            + "|delivered to your (?:door|inbox)|ad-free|app updates|download (?:our|the) app|click here|follow us|comment on articles"
            + "|audio opinions|advertisement|share this (?:article|story)|listen to this article)\\b");
    private static final int PROMO_MAX_WORDS = 25;

    /** Agencies and picture libraries a credit line ends with. */
    private static final String AGENCY = "(?:Getty Images|AFP|Reuters|AP|AP Photo|Associated Press|EPA|EPA-EFE|Shutterstock|iStock|iStockphoto"
            + "|Alamy|Bloomberg|Xinhua|Anadolu(?: Agency)?|Sputnik|TASS|Pool|SOPA Images|LightRocket|NurPhoto|ZUMA(?: Press| Wire)?"
            + "|Wikimedia Commons|Handout|UPI|PA(?: Images| Wire)?|DPA|Imagn|Corbis|Bettmann)";
    private static final Pattern CREDIT_ENDS = Pattern.compile("(?:^|[\\s/(])(?:via\\s+)?" + AGENCY + "(?:\\s+(?:Photo|Images))?\\)?$");
    private static final Pattern CREDIT_STARTS = Pattern.compile("(?i)^\\(?(?:photo(?:graph)?s?|images?|pictures?|credits?|photo credit|source|illustration)\\s*(?:by\\b|:)\\s*\\S.*");
    private static final Pattern NAME_SLASH_AGENCY = Pattern.compile(
            "^\\(?\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}\\s*/\\s*\\p{Lu}[\\p{L}&.'’-]*(?:\\s+[\\p{L}&.'’-]+){0,4}\\)?$");
    /** Lower-case words a credit may contain; any other lower-case word makes the line a sentence. */
    private static final Pattern CREDIT_SMALL_WORD = Pattern.compile("via|and|for|of|de|del|da|van|von|der|la|le|the|photo|images|by|on|behalf");
    private static final int CREDIT_MAX_WORDS = 10;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\"”')])\\s+");

    /** Openings that only photo captions use. */
    private static final Pattern CAPTION_PHRASE = Pattern.compile("(?i)^(?:from (?:left|right)\\s*[,:]|left to right\\s*[,:]|\\(?l-?r\\)?\\s*[,:]"
            + "|pictured\\s*[,:]|(?:above|below|top|bottom|main image|inset)\\s*[,:]"
            + "|(?:in )?this (?:file |handout |undated )?(?:photo|image|picture|photograph)\\b|an? (?:file |handout |undated )?(?:photo|picture|photograph) (?:shows|taken)\\b"
            + "|file photo\\b|photo illustration\\b)");
    private static final int CAPTION_MAX_WORDS = 60;

    /** Tag and keyword lines: lower case, short, no sentence punctuation. */
    private static final Pattern KEYWORDS = Pattern.compile("^(?=.*\\p{Ll})[\\p{Ll}\\d][\\p{Ll}\\d\\s'’,&/-]*$");
    private static final int KEYWORDS_MAX_WORDS = 12;

    private static final int HEADING_MAX_WORDS = 12;

    private enum Kind { BLANK, KEPT, STOPPED, CAPTION, CREDIT, DROPPED }

    private TextCleaner() {
    }

    /** Cleans {@code lines} (the title already removed); relative times resolve against {@code now}. */
    static Cleaned clean(List<String> rawLines, Instant now) {
        List<String> lines = rawLines.stream().map(TextCleaner::normalise).toList();
        Kind[] kind = new Kind[lines.size()];
        List<List<String>> paragraphs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        List<String> credits = new ArrayList<>();
        String byline = null;
        PublicationTime published = null;
        boolean stopped = false;

        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                kind[i] = Kind.BLANK;
                flush(current, paragraphs);
                continue;
            }
            if (isCredit(line)) {
                kind[i] = Kind.CREDIT;
                credits.add(unwrap(line));
                // The descriptive line just above a credit is its caption (and a heading above that, the photo's title).
                if (i > 0 && isCaptionCandidate(kind[i - 1], lines.get(i - 1))) {
                    int at = captions.size();
                    captions.add(at, takeBack(lines.get(i - 1), kind, i - 1, current));
                    if (i > 1 && isHeadingCandidate(kind[i - 2], lines.get(i - 2))) {
                        captions.add(at, takeBack(lines.get(i - 2), kind, i - 2, current));
                    }
                }
                continue;
            }
            String[] split = splitTrailingCredit(line);
            if (split != null) {
                kind[i] = Kind.CAPTION;
                if (i > 0 && isHeadingCandidate(kind[i - 1], lines.get(i - 1))) {
                    captions.add(takeBack(lines.get(i - 1), kind, i - 1, current));
                }
                captions.add(split[0]);
                credits.add(split[1]);
                continue;
            }
            boolean afterCredit = i > 0 && kind[i - 1] == Kind.CREDIT && words(line) <= CAPTION_MAX_WORDS
                    && (i + 1 == lines.size() || lines.get(i + 1).isEmpty());
            if (afterCredit || CAPTION_PHRASE.matcher(line).find() && words(line) <= CAPTION_MAX_WORDS) {
                kind[i] = Kind.CAPTION;
                captions.add(line);
                continue;
            }
            if (stopped) {
                kind[i] = Kind.STOPPED;
                continue;
            }
            if (FOOTER.matcher(line).find()) {
                kind[i] = Kind.STOPPED;
                stopped = true;
                flush(current, paragraphs);
                // Section headings left dangling just above the footer belong to it ("Uncommon Knowledge").
                while (!paragraphs.isEmpty() && isHeading(String.join(" ", paragraphs.get(paragraphs.size() - 1)))) {
                    paragraphs.remove(paragraphs.size() - 1);
                }
                continue;
            }
            kind[i] = Kind.DROPPED;
            Matcher meta = METADATA.matcher(line);
            if (meta.matches()) {
                if (published == null) {
                    Matcher rel = Pattern.compile("(?i)" + PublicationTime.RELATIVE).matcher(meta.group(1));
                    if (rel.matches()) {
                        published = new PublicationTime(PublicationTime.relative(rel, now), true);
                    }
                }
                continue;
            }
            Matcher date = DATE_LINE.matcher(line);
            if (date.matches()) {
                if (published == null || published.approximate()) {
                    PublicationTime at = PublicationTime.parse(date.group(1), now).orElse(null);
                    published = at != null ? at : published;
                }
                continue;
            }
            Matcher by = BYLINE.matcher(line);
            if (byline == null && by.matches() && isNameList(by.group(1))) {
                byline = by.group(1).replaceAll("[,;|]+$", "").strip();
                continue;
            }
            if (READ_MORE.matcher(line).find()
                    || words(line) <= PROMO_MAX_WORDS && PROMO.matcher(line).find()
                    || words(line) <= KEYWORDS_MAX_WORDS && KEYWORDS.matcher(line).matches()) {
                continue;
            }
            kind[i] = Kind.KEPT;
            current.add(line);
        }
        flush(current, paragraphs);
        List<String> joined = paragraphs.stream().map(p -> String.join(" ", p)).toList();
        return new Cleaned(joined, captions, credits, byline, published);
    }

    /** "Jane Roe", "Jane Roe and Ali Ben Said, Reuters": capitalised words and connectors only. */
    private static boolean isNameList(String s) {
        if (words(s) > 10) {
            return false;
        }
        for (String w : s.split("[\\s,]+")) {
            if (!w.isEmpty() && !Character.isUpperCase(w.codePointAt(0))
                    && !w.matches("and|&|de|del|da|van|von|der|la|le|bin|al|in")) {
                return false;
            }
        }
        return true;
    }

    /** True when the whole line is a photo or agency credit. */
    static boolean isCredit(String line) {
        String s = line.strip();
        if (s.isEmpty() || words(s) > CREDIT_MAX_WORDS || s.endsWith(".") && !s.matches(".*\\b\\p{Lu}\\.$")) {
            return false;
        }
        if (CREDIT_STARTS.matcher(s).matches()) {
            return true;
        }
        if (!CREDIT_ENDS.matcher(s).find() && !NAME_SLASH_AGENCY.matcher(s).matches()) {
            return false;
        }
        for (String w : s.replaceAll("[()/,;:]", " ").split("\\s+")) {
            if (!w.isEmpty() && Character.isLowerCase(w.codePointAt(0)) && !CREDIT_SMALL_WORD.matcher(w).matches()) {
                return false;
            }
        }
        return true;
    }

    /** A caption with its credit run on at the end ("... in Yerevan. Getty Images"): {caption, credit}, or null. */
    static String[] splitTrailingCredit(String line) {
        Matcher m = SENTENCE_END.matcher(line);
        while (m.find()) {
            String caption = line.substring(0, m.start()).strip();
            String credit = line.substring(m.end()).strip();
            if (words(caption) >= 3 && isCredit(credit)) {
                return new String[] {caption, unwrap(credit)};
            }
        }
        return null;
    }

    private static boolean isCaptionCandidate(Kind kind, String line) {
        return (kind == Kind.KEPT || kind == Kind.STOPPED) && words(line) <= CAPTION_MAX_WORDS;
    }

    private static boolean isHeadingCandidate(Kind kind, String line) {
        return (kind == Kind.KEPT || kind == Kind.STOPPED) && isHeading(line);
    }

    /** A short line that does not end like a sentence and starts with a capital: a heading or a photo title. */
    static boolean isHeading(String line) {
        String s = line.strip();
        return !s.isEmpty() && words(s) <= HEADING_MAX_WORDS && Character.isUpperCase(s.codePointAt(0))
                && !s.matches(".*[.!?:;,\"”…]$");
    }

    /** Moves line {@code i} out of the paragraph being built (where it was kept) into the caption list. */
    private static String takeBack(String line, Kind[] kind, int i, List<String> current) {
        if (kind[i] == Kind.KEPT && !current.isEmpty() && current.get(current.size() - 1).equals(line)) {
            current.remove(current.size() - 1);
        }
        kind[i] = Kind.CAPTION;
        return line;
    }

    private static void flush(List<String> current, List<List<String>> paragraphs) {
        if (!current.isEmpty()) {
            paragraphs.add(new ArrayList<>(current));
            current.clear();
        }
    }

    private static String normalise(String line) {
        String s = line.replace('\u00a0', ' ').strip();
        return BULLET.matcher(s).replaceFirst("").strip();
    }

    private static String unwrap(String credit) {
        String s = credit.strip();
        return s.startsWith("(") && s.endsWith(")") ? s.substring(1, s.length() - 1).strip() : s;
    }

    static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
