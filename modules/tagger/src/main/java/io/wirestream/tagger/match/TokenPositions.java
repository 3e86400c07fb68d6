package io.wirestream.tagger.match;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the tokens of a text occur, so that finding every occurrence of a name costs O(occurrences) instead of a
 * scan over all tokens. An index holds either the capitalised tokens or the others, since a capitalised key can
 * only equal a capitalised token and names are mostly looked up by capitalised keys: the index of the many
 * lower-case words is rarely needed. Cost to build: one map entry per distinct token held and one int per token (the
 * positions of a token are a chain through one array), instead of a list per token.
 */
public final class TokenPositions {

    private static final int[] NONE = new int[0];

    /** Per distinct key: its first position. */
    private final Map<String, Integer> first;
    /** Per position: the next position with the same key, or -1. */
    private final int[] next;

    private TokenPositions(Tokens tokens, boolean capitalised, boolean lowerCase) {
        int n = tokens.size();
        first = new HashMap<>();
        next = new int[n];
        // Backwards, so that each chain runs in ascending order.
        for (int i = n - 1; i >= 0; i--) {
            if (tokens.capitalised(i) != capitalised) {
                continue;
            }
            String key = lowerCase ? tokens.token(i).toLowerCase(Locale.ROOT) : tokens.token(i);
            Integer later = first.put(key, i);
            next[i] = later == null ? -1 : later;
        }
    }

    /** Positions of the capitalised tokens, by the token as written. */
    public static TokenPositions capitalised(Tokens tokens) {
        return new TokenPositions(tokens, true, false);
    }

    /** Positions of the tokens that are not capitalised, by the token as written. */
    public static TokenPositions notCapitalised(Tokens tokens) {
        return new TokenPositions(tokens, false, false);
    }

    /**
     * Positions of the capitalised tokens, by the token in lower case ({@link Locale#ROOT}): "Piedmont" and
     * "PIEDMONT" for "piedmont". Look up lower-case keys.
     */
    public static TokenPositions capitalisedLowerCase(Tokens tokens) {
        return new TokenPositions(tokens, true, true);
    }

    /** The positions of the tokens held whose key equals {@code key}, ascending. */
    public int[] of(String key) {
        Integer start = first.get(key);
        if (start == null) {
            return NONE;
        }
        int count = 0;
        for (int i = start; i >= 0; i = next[i]) {
            count++;
        }
        int[] out = new int[count];
        for (int i = start, k = 0; i >= 0; i = next[i]) {
            out[k++] = i;
        }
        return out;
    }
}
