package io.wirestream.ingest.clean;

import io.wirestream.text.Hashing;
import io.wirestream.text.Normalizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one source repeats: for each paragraph (by the hash of its normalised text) the number of distinct
 * articles of that source it appeared in. A paragraph seen in at least {@code minArticles} articles of the
 * same source is boilerplate (a newsletter promo, a standard disclaimer, an "about us" line) and is
 * removed from that source's later articles. Learned, not hard-coded per site. Bounded: at most
 * {@code maxParagraphs} paragraphs are remembered per source; the least seen are forgotten first.
 * Stored bytes: 20 per remembered paragraph. Re-ingesting an article does not count it twice unless
 * another article of the source repeated the same paragraph in between (the last counter is remembered).
 */
public final class BoilerplateModel {

    /** Paragraph hash → [count of articles, hash of the last article id that counted it]. */
    private final Map<Long, long[]> paragraphs;

    private BoilerplateModel(Map<Long, long[]> paragraphs) {
        this.paragraphs = paragraphs;
    }

    public static BoilerplateModel empty() {
        return new BoilerplateModel(new HashMap<>());
    }

    /** The result of cleaning one article's body. */
    public record Cleaned(String body, int removedParagraphs) {
    }

    /**
     * Learns from the article's paragraphs, then returns its body without the paragraphs that are
     * boilerplate for this source. Never removes every paragraph: a body made only of repeated text is
     * returned unchanged. Re-ingesting the same article id does not count twice.
     */
    public Cleaned learnAndClean(String articleId, String body, int minArticles, int maxParagraphs) {
        String[] parts = body.split("\\n\\s*\\n");
        long article = Long.parseUnsignedLong(Hashing.sha256Hex(8, articleId), 16);
        long[] hashes = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            hashes[i] = paragraphHash(parts[i]);
            long[] seen = paragraphs.computeIfAbsent(hashes[i], h -> new long[] {0, 0});
            if (seen[1] != article) {
                seen[0]++;
                seen[1] = article;
            }
        }
        List<String> kept = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            if (paragraphs.get(hashes[i])[0] < minArticles) {
                kept.add(parts[i].strip());
            }
        }
        evict(maxParagraphs);
        if (kept.isEmpty() || kept.size() == parts.length) {
            return new Cleaned(body, 0);
        }
        return new Cleaned(String.join("\n\n", kept), parts.length - kept.size());
    }

    /** How many paragraphs are remembered. */
    public int size() {
        return paragraphs.size();
    }

    private void evict(int maxParagraphs) {
        if (paragraphs.size() <= maxParagraphs) {
            return;
        }
        List<Map.Entry<Long, long[]>> byCount = new ArrayList<>(paragraphs.entrySet());
        byCount.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(a.getValue()[0], b.getValue()[0])
                : Long.compare(a.getKey(), b.getKey()));
        for (int i = 0; i < byCount.size() - maxParagraphs; i++) {
            paragraphs.remove(byCount.get(i).getKey());
        }
    }

    private static long paragraphHash(String paragraph) {
        return Long.parseUnsignedLong(Hashing.sha256Hex(8, Normalizer.normalize(paragraph)), 16);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + paragraphs.size() * 24);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeInt(paragraphs.size());
            for (var e : paragraphs.entrySet()) {
                out.writeLong(e.getKey());
                out.writeInt((int) Math.min(Integer.MAX_VALUE, e.getValue()[0]));
                out.writeLong(e.getValue()[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static BoilerplateModel fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readByte() != 1) {
                throw new IllegalArgumentException("unknown boilerplate model version");
            }
            int n = in.readInt();
            Map<Long, long[]> m = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                m.put(in.readLong(), new long[] {in.readInt(), in.readLong()});
            }
            return new BoilerplateModel(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Read-only view for tests and metrics: paragraph hash → articles seen. */
    public Map<Long, Long> counts() {
        Map<Long, Long> out = new HashMap<>();
        paragraphs.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }
}
