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
     * paragraphs. A reprint is returned unchanged and not counted: an article most of whose paragraphs (more
     * than half of them, and more than half of its text) the source has now run in {@code minArticles} articles,
     * this one included, is the same story again (a second edition, the same wire copy under another address), not boilerplate
     * around a new one. Without that rule a source's third copy of a story lost the story and kept only the
     * sentences an editor had changed. So a body made only of repeated text is kept too. Re-ingesting an article
     * does not count it again unless another article touched the paragraph in between.
     */
    public static Cleaned learnAndClean(Counts counts, String articleId, String body, int minArticles, long now) {
        String[] parts = body.split("\\n\\s*\\n");
        long article = Hashing.sha256Long(articleId);
        long[] hashes = new long[parts.length];
        long[][] stats = new long[parts.length][];
        List<String> kept = new ArrayList<>(parts.length);
        long chars = 0;
        long repeatedChars = 0;
        for (int i = 0; i < parts.length; i++) {
            hashes[i] = Hashing.sha256Long(Normalizer.normalize(parts[i]));
            stats[i] = counts.get(hashes[i]);
            long seen = stats[i] == null ? 1 : stats[i][0] + (stats[i][1] != article ? 1 : 0);
            String part = parts[i].strip();
            chars += part.length();
            if (seen < minArticles) {
                kept.add(part);
            } else {
                repeatedChars += part.length();
            }
        }
        int repeated = parts.length - kept.size();
        boolean reprint = repeated * 2 > parts.length && repeatedChars * 2 > chars;
        for (int i = 0; i < parts.length; i++) {
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
        if (reprint || repeated == 0) {
            return new Cleaned(body, 0);
        }
        return new Cleaned(String.join("\n\n", kept), repeated);
    }
}
