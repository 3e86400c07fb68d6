package io.wirestream.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.model.RawArticle;
import io.wirestream.model.SourceDocument;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExtractorTest {

    private static final Instant FETCHED = Instant.parse("2026-11-20T10:00:00Z");
    private final Extractor extractor = new Extractor();

    private static SourceDocument doc(String type, byte[] content) {
        return SourceDocument.newBuilder().setDocumentId("d1").setConnector("file").setSource("test")
                .setContentType(type).setContent(ByteBuffer.wrap(content)).setFetchedAt(FETCHED).build();
    }

    private static SourceDocument json(String json) {
        return doc("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonArticleKeepsTitleBodyUrlAndPublicationTime() {
        RawArticle a = extractor.extract(json("""
                {"title": "Port strike ends", "text": "Dock workers returned.", "source": "Coastal Herald",
                 "url": "https://WWW.Herald.example/a/1?utm_source=x&id=7#top", "published": "2026-11-19T08:00:00Z"}"""));
        assertThat(a.getTitle()).isEqualTo("Port strike ends");
        assertThat(a.getBody()).isEqualTo("Dock workers returned.");
        assertThat(a.getSource()).isEqualTo("Coastal Herald");
        assertThat(a.getCanonicalUrl()).isEqualTo("https://www.herald.example/a/1?id=7");
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2026-11-19T08:00:00Z"));
        assertThat(a.getIngestedAt()).isEqualTo(FETCHED);
        assertThat(a.getDocumentId()).isEqualTo("d1");
    }

    @Test
    void sameUrlGivesSameIdWhateverTheTrackingParameters() {
        RawArticle a = extractor.extract(json("{\"title\":\"T\",\"text\":\"B\",\"url\":\"https://x.example/a?utm_medium=rss\"}"));
        RawArticle b = extractor.extract(json("{\"title\":\"T2\",\"text\":\"B2\",\"url\":\"https://X.example/a#c\"}"));
        assertThat(a.getArticleId()).isEqualTo(b.getArticleId());
    }

    @Test
    void withoutUrlTheIdFollowsTheNormalisedText() {
        RawArticle a = extractor.extract(json("{\"title\":\"Rates held\",\"text\":\"The bank held rates.\"}"));
        RawArticle b = extractor.extract(json("{\"title\":\"RATES HELD\",\"text\":\"The bank  held rates\"}"));
        RawArticle c = extractor.extract(json("{\"title\":\"Rates cut\",\"text\":\"The bank cut rates.\"}"));
        assertThat(a.getArticleId()).isEqualTo(b.getArticleId()).isNotEqualTo(c.getArticleId());
        assertThat(a.getContentHash()).isEqualTo(b.getContentHash());
    }

    @Test
    void plainTextTakesTheFirstLineAsTitle() {
        RawArticle a = extractor.extract(doc("text/plain; charset=utf-8",
                "\n\nFlood waters recede\nResidents began returning home.\n\nAid arrived.".getBytes(StandardCharsets.UTF_8)));
        assertThat(a.getTitle()).isEqualTo("Flood waters recede");
        assertThat(a.getBody()).isEqualTo("Residents began returning home.\n\nAid arrived.");
    }

    @Test
    void emptyDocumentIsRejectedWithTheReason() {
        assertThatThrownBy(() -> extractor.extract(doc("application/json", new byte[0])))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("d1").hasMessageContaining("empty");
    }

    @Test
    void binaryContentIsRejectedWithTheReason() {
        assertThatThrownBy(() -> extractor.extract(doc("text/plain", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2})))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("binary");
        assertThatThrownBy(() -> extractor.extract(doc("text/plain", "a\0b".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("NUL");
    }

    @Test
    void malformedJsonIsRejectedWithTheReason() {
        assertThatThrownBy(() -> extractor.extract(json("{\"title\": \"cut off")))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> extractor.extract(json("[1,2]")))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("not an object");
    }

    @Test
    void hugeDocumentIsRejectedWithTheReason() {
        assertThatThrownBy(() -> extractor.extract(doc("text/plain", new byte[Extractor.MAX_BYTES + 1])))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("above the limit");
    }

    @Test
    void titleWithoutBodyIsRejected() {
        assertThatThrownBy(() -> extractor.extract(json("{\"title\":\"Only a headline\"}")))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("no body");
    }

    @Test
    void unparsablePublicationTimeIsRejected() {
        assertThatThrownBy(() -> extractor.extract(json("{\"title\":\"T\",\"text\":\"B\",\"published\":\"yesterday\"}")))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("ISO-8601");
    }

    @Test
    void unsupportedContentTypeIsRejected() {
        assertThatThrownBy(() -> extractor.extract(doc("application/pdf", "x".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("unsupported content type");
    }
}
