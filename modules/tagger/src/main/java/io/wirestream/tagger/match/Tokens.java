package io.wirestream.tagger.match;

/**
 * The word tokens of one text as offsets: letters, digits and marks, with an apostrophe inside a word
 * ("d'Ivoire", "O'Brien", but not a possessive "'s") and the dots of initialisms ("U.S.", "D.C.").
 * Everything else separates tokens. Cost: one pass over the characters; two int arrays, each token's string
 * and whether it is {@link #joined} to the next are made once here, since the tagger asks for them many times.
 * Immutable after {@link #of}.
 */
public final class Tokens {

    private final String text;
    private int[] starts;
    private int[] ends;
    private int size;
    private String[] strings;
    private boolean[] joined;

    private Tokens(String text) {
        this.text = text;
        int guess = Math.max(16, text.length() / 5);
        this.starts = new int[guess];
        this.ends = new int[guess];
    }

    public static Tokens of(String text) {
        Tokens t = new Tokens(text);
        t.scan();
        t.strings = new String[t.size];
        t.joined = new boolean[t.size];
        for (int i = 0; i < t.size; i++) {
            t.strings[i] = text.substring(t.starts[i], t.ends[i]);
            t.joined[i] = t.onlySpaceAfter(i);
        }
        return t;
    }

    private void scan() {
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = codePointAt(i);
            if (!isWordChar(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            int segment = i;
            boolean dotted = false;
            i += Character.charCount(c);
            while (i < n) {
                char d = text.charAt(i);
                int cp = Character.isHighSurrogate(d) ? text.codePointAt(i) : d;
                if (isWordChar(cp)) {
                    i += Character.charCount(cp);
                } else if ((d == '\'' || d == '’') && i + 1 < n && Character.isLetter(text.charAt(i + 1))
                        && !(isS(text.charAt(i + 1)) && (i + 2 >= n || !Character.isLetter(text.charAt(i + 2))))) {
                    i++;
                } else if (d == '.' && i - segment == 1 && Character.isUpperCase(text.charAt(segment))) {
                    boolean nextUpper = i + 1 < n && Character.isUpperCase(text.charAt(i + 1));
                    if (nextUpper) {
                        i++;
                        segment = i;
                        dotted = true;
                    } else {
                        if (dotted) {
                            i++;
                        }
                        break;
                    }
                } else {
                    break;
                }
            }
            add(start, i);
        }
    }

    /** {@code text.codePointAt(i)}, reading the string once for the usual character outside the surrogates. */
    private int codePointAt(int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? text.codePointAt(i) : c;
    }

    private static boolean isS(char c) {
        return c == 's' || c == 'S';
    }

    private static boolean isWordChar(int c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private void add(int start, int end) {
        if (size == starts.length) {
            starts = java.util.Arrays.copyOf(starts, size * 2);
            ends = java.util.Arrays.copyOf(ends, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    public String text() {
        return text;
    }

    public int size() {
        return size;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    public String token(int i) {
        return strings[i];
    }

    /** True when the token starts with an upper-case letter. */
    public boolean capitalised(int i) {
        return Character.isUpperCase(text.charAt(starts[i]));
    }

    /** True when the token has at least two letters and no lower-case letter ("NEW", "U.S."). */
    public boolean allCaps(int i) {
        int letters = 0;
        for (int k = starts[i]; k < ends[i]; k++) {
            char c = text.charAt(k);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 2;
    }

    /** True when only spaces (or a hyphen) separate token {@code i} from the next: the two may be one name. */
    public boolean joined(int i) {
        return i + 1 < size && joined[i];
    }

    private boolean onlySpaceAfter(int i) {
        if (i + 1 >= size) {
            return false;
        }
        int hyphens = 0;
        for (int k = ends[i]; k < starts[i + 1]; k++) {
            char c = text.charAt(k);
            if (c == '-' || c == '‑') {
                hyphens++;
            } else if (c == '.' && k == ends[i] && abbreviation(i)) {
                continue;
            } else if (c != ' ' && c != '\u00a0') {
                return false;
            }
        }
        return hyphens <= 1 && starts[i + 1] - ends[i] <= 3;
    }

    /** "St", "Ft", "Mt" before a dot: the dot abbreviates, it does not end the name ("St. Paul"). */
    private boolean abbreviation(int i) {
        int n = ends[i] - starts[i];
        if (n != 2) {
            return false;
        }
        char a = Character.toLowerCase(text.charAt(starts[i]));
        char b = Character.toLowerCase(text.charAt(starts[i] + 1));
        return b == 't' && (a == 's' || a == 'f' || a == 'm');
    }

    /** The text between token {@code i} and the next (or the end). */
    public String gapAfter(int i) {
        return text.substring(ends[i], i + 1 < size ? starts[i + 1] : text.length());
    }

    /** The text between the previous token (or the start) and token {@code i}. */
    public String gapBefore(int i) {
        return text.substring(i > 0 ? ends[i - 1] : 0, starts[i]);
    }

    /** True when token {@code i} begins a sentence, paragraph or line (or the text). */
    public boolean sentenceStart(int i) {
        if (i == 0) {
            return true;
        }
        for (int k = starts[i] - 1; k >= ends[i - 1]; k--) {
            char c = text.charAt(k);
            if (c == '.' && k == ends[i - 1] && abbreviatingDot(i - 1)) {
                continue;
            }
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"' || c == '“' || c == '•') {
                return true;
            }
        }
        char last = text.charAt(ends[i - 1] - 1);
        return last == '.' && !token(i - 1).contains(".");
    }

    /** True when the dot right after token {@code i} abbreviates ("St.", an initial "J.") rather than ends a sentence. */
    private boolean abbreviatingDot(int i) {
        return abbreviation(i) || ends[i] - starts[i] == 1 && Character.isUpperCase(text.charAt(starts[i]));
    }
}
