package io.wirestream.bench;

import io.wirestream.tagger.Analysis;
import io.wirestream.tagger.Tagger;
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
 * articles/s. {@code reuters}: about 150 body words with a dateline; {@code long}: about 650 words
 * ({@link BenchArticles}). Each size cycles through 256 different articles.
 *
 * <ul>
 *   <li>{@link #analyze}: the whole {@code Tagger.analyze}.</li>
 *   <li>{@link #tokenize}: {@code Tokens.of} over title and body, the tokenizer's share.</li>
 *   <li>{@link #phraseScan}: {@code Tagger.matchPhrases} over title and body: tokenizing, credit lines and the
 *   longest-match scan over the tagger's own phrase index, without the rules that follow.</li>
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

    private BenchArticles[] articles;
    private int next;

    @Setup
    public void setUp() {
        articles = BenchArticles.of(size, POOL);
    }

    private BenchArticles nextArticle() {
        next = (next + 1) & (POOL - 1);
        return articles[next];
    }

    @Benchmark
    public Analysis analyze(Loaded loaded) {
        BenchArticles a = nextArticle();
        return loaded.tagger.analyze(a.title(), a.body(), a.published());
    }

    @Benchmark
    public int tokenize() {
        BenchArticles a = nextArticle();
        return Tokens.of(a.title()).size() + Tokens.of(a.body()).size();
    }

    @Benchmark
    public int phraseScan(Loaded loaded) {
        BenchArticles a = nextArticle();
        return loaded.tagger.matchPhrases(a.title()) + loaded.tagger.matchPhrases(a.body());
    }

    /** The loaded tagger, in its own state so that {@link #tokenize} runs without the data. */
    @State(Scope.Benchmark)
    public static class Loaded {
        final Tagger tagger = Tagger.shared();
    }
}
