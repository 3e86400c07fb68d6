package io.wirestream.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.model.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An article page with navigation, a cookie banner, a sidebar, comments, related links and a footer. */
class HtmlExtractionTest {

    private static RawArticle article;

    @BeforeAll
    static void extract() throws IOException {
        try (InputStream in = HtmlExtractionTest.class.getResourceAsStream("/extract/article.html")) {
            article = new Extractor().extract(ExtractorTest.doc("text/html; charset=utf-8", in.readAllBytes()));
        }
    }

    @Test
    void storyParagraphsAreTheBody() {
        assertThat(article.getBody()).startsWith("The longest rail tunnel in the Glacier valley opened")
                .endsWith("would be bypassed and forgotten.");
        assertThat(article.getBody().split("\n\n")).hasSize(4);
    }

    @Test
    void navigationCookieBannerSidebarCommentsRelatedLinksAndFooterAreDropped() {
        assertThat(article.getBody()).doesNotContain("Sport", "cookies", "Ski lift fire", "Finally, after all these years",
                "Tunnel boring machine", "Copyright", "newsletter", "window.ads", "Read more");
    }

    @Test
    void figureCaptionAndCreditAreSeparated() {
        assertThat(article.getCaptions()).containsExactly("The first passenger train leaves the northern portal on Monday morning.");
        assertThat(article.getCredits()).containsExactly("Paul Egger/AFP via Getty Images");
        assertThat(article.getBody()).doesNotContain("northern portal");
    }

    @Test
    void openGraphTitleWinsOverTheTitleTag() {
        assertThat(article.getTitle()).isEqualTo("Glacier rail tunnel opens after nine years of work");
    }

    @Test
    void jsonLdGivesAuthorAndPublicationTime() {
        assertThat(article.getByline()).isEqualTo("Sofia Brenner");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2026-03-02T06:30:00Z"));
        assertThat(article.getPublishedApproximate()).isFalse();
    }

    @Test
    void canonicalLinkAndSiteNameGiveUrlAndPublisher() {
        assertThat(article.getUrl()).isEqualTo("https://www.alpinecourier.example/news/glacier-tunnel");
        assertThat(article.getCanonicalUrl()).isEqualTo("https://www.alpinecourier.example/news/glacier-tunnel");
        assertThat(article.getPublisher()).isEqualTo("Alpine Courier");
        assertThat(article.getLanguage()).isEqualTo("en");
    }

    @Test
    void titleTagLosesItsSiteSuffixWhenItIsTheOnlyTitle() {
        String html = "<html><head><title>Bridge reopens after repairs | Valley Post</title></head><body><div>"
                + "<p>The old stone bridge over the river reopened on Friday after eight months of repairs, the council said.</p>"
                + "<p>Traffic will be limited to one lane, in each direction, until the spring inspection is complete.</p></div></body></html>";
        RawArticle a = new Extractor().extract(ExtractorTest.doc("text/html", html));
        assertThat(a.getTitle()).isEqualTo("Bridge reopens after repairs");
        assertThat(a.getBody()).startsWith("The old stone bridge").contains("\n\nTraffic will be limited");
    }
}
