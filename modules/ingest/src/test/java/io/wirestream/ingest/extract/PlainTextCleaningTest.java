package io.wirestream.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.model.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A scraped page in the shape of aggregator text dumps: story, then site furniture, with a photo in between. */
class PlainTextCleaningTest {

    private static RawArticle article;

    @BeforeAll
    static void extract() throws IOException {
        try (InputStream in = PlainTextCleaningTest.class.getResourceAsStream("/extract/harbour-story.txt")) {
            article = new Extractor().extract(ExtractorTest.doc("text/plain", in.readAllBytes()));
        }
    }

    @Test
    void firstLineIsTheTitle() {
        assertThat(article.getTitle()).isEqualTo("Port Authority Chief Signals Break With Shipping Cartel as Talks Stall");
    }

    @Test
    void storyParagraphsAreKeptInOrderSeparatedByBlankLines() {
        assertThat(article.getBody()).startsWith("Harbour officials in Kestrelport said on Tuesday")
                .contains("\n\nThe decision, announced by port authority chief Idris Calloway")
                .endsWith("said it was \"disappointed\" and would review its schedules.");
        assertThat(article.getBody().split("\n\n")).hasSize(4);
    }

    @Test
    void metadataLineBecomesAnApproximatePublicationTime() {
        assertThat(article.getBody()).doesNotContain("3 days ago", "27");
        assertThat(article.getPublishedAt()).isEqualTo(ExtractorTest.FETCHED.minus(3, ChronoUnit.DAYS));
        assertThat(article.getPublishedApproximate()).isTrue();
    }

    @Test
    void bylineLineBecomesTheByline() {
        assertThat(article.getByline()).isEqualTo("Maren Olsvik");
        assertThat(article.getBody()).doesNotContain("By Maren Olsvik");
    }

    @Test
    void readArticleLinksAndKeywordLinesAreDropped() {
        assertThat(article.getBody()).doesNotContain("Read Full Article", "kestrelport port authority consortium dispute");
    }

    @Test
    void captionAndCreditRunTogetherAreSeparatedFromTheBody() {
        assertThat(article.getCaptions()).contains("Dockworkers unload containers at the eastern terminal of Kestrelport harbour."
                + " The port handles a third of the region's freight.");
        assertThat(article.getCredits()).containsExactly("Lena Brandt/Reuters", "Getty Images");
        assertThat(article.getBody()).doesNotContain("Dockworkers unload", "Lena Brandt", "Reuters");
    }

    @Test
    void captionsAfterTheFooterAreStillCollectedWithTheirPhotoTitle() {
        assertThat(article.getCaptions()).contains("Calloway Meets Consortium Delegates",
                "From left, port authority chief Idris Calloway and consortium delegates during the signing ceremony at the harbour office.");
        assertThat(article.getBody()).doesNotContain("signing ceremony", "Getty Images");
    }

    @Test
    void standardsFooterTipRequestBioAndPromosEndTheBody() {
        assertThat(article.getBody()).doesNotContain("Uncommon Insight", "is committed to", "Have a tip", "About the writer",
                "Maren Olsvik is a", "Read more", "delivered to your door", "ad-free", "Ledger cover");
    }

    @Test
    void creditLinesAreRecognisedByShape() {
        assertThat(TextCleaner.isCredit("Getty Images")).isTrue();
        assertThat(TextCleaner.isCredit("Alexei Druzhinin/AFP via Getty Images")).isTrue();
        assertThat(TextCleaner.isCredit("Photo by Jan Kowalski")).isTrue();
        assertThat(TextCleaner.isCredit("Mara Quist/Bloomberg")).isTrue();
        assertThat(TextCleaner.isCredit("He told Reuters")).isFalse();
        assertThat(TextCleaner.isCredit("The minister spoke to AFP.")).isFalse();
    }

    @Test
    void absoluteDateLineIsAnExactPublicationTime() {
        RawArticle a = new Extractor().extract(ExtractorTest.doc("text/plain", "Headline\n\nPublished Nov 23, 2022 at 10:15 AM EST\n\n"
                + ExtractorTest.STORY));
        assertThat(a.getPublishedAt()).isEqualTo(java.time.Instant.parse("2022-11-23T15:15:00Z"));
        assertThat(a.getPublishedApproximate()).isFalse();
        assertThat(a.getBody()).isEqualTo(ExtractorTest.STORY);
    }
}
