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
     * Counts the article's paragraphs, then returns its body without those that are boilerplate for the
     * source. Never removes every paragraph: a body made only of repeated text is returned unchanged.
     * Re-ingesting an article does not count it again unless another article touched the paragraph in between.
     */
    public static Cleaned learnAndClean(Counts counts, String articleId, String body, int minArticles, long now) {
        String[] parts = body.split("\\n\\s*\\n");
        long article = Hashing.sha256Long(articleId);
        List<String> kept = new ArrayList<>(parts.length);
        for (String part : parts) {
            long hash = Hashing.sha256Long(Normalizer.normalize(part));
            long[] stats = counts.get(hash);
            if (stats == null) {
                stats = new long[] {0, 0, 0};
            }
            if (stats[1] != article) {
                stats[0]++;
                stats[1] = article;
            }
            stats[2] = Math.max(stats[2], now);
            counts.put(hash, stats);
            if (stats[0] < minArticles) {
                kept.add(part.strip());
            }
        }
        if (kept.isEmpty() || kept.size() == parts.length) {
            return new Cleaned(body, 0);
        }
        return new Cleaned(String.join("\n\n", kept), parts.length - kept.size());
    }
}
