package io.wirestream.bench;

import io.wirestream.cli.bench.ArticleGenerator;
import java.time.Instant;
import java.util.List;

/**
 * The benchmark articles: originals from {@code wirestream bench}'s generator (wire stories with a dateline,
 * leaders, cities, international bodies and invented people), so that the kernels and the end-to-end bench
 * measure the same kind of text. {@code reuters}: about 150 body words (a requested 120 plus dateline and footer); {@code long}: about 650.
 */
record BenchArticles(String title, String body, Instant published) {

    static final int REUTERS_WORDS = 120;
    static final int LONG_WORDS = 600;

    static BenchArticles[] of(String size, int n) {
        int words = switch (size) {
            case "reuters" -> REUTERS_WORDS;
            case "long" -> LONG_WORDS;
            default -> throw new IllegalArgumentException("size: reuters or long, not " + size);
        };
        List<ArticleGenerator.Article> generated = new ArticleGenerator(20_261_123L).articles(n, 0, words);
        return generated.stream().map(a -> new BenchArticles(a.json().get("title").asText(), a.json().get("text").asText(),
                Instant.parse(a.json().get("published").asText()))).toArray(BenchArticles[]::new);
    }
}
