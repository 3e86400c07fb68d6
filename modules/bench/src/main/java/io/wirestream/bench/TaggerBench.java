package io.wirestream.bench;

import io.wirestream.tagger.Analysis;
import io.wirestream.tagger.Tagger;
import io.wirestream.tagger.data.Actor;
import io.wirestream.tagger.data.ActorDictionary;
import io.wirestream.tagger.data.Gazetteer;
import io.wirestream.tagger.match.PhraseIndex;
import io.wirestream.tagger.match.Tokens;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * What the tagger does per article, on one core. One op = one article (title and body), so ops/s is
 * articles/s. {@code reuters}: 120..180 body words and at most 1,000 characters, with a dateline;
 * {@code long}: 560..640 words. Each size cycles through 256 different articles.
 *
 * <ul>
 *   <li>{@link #analyze}: the whole {@code Tagger.analyze}.</li>
 *   <li>{@link #tokenize}: {@code Tokens.of} over title and body, the tokenizer's share.</li>
 *   <li>{@link #phraseScan}: tokenizing plus the longest-match scan over a phrase index built from the same
 *   public data as the tagger's (gazetteer names, actor names, aliases and short forms, blockers). The
 *   tagger's own index is private; this replica lacks its small list of compass words that are not places,
 *   and does not skip photo credits, so it approximates the matching kernel's cost.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class TaggerBench {

    private static final int POOL = 256;

    @Param({"reuters", "long"})
    String size;

    private WireArticles.Article[] articles;
    private int next;

    @Setup
    public void setUp() {
        articles = switch (size) {
            case "reuters" -> WireArticles.reuters(POOL);
            case "long" -> WireArticles.longer(POOL);
            default -> throw new IllegalArgumentException("size: reuters or long, not " + size);
        };
    }

    private WireArticles.Article nextArticle() {
        next = (next + 1) & (POOL - 1);
        return articles[next];
    }

    @Benchmark
    public Analysis analyze(Loaded loaded) {
        WireArticles.Article a = nextArticle();
        return loaded.tagger.analyze(a.title(), a.body(), a.published());
    }

    @Benchmark
    public int tokenize() {
        WireArticles.Article a = nextArticle();
        return Tokens.of(a.title()).size() + Tokens.of(a.body()).size();
    }

    @Benchmark
    public int phraseScan(Index index) {
        WireArticles.Article a = nextArticle();
        return index.scan(Tokens.of(a.title())) + index.scan(Tokens.of(a.body()));
    }

    /** The loaded tagger, in its own state so that {@link #tokenize} runs without the data. */
    @State(Scope.Benchmark)
    public static class Loaded {
        final Tagger tagger = Tagger.shared();
    }

    /** A replica of the tagger's phrase index; a separate state so that only {@link #phraseScan} builds it. */
    @State(Scope.Benchmark)
    public static class Index {

        private final PhraseIndex<Object> phrases = new PhraseIndex<>();

        @Setup
        public void setUp() {
            for (Gazetteer.Name n : Gazetteer.load().names()) {
                phrases.add(n.surface(), n);
            }
            ActorDictionary dictionary = ActorDictionary.load();
            for (Actor a : dictionary.actors()) {
                phrases.add(a.name(), a);
                a.aliases().forEach(s -> phrases.add(s, a));
                a.shorts().forEach(s -> phrases.add(s, a));
            }
            dictionary.blockers().forEach(s -> phrases.add(s, s));
        }

        /** Longest-match scan as the tagger does it; returns the number of hits. */
        int scan(Tokens tokens) {
            int hits = 0;
            int i = 0;
            while (i < tokens.size()) {
                PhraseIndex.Hit<Object> h = phrases.longest(tokens, i);
                if (h == null) {
                    i++;
                } else {
                    hits++;
                    i = h.to();
                }
            }
            return hits;
        }
    }
}
