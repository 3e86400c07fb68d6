package io.wirestream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.DuplicateStatus;
import io.wirestream.model.SourceDocument;
import io.wirestream.runtime.ServiceSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The bench's judgement of the final decisions against what the generator made, and its wait for them to settle. */
class QualityTest {

    private final List<ArticleGenerator.Article> articles = new ArticleGenerator(11).articles(40, 0.3, 120);
    private final List<SourceDocument> documents = PipelineBench.documents(articles);
    private final Map<String, DuplicateDecision> decisions = new HashMap<>();
    private final Map<String, String> documentOf = new HashMap<>();

    /** Every article gets the right decision, under an article id of its own ("art-<index>"). */
    QualityTest() {
        for (ArticleGenerator.Article a : articles) {
            documentOf.put(id(a.index()), documents.get(a.index()).getDocumentId());
            decide(a.index(), a.original() ? DuplicateStatus.ORIGINAL : DuplicateStatus.NEAR_DUPLICATE,
                    a.original() ? null : id(a.copyOf()));
        }
    }

    @Test
    void rightDecisionsAreAllCountedAndNoneIsListed() {
        BenchResult.Quality q = quality();
        long copies = articles.stream().filter(a -> !a.original()).count();
        assertThat(copies).isPositive();
        assertThat(q.copiesFound()).isEqualTo(copies);
        assertThat(q.originalsKept()).isEqualTo(q.originals()).isEqualTo(articles.size() - copies);
        assertThat(q.wrong()).isEmpty();
    }

    @Test
    void aCopyNotFoundAndAnOriginalTakenForACopyAreListedWithTheirReasons() {
        ArticleGenerator.Article copy = articles.stream().filter(a -> !a.original()).findFirst().orElseThrow();
        ArticleGenerator.Article original = articles.stream().filter(a -> a.original() && a.index() != copy.copyOf())
                .reduce((first, second) -> second).orElseThrow();
        decide(copy.index(), DuplicateStatus.ORIGINAL, null);
        decide(original.index(), DuplicateStatus.EXACT_DUPLICATE, id(copy.copyOf()));
        BenchResult.Quality q = quality();
        assertThat(q.copiesFound()).isEqualTo(articles.stream().filter(a -> !a.original()).count() - 1);
        assertThat(q.originalsKept()).isEqualTo(q.originals() - 1);
        assertThat(q.wrong()).containsExactlyInAnyOrder(
                "article " + id(copy.index()) + " (generated #" + copy.index() + ", " + copy.variant() + " of #" + copy.copyOf()
                        + ") decided ORIGINAL: reason " + copy.index(),
                "article " + id(original.index()) + " (generated #" + original.index() + ", ORIGINAL) decided EXACT_DUPLICATE of "
                        + id(copy.copyOf()) + " (generated #" + copy.copyOf() + "): reason " + original.index());
    }

    @Test
    void aCopyTakenForACopyOfAnotherArticleIsNotFound() {
        ArticleGenerator.Article copy = articles.stream().filter(a -> !a.original()).findFirst().orElseThrow();
        int other = articles.stream().filter(a -> a.original() && a.index() != copy.copyOf()).findFirst().orElseThrow().index();
        decide(copy.index(), DuplicateStatus.NEAR_DUPLICATE, id(other));
        assertThat(quality().wrong()).singleElement().asString().contains("decided NEAR_DUPLICATE of " + id(other));
    }

    @Test
    void atMostTenAreListedTheLowestGeneratedNumbersFirst() {
        List<Integer> originals = articles.stream().filter(ArticleGenerator.Article::original).map(ArticleGenerator.Article::index).toList();
        assertThat(originals).hasSizeGreaterThan(PipelineBench.MAX_WRONG + 2);
        List<Integer> taken = originals.subList(1, PipelineBench.MAX_WRONG + 3);      // twelve originals taken for copies
        for (int k = taken.size() - 1; k >= 0; k--) {      // decided in the reverse order: the listing sorts
            decide(taken.get(k), DuplicateStatus.NEAR_DUPLICATE, id(originals.get(0)));
        }
        assertThat(quality().wrong()).hasSize(PipelineBench.MAX_WRONG)
                .allSatisfy(line -> assertThat(line).contains("decided NEAR_DUPLICATE of " + id(originals.get(0))))
                .map(line -> line.substring(0, line.indexOf(' ', "article ".length())))
                .containsExactlyElementsOf(taken.subList(0, PipelineBench.MAX_WRONG).stream().map(i -> "article " + id(i)).toList());
    }

    @Test
    void theQuietTimeIsASecondOrTwentyCommitIntervals() {
        Properties p = new Properties();
        p.setProperty(ServiceSettings.BOOTSTRAP_SERVERS, "127.0.0.1:9092");
        p.setProperty(ServiceSettings.SCHEMA_REGISTRY_URL, "http://127.0.0.1:8081");
        assertThat(PipelineBench.quiet(ServiceSettings.parse("bench", p, Map.of()))).isEqualTo(Duration.ofSeconds(1));
        p.setProperty("commit.interval.ms", "200");
        assertThat(PipelineBench.quiet(ServiceSettings.parse("bench", p, Map.of()))).isEqualTo(Duration.ofSeconds(4));
    }

    private BenchResult.Quality quality() {
        return PipelineBench.quality(articles, documents, decisions, documentOf, 0);
    }

    private void decide(int index, DuplicateStatus status, String duplicateOf) {
        decisions.put(id(index), DuplicateDecision.newBuilder()
                .setArticleId(id(index))
                .setStatus(status)
                .setDuplicateOf(duplicateOf)
                .setSimilarity(duplicateOf == null ? 1.0 : 0.9)
                .setStoryId("story-" + (duplicateOf == null ? id(index) : duplicateOf))
                .setSource("bench")
                .setTitle("t")
                .setEventTime(Instant.EPOCH)
                .setCorrection(false)
                .setPreviousStatus(null)
                .setPreviousDuplicateOf(null)
                .setReason("reason " + index)
                .setDecidedAt(Instant.EPOCH)
                .build());
    }

    private static String id(int index) {
        return "art-" + index;
    }
}
