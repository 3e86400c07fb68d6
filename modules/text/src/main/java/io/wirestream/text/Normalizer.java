package io.wirestream.text;

import java.text.Normalizer.Form;

/**
 * Normalises text for comparison: Unicode NFKC, lower case, every run of characters that are not
 * letters or digits becomes one space, no leading or trailing space. Two copies of a story that differ
 * only in punctuation, case, typographic quotes or line breaks normalise to the same string.
 * Cost: O(n) in the input length, one pass after NFKC, one output buffer.
 */
public final class Normalizer {

    private Normalizer() {
    }

    /** The normalised form of {@code text}; empty for null or text without letters or digits. */
    public static String normalize(CharSequence text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfkc = java.text.Normalizer.normalize(text, Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfkc.length(); ) {
            int cp = nfkc.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.appendCodePoint(Character.toLowerCase(cp));
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    /** Whitespace-separated words in {@code s}, as article generators and size reports count them. */
    public static int countWords(CharSequence s) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
