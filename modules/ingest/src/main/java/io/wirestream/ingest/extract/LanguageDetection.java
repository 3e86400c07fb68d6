package io.wirestream.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
