package io.wirestream.text.shingle;

import io.wirestream.text.Normalizer;
import java.util.TreeSet;

/**
 * The shingle hash written out plainly from its specification: normalise, split on spaces, FNV-1a-64 each
 * word's chars, chain the words of each window through fmix64. Independent of String.hashCode and of the
 * production code, so the two must agree on every input.
 */
final class ReferenceShingler {

    private ReferenceShingler() {
    }

    static long[] shingleHashes(String text, int k) {
        String normalized = Normalizer.normalize(text);
        if (normalized.isEmpty()) {
            return new long[0];
        }
        String[] words = normalized.split(" ");
        int width = Math.min(k, words.length);
        TreeSet<Long> set = new TreeSet<>();
        for (int w = 0; w + width <= words.length; w++) {
            long h = fmix(width * 0x9E3779B97F4A7C15L);
            for (int j = w; j < w + width; j++) {
                h = fmix(h ^ fnv1a(words[j]));
            }
            set.add(h);
        }
        return set.stream().mapToLong(Long::longValue).toArray();
    }

    static long fnv1a(String word) {
        long h = 0xcbf29ce484222325L;
        for (char c : word.toCharArray()) {
            h ^= c;
            h *= 0x100000001b3L;
        }
        return h;
    }

    static long fmix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
