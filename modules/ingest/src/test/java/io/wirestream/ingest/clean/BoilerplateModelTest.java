package io.wirestream.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoilerplateModelTest {

    private static final String PROMO = "Sign up for the Morning Ledger newsletter and get the day's top stories first.";

    private static String body(String story) {
        return story + "\n\n" + PROMO;
    }

    @Test
    void paragraphRepeatedAcrossEnoughArticlesOfASourceIsRemoved() {
        BoilerplateModel m = BoilerplateModel.empty();
        assertThat(m.learnAndClean("a1", body("Port workers walked out on Monday."), 3, 100).removedParagraphs()).isZero();
        assertThat(m.learnAndClean("a2", body("Rain closed schools across the valley."), 3, 100).removedParagraphs()).isZero();
        BoilerplateModel.Cleaned third = m.learnAndClean("a3", body("The bank held its key rate."), 3, 100);
        assertThat(third.removedParagraphs()).isEqualTo(1);
        assertThat(third.body()).isEqualTo("The bank held its key rate.");
    }

    @Test
    void reIngestingTheSameArticleDoesNotCountTwice() {
        BoilerplateModel m = BoilerplateModel.empty();
        for (int i = 0; i < 5; i++) {
            m.learnAndClean("same", body("Port workers walked out on Monday."), 3, 100);
        }
        assertThat(m.learnAndClean("other", body("Rain closed schools."), 3, 100).removedParagraphs()).isZero();
    }

    @Test
    void aBodyMadeOnlyOfRepeatedTextIsKept() {
        BoilerplateModel m = BoilerplateModel.empty();
        for (int i = 0; i < 3; i++) {
            m.learnAndClean("a" + i, PROMO, 3, 100);
        }
        assertThat(m.learnAndClean("a9", PROMO, 3, 100).body()).isEqualTo(PROMO);
    }

    @Test
    void formattingDifferencesStillCountAsTheSameParagraph() {
        BoilerplateModel m = BoilerplateModel.empty();
        m.learnAndClean("a1", "Story one.\n\n" + PROMO, 2, 100);
        assertThat(m.learnAndClean("a2", "Story two.\n\n" + PROMO.toUpperCase() + "  ", 2, 100).body()).isEqualTo("Story two.");
    }

    @Test
    void memoryIsBoundedAndSurvivesSerialisation() {
        BoilerplateModel m = BoilerplateModel.empty();
        for (int i = 0; i < 50; i++) {
            m.learnAndClean("a" + i, "Unique paragraph number " + i + ".\n\n" + PROMO, 3, 10);
        }
        assertThat(m.size()).isLessThanOrEqualTo(10);
        BoilerplateModel copy = BoilerplateModel.fromBytes(m.toBytes());
        assertThat(copy.counts()).isEqualTo(m.counts());
        assertThat(copy.learnAndClean("b", "New story.\n\n" + PROMO, 3, 10).body()).isEqualTo("New story.");
    }
}
