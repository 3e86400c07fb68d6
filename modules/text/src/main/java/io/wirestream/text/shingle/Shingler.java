package io.wirestream.text.shingle;

import static io.wirestream.text.minhash.Mix.GOLDEN;
import static io.wirestream.text.minhash.Mix.fmix64;

import java.text.Normalizer.Form;
import java.util.Arrays;

/**
 * Turns a text into the sorted set of 64-bit hashes of its k-word shingles (windows of k consecutive
 * words). Words are those of {@link io.wirestream.text.Normalizer#normalize}: NFKC, lower case, runs of
 * letters or digits; they are found in one pass without building the normalised string.
 *
 * <p>The hashes are a fixed function of the words, equal on every JVM:
 * a word's hash is 64-bit FNV-1a over the UTF-16 code units of its lower-case form (each unit xor-ed in
 * whole, then multiplied by the FNV prime); a shingle of m words w1..wm hashes to
 * {@code h = fmix64(m * GOLDEN); for each word: h = fmix64(h ^ wordHash)}, so word order and word
 * boundaries ("ab c" versus "a bc") both count.
 *
 * <p>Thread-safe: scratch buffers are per thread and reused, so a call allocates only its result
 * (and, for non-ASCII text that is not already NFKC, the NFKC copy).
 */
public final class Shingler {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long[] NONE = new long[0];

    private final int k;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    public Shingler(int wordsPerShingle) {
        if (wordsPerShingle < 1) {
            throw new IllegalArgumentException("wordsPerShingle must be >= 1, was " + wordsPerShingle);
        }
        this.k = wordsPerShingle;
    }

    public int wordsPerShingle() {
        return k;
    }

    /**
     * The distinct hashes of all k-word shingles, sorted ascending; one shingle of all words if the text
     * has fewer than k words; empty if it has none. Cost: O(n) in the text length plus O(s log s) to sort
     * the s shingles; allocates only the result.
     */
    public long[] shingleHashes(CharSequence text) {
        if (text == null || text.length() == 0) {
            return NONE;
        }
        CharSequence src = text;
        if (!isAscii(text) && !java.text.Normalizer.isNormalized(text, Form.NFKC)) {
            src = java.text.Normalizer.normalize(text, Form.NFKC);
        }
        Scratch s = scratch.get();
        int words = tokenHashes(src, s);
        if (words == 0) {
            return NONE;
        }
        long[] tokens = s.tokens;
        int width = Math.min(k, words);
        int count = words - width + 1;
        long[] windows = s.windows(count);
        // Word j of every window at once: the inner loop has no dependency between windows, so C2 vectorises it.
        Arrays.fill(windows, 0, count, fmix64(width * GOLDEN));
        for (int j = 0; j < width; j++) {
            for (int w = 0; w < count; w++) {
                windows[w] = fmix64(windows[w] ^ tokens[w + j]);
            }
        }
        Arrays.sort(windows, 0, count);
        int distinct = 1;
        for (int i = 1; i < count; i++) {
            if (windows[i] != windows[distinct - 1]) {
                windows[distinct++] = windows[i];
            }
        }
        return Arrays.copyOf(windows, distinct);
    }

    /** Fills {@code s.tokens} with the FNV-1a hash of each lower-cased word; returns the word count. */
    private static int tokenHashes(CharSequence src, Scratch s) {
        long[] tokens = s.tokens;
        int words = 0;
        long h = FNV_OFFSET;
        boolean inWord = false;
        int n = src.length();
        for (int i = 0; i < n; ) {
            char c = src.charAt(i);
            if (c < 0x80) {
                i++;
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    h = (h ^ c) * FNV_PRIME;
                    inWord = true;
                    continue;
                }
                if (c >= 'A' && c <= 'Z') {
                    h = (h ^ (c | 0x20)) * FNV_PRIME;
                    inWord = true;
                    continue;
                }
            } else {
                int cp = Character.codePointAt(src, i);
                i += Character.charCount(cp);
                if (Character.isLetterOrDigit(cp)) {
                    int lower = Character.toLowerCase(cp);
                    if (Character.isBmpCodePoint(lower)) {
                        h = (h ^ lower) * FNV_PRIME;
                    } else {
                        h = (h ^ Character.highSurrogate(lower)) * FNV_PRIME;
                        h = (h ^ Character.lowSurrogate(lower)) * FNV_PRIME;
                    }
                    inWord = true;
                    continue;
                }
            }
            if (inWord) {
                if (words == tokens.length) {
                    tokens = s.growTokens();
                }
                tokens[words++] = h;
                h = FNV_OFFSET;
                inWord = false;
            }
        }
        if (inWord) {
            if (words == tokens.length) {
                tokens = s.growTokens();
            }
            tokens[words++] = h;
        }
        return words;
    }

    /** ASCII is its own NFKC form. */
    private static boolean isAscii(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static final class Scratch {
        long[] tokens = new long[1024];
        long[] windows = new long[1024];

        long[] growTokens() {
            tokens = Arrays.copyOf(tokens, tokens.length * 2);
            return tokens;
        }

        long[] windows(int count) {
            if (windows.length < count) {
                windows = new long[Math.max(count, windows.length * 2)];
            }
            return windows;
        }
    }
}
