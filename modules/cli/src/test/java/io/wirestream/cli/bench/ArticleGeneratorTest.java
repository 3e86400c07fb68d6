package io.wirestream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.cli.bench.ArticleGenerator.Article;
import io.wirestream.cli.bench.ArticleGenerator.Variant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArticleGeneratorTest {

    private static final List<Article> ARTICLES = new ArticleGenerator(7).articles(1000, 0.3, 400);

    /** 5-word shingles of title and text, computed here: lower case, split on non-alphanumerics. */
    private static Set<String> shingles(Article a) {
        List<String> w = Arrays.stream((a.json().get("title").asText() + " " + a.json().get("text").asText())
                .toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")).filter(x -> !x.isEmpty()).toList();
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 5 <= w.size(); i++) {
            out.add(String.join(" ", w.subList(i, i + 5)));
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        return (double) inter.size() / (a.size() + b.size() - inter.size());
    }

    @Test
    void exactlyTheRequestedShareAreCopiesOfEarlierOriginals() {
        List<Article> copies = ARTICLES.stream().filter(a -> !a.original()).toList();
        assertThat(copies).hasSize(300);
        assertThat(copies).allSatisfy(c -> {
            assertThat(c.copyOf()).isLessThan(c.index());
            assertThat(ARTICLES.get(c.copyOf()).original()).isTrue();
        });
        assertThat(copies).extracting(Article::variant).contains(Variant.NEW_HEADLINE, Variant.EDITED_SENTENCE, Variant.VERBATIM);
    }

    @Test
    void copiesComeFromAnotherOutletUnderAnotherUrlAfterTheirOriginal() {
        ARTICLES.stream().filter(a -> !a.original()).forEach(c -> {
            Article o = ARTICLES.get(c.copyOf());
            assertThat(c.json().get("source").asText()).isNotEqualTo(o.json().get("source").asText());
            assertThat(c.json().get("url").asText()).isNotEqualTo(o.json().get("url").asText());
            assertThat(c.json().get("published").asText()).isGreaterThan(o.json().get("published").asText());
        });
    }

    @Test
    void copiesStayAboveTheDedupThresholdOfTheirOriginal() {
        double lowest = ARTICLES.stream().filter(a -> !a.original())
                .mapToDouble(c -> jaccard(shingles(c), shingles(ARTICLES.get(c.copyOf())))).min().orElseThrow();
        assertThat(lowest).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void unrelatedOriginalsShareFewShingles() {
        List<Set<String>> originals = ARTICLES.stream().filter(Article::original).limit(150).map(ArticleGeneratorTest::shingles).toList();
        double highest = 0;
        for (int i = 0; i < originals.size(); i++) {
            for (int j = i + 1; j < originals.size(); j++) {
                highest = Math.max(highest, jaccard(originals.get(i), originals.get(j)));
            }
        }
        assertThat(highest).isLessThan(0.2);
    }

    @Test
    void originalsHaveAboutTheRequestedLength() {
        assertThat(ARTICLES.stream().filter(Article::original))
                .allSatisfy(a -> assertThat(ArticleGenerator.countWords(a.json().get("text").asText())).isBetween(400, 480));
    }

    @Test
    void sameSeedSameArticles() {
        assertThat(new ArticleGenerator(7).articles(1000, 0.3, 400)).isEqualTo(ARTICLES);
    }
}
