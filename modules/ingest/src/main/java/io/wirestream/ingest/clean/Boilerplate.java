package io.wirestream.ingest.clean;

import io.wirestream.text.Hashing;
import io.wirestream.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Learns what a source repeats and removes it: for each paragraph (by the hash of its normalised text)
 * the number of distinct articles of that source it appeared in. A paragraph seen in at least
 * {@code minArticles} articles of the same source is boilerplate (a newsletter promo, a standard
 * disclaimer, an "about us" line) and is removed from that source's later articles. Learned, not
 * hard-coded per site. Counts live wherever {@link Counts} puts them: a state store in the service,
 * a map in tests; each entry is 24 bytes (count, last article, last seen) and expires when unused.
 */
public final class Boilerplate {

    /** Per-source paragraph statistics: {@code [articles seen, hash of the last article, last seen millis]}. */
    public interface Counts {
        long[] get(long paragraphHash);

        void put(long paragraphHash, long[] stats);
    }

    /** The body without boilerplate, and how many paragraphs were removed. */
    public record Cleaned(String body, int removedParagraphs) {
    }

    private Boilerplate() {
    }

    /**
     * Returns the article's body without the paragraphs that are boilerplate for the source, and counts its
     * paragraphs. Boilerplate is a paragraph the source had run in {@code minArticles} articles before this one;
     * a paragraph that reaches that count with this article is removed too, unless the article is a reprint:
     * when such paragraphs are most of the rest of it (more than half of the paragraphs that are not boilerplate
     * yet, and more than half of their text), the article is the source running the same story again (the same
     * wire copy under another address, a second edition), not new text around a repeated promo. A reprint keeps
     * its story, loses its boilerplate and is not counted, so its story never becomes boilerplate. Without that
     * rule a source's third copy of a story lost the story and kept only the paragraphs an editor had changed.
     * A body made only of boilerplate is returned unchanged. Re-ingesting an article does not count it again
     * unless another article touched the paragraph in between.
     */
    public static Cleaned learnAndClean(Counts counts, String articleId, String body, int minArticles, long now) {
        String[] parts = body.split("\\n\\s*\\n");
        long article = Hashing.sha256Long(articleId);
        long[] hashes = new long[parts.length];
        long[][] stats = new long[parts.length][];
        boolean[] established = new boolean[parts.length];
        boolean[] reaching = new boolean[parts.length];
        int fresh = 0;
        int reached = 0;
        long freshChars = 0;
        long reachedChars = 0;
        for (int i = 0; i < parts.length; i++) {
            hashes[i] = Hashing.sha256Long(Normalizer.normalize(parts[i]));
            stats[i] = counts.get(hashes[i]);
            long before = stats[i] == null ? 0 : stats[i][0] - (stats[i][1] == article ? 1 : 0);
            established[i] = before >= minArticles;
            reaching[i] = !established[i] && before + 1 >= minArticles;
            if (!established[i]) {
                int length = parts[i].strip().length();
                fresh++;
                freshChars += length;
                reached += reaching[i] ? 1 : 0;
                reachedChars += reaching[i] ? length : 0;
            }
        }
        boolean reprint = reached * 2 > fresh && reachedChars * 2 > freshChars;
        List<String> kept = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            if (!established[i] && (reprint || !reaching[i])) {
                kept.add(parts[i].strip());
            }
            long[] s = stats[i];
            if (s == null && reprint) {
                continue;      // a reprint teaches nothing new
            }
            if (s == null) {
                s = new long[] {0, 0, 0};
            }
            if (!reprint && s[1] != article) {
                s[0]++;
                s[1] = article;
            }
            s[2] = Math.max(s[2], now);
            counts.put(hashes[i], s);
        }
        if (kept.isEmpty() || kept.size() == parts.length) {
            return new Cleaned(body, 0);
        }
        return new Cleaned(String.join("\n\n", kept), parts.length - kept.size());
    }
}
