package io.wirestream.tagger.match;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trie over word tokens: each phrase is the token sequence of its surface form, and every phrase ending
 * at a node carries its values. {@link #longest} walks from one token and returns the longest phrase that
 * matches there. Cost per lookup: one hash lookup per token walked.
 *
 * <p>Matching is case-sensitive; an all-capitals token ("WASHINGTON" in a dateline) is also tried in
 * title case and lower case, and such matches are reported as {@code caps}.
 */
public final class PhraseIndex<V> {

    private static final class Node<V> {
        Map<String, Node<V>> next;
        List<V> values;
    }

    /** A phrase found at tokens {@code [from, to)}. */
    public record Hit<V>(int from, int to, List<V> values, boolean caps) {
    }

    private static final int FIRST_TOKEN_BITS = 1 << 18;

    private final Node<V> root = new Node<>();
    /**
     * Bit {@code hashCode mod 2^18} of the first token of every phrase. Most tokens of a text start no phrase; for
     * them a clear bit answers from 32 KiB that stay in cache, instead of a lookup in the large root map that does not.
     */
    private final BitSet firstTokens = new BitSet(FIRST_TOKEN_BITS);
    private int phrases;

    /** Adds a value under the phrase's tokens; empty phrases are ignored. */
    public void add(String phrase, V value) {
        Tokens t = Tokens.of(phrase);
        if (t.size() == 0) {
            return;
        }
        firstTokens.set(t.token(0).hashCode() & (FIRST_TOKEN_BITS - 1));
        Node<V> node = root;
        for (int i = 0; i < t.size(); i++) {
            if (node.next == null) {
                node.next = new HashMap<>(4);
            }
            node = node.next.computeIfAbsent(t.token(i), k -> new Node<>());
        }
        if (node.values == null) {
            node.values = new ArrayList<>(1);
            phrases++;
        }
        if (!node.values.contains(value)) {
            node.values.add(value);
        }
    }

    public int phrases() {
        return phrases;
    }

    /** The longest phrase starting at token {@code from}, or null. Phrases never cross punctuation. */
    public Hit<V> longest(Tokens tokens, int from) {
        Node<V> node = root;
        Node<V> best = null;
        int bestEnd = -1;
        boolean caps = false;
        boolean bestCaps = false;
        for (int i = from; i < tokens.size(); i++) {
            if (node.next == null) {
                break;
            }
            String token = tokens.token(i);
            Node<V> child = child(node, token);
            if (child == null && tokens.allCaps(i)) {
                child = child(node, titleCase(token));
                if (child == null) {
                    child = child(node, token.toLowerCase(java.util.Locale.ROOT));
                }
                caps |= child != null;
            }
            if (child == null) {
                break;
            }
            node = child;
            if (node.values != null) {
                best = node;
                bestEnd = i + 1;
                bestCaps = caps;
            }
            if (!tokens.joined(i)) {
                break;
            }
        }
        return best == null ? null : new Hit<>(from, bestEnd, best.values, bestCaps);
    }

    private Node<V> child(Node<V> node, String token) {
        if (node == root && !firstTokens.get(token.hashCode() & (FIRST_TOKEN_BITS - 1))) {
            return null;
        }
        return node.next.get(token);
    }

    public static String titleCase(String token) {
        StringBuilder b = new StringBuilder(token.length());
        boolean start = true;
        for (int k = 0; k < token.length(); k++) {
            char c = token.charAt(k);
            b.append(start ? c : Character.toLowerCase(c));
            start = c == '.' || c == '\'' || c == '’';
        }
        return b.toString();
    }
}
