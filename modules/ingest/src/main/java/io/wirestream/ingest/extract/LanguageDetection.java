package io.wirestream.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language of an article's text as an ISO 639-1 code, with OpenNLP's 103-language detector
 * ({@code langdetect-183.bin} from {@code opennlp-models-langdetect}). The model is loaded once, on first
 * use, and shared (it is immutable); each call uses its own {@link LanguageDetectorME}, so detection is
 * thread-safe. The model's confidences are spread over 103 languages, so "reasonable" means a clear lead
 * over the runner-up rather than a high absolute value. Cost: one n-gram pass over at most
 * {@value #MAX_CHARS} characters.
 */
final class LanguageDetection {

    static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /** Fewer letters than this and the guess is not worth recording. */
    static final int MIN_LETTERS = 40;
    /** The best language must score this many times the runner-up. */
    static final double MIN_LEAD = 1.5;
    static final double MIN_CONFIDENCE = 0.02;
    /**
     * Characters of text the detector reads: its cost grows with the sample (about 0.3 us a character,
     * measured), and 600 characters of prose identify a language reliably.
     */
    static final int MAX_CHARS = 600;

    /**
     * Function words that are frequent in English prose and are not common words of another language
     * written in Latin script (so no "of", "was", "will", "for", "die", "a", "in").
     */
    private static final Set<String> ENGLISH_MARKERS = Set.of("the", "and", "that", "with", "which", "from", "this",
            "have", "has", "said", "been", "their", "would", "they", "there", "were", "its", "who", "after", "but");
    /** The markers sorted, for a binary search over a reused buffer. */
    private static final String[] MARKERS = ENGLISH_MARKERS.stream().sorted().toArray(String[]::new);
    /**
     * Frequent function words of other Latin-script languages that English prose hardly uses: a sample with
     * {@value #FOREIGN_MARKER_SHARE} of them or more (a foreign story quoting an English sentence) goes to
     * the model.
     */
    private static final String[] FOREIGN = Set.of("le", "la", "les", "des", "du", "et", "est", "une", "au", "aux",
            "der", "das", "und", "ist", "nicht", "ein", "eine", "den", "dem", "el", "los", "las", "del", "y", "que", "en",
            "il", "di", "che", "della", "het", "een", "van", "niet", "não", "os", "da", "och", "att", "og", "ikke", "jest",
            "nie", "się", "yang", "dan", "ve", "bir", "de").stream().sorted().toArray(String[]::new);
    static final double FOREIGN_MARKER_SHARE = 0.03;
    /** Share of a sample's words that must be {@link #ENGLISH_MARKERS} for the English fast path. */
    static final double ENGLISH_MARKER_SHARE = 0.08;
    /** Words a sample needs before the fast path may answer, and distinct markers among them. */
    static final int FAST_PATH_MIN_WORDS = 25;
    static final int FAST_PATH_MIN_DISTINCT = 3;

    /** ISO 639-3 (and the macrolanguage members the model uses) → ISO 639-1. */
    private static final Map<String, String> ISO1 = iso1();

    private LanguageDetection() {
    }

    /** Loaded on first use of the holder: class initialisation is the lazy, thread-safe once. */
    private static final class Model {
        static final LanguageDetectorModel INSTANCE = load();

        private static LanguageDetectorModel load() {
            try (InputStream in = LanguageDetection.class.getResourceAsStream(MODEL_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("language model " + MODEL_RESOURCE
                            + " not on the classpath (opennlp-models-langdetect missing?)");
                }
                return new LanguageDetectorModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load language model " + MODEL_RESOURCE, e);
            }
        }
    }

    /** The ISO 639-1 code of {@code text}, or null when it is too short, unclear, or has no 639-1 code. */
    static String detect(String text) {
        if (text == null || letters(text) < MIN_LETTERS) {
            return null;
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        return clearlyEnglish(sample) ? "en" : byModel(sample);
    }

    /** The model's answer for a sample, or null when it is unclear or has no 639-1 code. */
    static String byModel(String sample) {
        Language[] ranked = new LanguageDetectorME(Model.INSTANCE).predictLanguages(sample);
        if (ranked.length == 0) {
            return null;
        }
        Language best = ranked[0];
        double runnerUp = ranked.length > 1 ? ranked[1].getConfidence() : 0;
        if (best.getConfidence() < MIN_CONFIDENCE || best.getConfidence() < MIN_LEAD * runnerUp) {
            return null;
        }
        return toIso1(best.getLang());
    }

    /**
     * The fast path: prose whose words are at least {@value #ENGLISH_MARKER_SHARE} English-only function
     * words (news English runs at 10–15%), and under {@value #FOREIGN_MARKER_SHARE} function words of other
     * languages, is English without asking the model, which costs about 60% of
     * ingest's CPU otherwise (profile in the README). Cost: one pass over the sample, no allocation per word.
     */
    static boolean clearlyEnglish(String sample) {
        int words = 0;
        int markers = 0;
        int foreign = 0;
        int distinct = 0;
        long seen = 0L;
        int n = sample.length();
        int i = 0;
        StringBuilder word = new StringBuilder(16);
        while (i < n) {
            while (i < n && !Character.isLetter(sample.charAt(i))) {
                i++;
            }
            word.setLength(0);
            while (i < n && Character.isLetter(sample.charAt(i))) {
                word.append(Character.toLowerCase(sample.charAt(i)));
                i++;
            }
            if (word.length() == 0) {
                break;
            }
            words++;
            if (word.length() <= 6) {
                int index = indexOf(MARKERS, word);
                if (index < 0 && indexOf(FOREIGN, word) >= 0) {
                    foreign++;
                }
                if (index >= 0) {
                    markers++;
                    if ((seen & (1L << index)) == 0) {
                        seen |= 1L << index;
                        distinct++;
                    }
                }
            }
        }
        return words >= FAST_PATH_MIN_WORDS && distinct >= FAST_PATH_MIN_DISTINCT
                && markers >= ENGLISH_MARKER_SHARE * words && foreign < FOREIGN_MARKER_SHARE * words;
    }

    private static int indexOf(String[] sorted, CharSequence word) {
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(sorted[mid], word);
            if (c == 0) {
                return mid;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    private static int compare(String a, CharSequence b) {
        int len = Math.min(a.length(), b.length());
        for (int k = 0; k < len; k++) {
            int d = a.charAt(k) - b.charAt(k);
            if (d != 0) {
                return d;
            }
        }
        return a.length() - b.length();
    }

    /** ISO 639-1 for an ISO 639-3 code, or null when the language has none. */
    static String toIso1(String iso3) {
        return iso3 == null ? null : ISO1.get(iso3.toLowerCase(Locale.ROOT));
    }

    private static int letters(String text) {
        int n = 0;
        for (int i = 0; i < text.length() && n < MIN_LETTERS; i++) {
            if (Character.isLetter(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static Map<String, String> iso1() {
        Map<String, String> map = new HashMap<>();
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                map.put(Locale.forLanguageTag(iso1).getISO3Language(), iso1);
            } catch (java.util.MissingResourceException ignored) {
                // no three-letter code known to the JDK
            }
        }
        // Individual languages the model names where ISO 639-1 has the macrolanguage.
        map.putAll(Map.ofEntries(Map.entry("cmn", "zh"), Map.entry("zho", "zh"), Map.entry("pes", "fa"),
                Map.entry("lvs", "lv"), Map.entry("ekk", "et"), Map.entry("nob", "nb"), Map.entry("nno", "nn"),
                Map.entry("zsm", "ms"), Map.entry("msa", "ms"), Map.entry("pnb", "pa"), Map.entry("plt", "mg"),
                Map.entry("azj", "az"), Map.entry("uzn", "uz"), Map.entry("swh", "sw"), Map.entry("arb", "ar"),
                Map.entry("als", "sq"), Map.entry("khk", "mn")));
        return Map.copyOf(map);
    }
}
