package io.wirestream.dedup;

import io.wirestream.model.RawArticle;
import io.wirestream.text.Hashing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A deterministic synthetic wire feed for tests: stories of random words, each carried by up to three
 * other outlets as an exact copy, a re-headlined copy with a footer, or a light edit, with publication
 * times that put some copies before their wire original, shuffled into an arrival order.
 */
final class SyntheticWire {

    private SyntheticWire() {
    }

    static List<RawArticle> feed(long seed, int stories) {
        Random rnd = new Random(seed);
        String[] vocab = vocabulary(rnd, 400);
        Instant t0 = Instant.parse("2026-11-18T06:00:00Z");
        List<RawArticle> out = new ArrayList<>();
        for (int s = 0; s < stories; s++) {
            String title = words(rnd, vocab, 8);
            String body = words(rnd, vocab, 90 + rnd.nextInt(80));
            Instant published = t0.plusSeconds(600L * s);
            out.add(article("s" + s + "-wire", "Wire", title, body, published));
            int copies = rnd.nextInt(4);
            for (int c = 0; c < copies; c++) {
                Instant t = published.plusSeconds(60L * (rnd.nextInt(40) - 10));   // some copies precede the wire
                String id = "s" + s + "-copy" + c;
                switch (rnd.nextInt(3)) {
                    case 0 -> out.add(article(id, "Outlet" + c, title, body, t));
                    case 1 -> out.add(article(id, "Outlet" + c, words(rnd, vocab, 7), body + " Reporting by Outlet" + c + " staff.", t));
                    default -> out.add(article(id, "Outlet" + c, title, edit(rnd, vocab, body), t));
                }
            }
        }
        Collections.shuffle(out, rnd);
        return out;
    }

    static RawArticle article(String id, String source, String title, String body, Instant published) {
        return RawArticle.newBuilder().setArticleId(id).setSource(source).setTitle(title).setBody(body)
                .setPublishedAt(published).setIngestedAt(published).setContentHash(Hashing.contentHash(title, body)).build();
    }

    private static String edit(Random rnd, String[] vocab, String body) {
        String[] w = body.split(" ");
        for (int i = 0; i < 2; i++) {
            w[rnd.nextInt(w.length)] = vocab[rnd.nextInt(vocab.length)];
        }
        return String.join(" ", w);
    }

    private static String words(Random rnd, String[] vocab, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(vocab[rnd.nextInt(vocab.length)]);
        }
        return sb.toString();
    }

    private static String[] vocabulary(Random rnd, int n) {
        String[] syllables = {"ka", "ro", "mi", "tan", "del", "su", "ver", "an", "lo", "pri", "ne", "gor", "ta", "bel", "is"};
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            v[i] = syllables[rnd.nextInt(syllables.length)] + syllables[rnd.nextInt(syllables.length)]
                    + syllables[rnd.nextInt(syllables.length)];
        }
        return v;
    }
}
