package io.wirestream.dedup.core;

import io.wirestream.dedup.Permutations;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.dedup.core.OfflineDeduplicator.Article;
import io.wirestream.dedup.core.OfflineDeduplicator.Event;
import io.wirestream.model.DuplicateStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OfflineDeduplicatorTest {

    /** Reproducible pseudo-text: {@code n} words drawn from a 2,000-word vocabulary. */
    private static String words(long seed, int n) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append("w").append(Integer.toString(r.nextInt(2000), 36));
        }
        return sb.toString();
    }

    private static final String BODY = words(1, 200);
    private static final String OTHER = words(2, 200);

    private static Article article(String id, String title, String text, long published) {
        return new Article(id, title, text, published, "test");
    }

    private static OfflineDeduplicator dedup() {
        return new OfflineDeduplicator(DedupConfig.defaults());
    }

    /** The last event of each id: its final decision. */
    private static Map<String, Event> finals(List<Event> events) {
        Map<String, Event> last = new LinkedHashMap<>();
        events.forEach(e -> last.put(e.id(), e));
        return last;
    }

    @Test
    void exactCopyIsExactDuplicateOfTheFirst() {
        OfflineDeduplicator d = dedup();
        d.process(article("a", "Rates rise", BODY, 1_000));
        List<Event> out = d.process(article("b", "Rates rise", BODY, 2_000));
        assertThat(out).containsExactly(new Event("b", DuplicateStatus.EXACT_DUPLICATE, "a", 1.0, "story-a"));
    }

    @Test
    void nearCopyWithNewHeadlineAndFooterIsNearDuplicate() {
        OfflineDeduplicator d = dedup();
        d.process(article("a", "Rates rise", BODY, 1_000));
        List<Event> out = d.process(article("b", "Central bank lifts its main rate again",
                BODY + " Copyright Paper B. All rights reserved.", 2_000));
        assertThat(out).hasSize(1);
        Event b = out.get(0);
        assertThat(b.status()).isEqualTo(DuplicateStatus.NEAR_DUPLICATE);
        assertThat(b.duplicateOf()).isEqualTo("a");
        assertThat(b.similarity()).isBetween(0.8, 1.0);
        assertThat(b.storyId()).isEqualTo("story-a");
    }

    @Test
    void unrelatedArticleIsOriginalWithItsOwnStory() {
        OfflineDeduplicator d = dedup();
        d.process(article("a", "Rates rise", BODY, 1_000));
        List<Event> out = d.process(article("b", "Floods close schools", OTHER, 2_000));
        assertThat(out).containsExactly(new Event("b", DuplicateStatus.ORIGINAL, null, 1.0, "story-b"));
    }

    @Test
    void lateArrivingEarlierCopyBecomesTheOriginalThroughCorrections() {
        OfflineDeduplicator d = dedup();
        d.process(article("b", "Rates rise", BODY, 2_000));
        d.process(article("c", "Rates rise again", BODY + " Reporting by C.", 3_000));
        List<Event> out = d.process(article("a", "Rates rise", BODY, 1_000));

        assertThat(out.get(0)).isEqualTo(new Event("a", DuplicateStatus.ORIGINAL, null, 1.0, "story-a"));
        Map<String, Event> corrections = finals(out.subList(1, out.size()));
        assertThat(corrections.keySet()).containsExactlyInAnyOrder("b", "c");
        assertThat(corrections.get("b")).isEqualTo(new Event("b", DuplicateStatus.EXACT_DUPLICATE, "a", 1.0, "story-a"));
        assertThat(corrections.get("c").status()).isEqualTo(DuplicateStatus.NEAR_DUPLICATE);
        assertThat(corrections.get("c").duplicateOf()).isEqualTo("a");
        assertThat(d.decisions().values()).extracting(Event::storyId).containsOnly("story-a");
    }

    @Test
    void storyChangeReachesArticlesThatDuplicateACorrectedArticle() {
        // b is near a but not near c; c (published first, arriving last) is near a.
        String extraC = words(3, 30);
        String extraB = words(4, 30);
        OfflineDeduplicator d = dedup();
        d.process(article("a", "Rates", BODY, 2_000));
        d.process(article("b", "Rates", BODY + " " + extraB, 3_000));
        List<Event> out = d.process(article("c", "Rates", BODY + " " + extraC, 1_000));

        Map<String, Event> last = finals(out);
        assertThat(last.get("c").status()).isEqualTo(DuplicateStatus.ORIGINAL);
        assertThat(last.get("a").duplicateOf()).isEqualTo("c");
        assertThat(last.get("b").duplicateOf()).isEqualTo("a");
        assertThat(last.values()).extracting(Event::storyId).containsOnly("story-c");
    }

    @Test
    void finalDecisionsAreTheSameForEveryArrivalOrder() {
        List<Article> articles = List.of(
                article("a", "Rates rise", BODY, 1_000),
                article("b", "Rates rise", BODY, 2_000),
                article("c", "Bank lifts rate", BODY + " Copyright Paper C.", 3_000),
                article("d", "Floods", OTHER, 1_500),
                article("e", "Floods close schools", OTHER + " More to follow.", 500));
        Map<String, Event> expected = finals(dedup().processAll(articles));
        assertThat(expected.get("d").duplicateOf()).isEqualTo("e");

        List<List<Article>> orders = Permutations.of(articles);
        assertThat(orders).hasSize(120);
        for (List<Article> order : orders) {
            OfflineDeduplicator d = dedup();
            Map<String, Event> last = finals(d.processAll(order));
            assertThat(last).as(order.stream().map(Article::id).toList().toString()).isEqualTo(expected);
            assertThat(d.decisions()).isEqualTo(expected);
        }
    }

    @Test
    void shortTextsMatchOnlyExactly() {
        OfflineDeduplicator d = dedup();
        d.process(article("a", "Brief", "Shares closed higher today.", 1_000));
        List<Event> near = d.process(article("b", "Brief", "Shares closed higher today again.", 2_000));
        List<Event> exact = d.process(article("c", "Brief", "Shares closed higher today.", 3_000));
        assertThat(near).containsExactly(new Event("b", DuplicateStatus.ORIGINAL, null, 1.0, "story-b"));
        assertThat(exact).containsExactly(new Event("c", DuplicateStatus.EXACT_DUPLICATE, "a", 1.0, "story-a"));
    }

    @Test
    void replayedIdChangesNothing() {
        OfflineDeduplicator d = dedup();
        d.process(article("a", "Rates rise", BODY, 1_000));
        d.process(article("b", "Rates rise", BODY, 2_000));
        List<Event> again = d.process(article("b", "Floods", OTHER, 2_000));
        assertThat(again).containsExactly(new Event("b", DuplicateStatus.EXACT_DUPLICATE, "a", 1.0, "story-a"));
    }
}
