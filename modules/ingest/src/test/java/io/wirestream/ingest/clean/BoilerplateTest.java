package io.wirestream.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoilerplateTest {

    private static final String PROMO = "Sign up for the Morning Ledger newsletter and get the day's top stories first.";

    private final Map<Long, long[]> map = new HashMap<>();
    private final Boilerplate.Counts counts = new Boilerplate.Counts() {
        @Override
        public long[] get(long hash) {
            return map.get(hash);
        }

        @Override
        public void put(long hash, long[] stats) {
            map.put(hash, stats);
        }
    };

    private Boilerplate.Cleaned clean(String id, String body) {
        return Boilerplate.learnAndClean(counts, id, body, 3, 1_000L);
    }

    @Test
    void paragraphRepeatedAcrossEnoughArticlesOfASourceIsRemoved() {
        assertThat(clean("a1", "Port workers walked out on Monday.\n\n" + PROMO).removedParagraphs()).isZero();
        assertThat(clean("a2", "Rain closed schools across the valley.\n\n" + PROMO).removedParagraphs()).isZero();
        Boilerplate.Cleaned third = clean("a3", "The bank held its key rate.\n\n" + PROMO);
        assertThat(third.removedParagraphs()).isEqualTo(1);
        assertThat(third.body()).isEqualTo("The bank held its key rate.");
    }

    @Test
    void aSourcesThirdCopyOfAStoryKeepsTheStory() {
        String[] story = {
            "LIMA, Nov 21 (Wire) - Peru's congress voted on Thursday to delay the mining royalty bill until March.",
            "The vote followed two weeks of road blockades by farmers in the southern highlands.",
            "Finance Minister Ana Torres said the delay would cost the treasury about 300 million soles.",
            "Opposition lawmakers said they would table their own version of the bill next week.",
        };
        String edited = "Finance Minister Ana Torres said the delay could cost the treasury up to 400 million soles.";
        clean("s1", String.join("\n\n", story[0], story[1], story[2], story[3], PROMO));
        clean("s2", String.join("\n\n", story[0], story[1], edited, story[3], PROMO));
        String third = String.join("\n\n", story[0], story[1], story[2], story[3], PROMO);
        Boilerplate.Cleaned cleaned = clean("s3", third);
        assertThat(cleaned.body()).isEqualTo(third);
        assertThat(cleaned.removedParagraphs()).isZero();
        // The reprint is not counted: no paragraph has reached three articles.
        assertThat(map.values()).allSatisfy(stats -> assertThat(stats[0]).isLessThan(3));
        // A new story of the source makes the promo's third article: boilerplate from then on.
        String news = "Rain closed schools across the valley on Friday.\n\nThe district said classes would resume on Monday.";
        assertThat(clean("n1", news + "\n\n" + PROMO).body()).isEqualTo(news);
    }

    @Test
    void anArticleThatIsMostlyNewKeepsItsNewTextAndLosesTheRepeatedParagraphs() {
        clean("a1", "Port workers walked out on Monday.\n\nTalks resume on Wednesday.\n\n" + PROMO);
        clean("a2", "Rain closed schools.\n\nTalks resume on Wednesday.\n\n" + PROMO);
        Boilerplate.Cleaned third = clean("a3", "The bank held its key rate at 4.5 percent on Thursday, as expected.\n\n"
                + "Talks resume on Wednesday.\n\nEconomists had forecast a hold after inflation eased in October.\n\n" + PROMO);
        assertThat(third.removedParagraphs()).isEqualTo(2);
        assertThat(third.body()).isEqualTo("The bank held its key rate at 4.5 percent on Thursday, as expected.\n\n"
                + "Economists had forecast a hold after inflation eased in October.");
    }

    @Test
    void aShortArticleLosesItsEstablishedBoilerplate() {
        String credit = "(Reporting by Ana Torres; Editing by Tom Hale)";
        for (int i = 0; i < 3; i++) {
            clean("s" + i, "Story number " + i + " about the port strike, the talks that followed it and the ministers who"
                    + " flew in to end it.\n\nUnion leaders said on day " + i + " that the strike would go on until pay was settled,"
                    + " and shipping lines began to divert cargo.\n\n" + PROMO + "\n\n" + credit);
        }
        assertThat(clean("brief", "Markets closed early.\n\n" + PROMO + "\n\n" + credit).body()).isEqualTo("Markets closed early.");
    }

    @Test
    void shortRepeatedLinesAroundALongNewParagraphAreNotAReprint() {
        String[] lines = {"Dateline: Lima.", "Updated hourly.", "Wire copy."};
        String tail = String.join("\n\n", lines);
        clean("l1", "The first long story about the mining royalty bill and the blockades in the southern highlands.\n\n" + tail);
        clean("l2", "The second long story about the central bank, its key rate and what economists had expected.\n\n" + tail);
        String story = "A third long story, about fishing quotas, the navy and a dispute over waters off the northern coast.";
        Boilerplate.Cleaned third = clean("l3", story + "\n\n" + tail);      // 3 of 4 paragraphs repeated, but not the text
        assertThat(third.body()).isEqualTo(story);
        assertThat(third.removedParagraphs()).isEqualTo(3);
    }

    @Test
    void aParagraphTwiceInOneArticleCountsOnce() {
        clean("d1", "Line.\n\nLine.\n\nStory one is here, and it is a long one.");
        assertThat(map.values()).allSatisfy(stats -> assertThat(stats[0]).isEqualTo(1));
    }

    @Test
    void countsThatHandOutCopiesGiveTheSameResults() {
        Map<Long, long[]> stored = new HashMap<>();
        Boilerplate.Counts copying = new Boilerplate.Counts() {
            @Override
            public long[] get(long hash) {
                long[] v = stored.get(hash);
                return v == null ? null : v.clone();
            }

            @Override
            public void put(long hash, long[] stats) {
                stored.put(hash, stats.clone());
            }
        };
        String story = "LIMA - Congress delayed the mining bill.\n\nFarmers had blocked roads for two weeks.\n\nLine.\n\nLine.";
        for (int i = 0; i < 2; i++) {
            Boilerplate.learnAndClean(copying, "c" + i, story + "\n\nEdition " + i + " of the story, with its own sentence.", 3, 1_000L);
            clean("c" + i, story + "\n\nEdition " + i + " of the story, with its own sentence.");
        }
        String reprint = story + "\n\n" + PROMO;
        assertThat(Boilerplate.learnAndClean(copying, "c9", reprint, 3, 1_000L).body()).isEqualTo(clean("c9", reprint).body())
                .isEqualTo(reprint);
        assertThat(stored).hasSameSizeAs(map);
        stored.forEach((hash, stats) -> assertThat(stats).containsExactly(map.get(hash)));
    }

    @Test
    void reIngestingTheSameArticleDoesNotCountTwice() {
        for (int i = 0; i < 5; i++) {
            clean("same", "Port workers walked out on Monday.\n\n" + PROMO);
        }
        assertThat(clean("other", "Rain closed schools.\n\n" + PROMO).removedParagraphs()).isZero();
    }

    @Test
    void aBodyMadeOnlyOfRepeatedTextIsKept() {
        for (int i = 0; i < 3; i++) {
            clean("a" + i, PROMO);
        }
        assertThat(clean("a9", PROMO).body()).isEqualTo(PROMO);
    }

    @Test
    void formattingDifferencesStillCountAsTheSameParagraph() {
        Boilerplate.learnAndClean(counts, "a1", "Story one.\n\n" + PROMO, 2, 1L);
        assertThat(Boilerplate.learnAndClean(counts, "a2", "Story two.\n\n" + PROMO.toUpperCase() + "  ", 2, 2L).body())
                .isEqualTo("Story two.");
    }

    @Test
    void lastSeenTimeIsKeptForExpiry() {
        Boilerplate.learnAndClean(counts, "a1", "Story.\n\n" + PROMO, 3, 5_000L);
        Boilerplate.learnAndClean(counts, "a2", "Story two.\n\n" + PROMO, 3, 4_000L);
        assertThat(map.values()).allSatisfy(stats -> assertThat(stats[2]).isGreaterThanOrEqualTo(4_000L));
        assertThat(map.values()).anySatisfy(stats -> assertThat(stats[2]).isEqualTo(5_000L));
    }
}
