package io.wirestream.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.model.RawArticle;
import io.wirestream.model.SourceDocument;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class ExtractorTest {

    static final Instant FETCHED = Instant.parse("2026-11-20T10:00:00Z");
    static final String STORY = "Dock workers returned to the container terminal on Thursday after a three-week strike over pay and shift patterns.";
    private final Extractor extractor = new Extractor();

    static SourceDocument doc(String type, byte[] content) {
        return SourceDocument.newBuilder().setDocumentId("d1").setConnector("file").setSource("test")
                .setContentType(type).setContent(ByteBuffer.wrap(content)).setFetchedAt(FETCHED).build();
    }

    static SourceDocument doc(String type, String content) {
        return doc(type, content.getBytes(StandardCharsets.UTF_8));
    }

    private static SourceDocument json(String json) {
        return doc("application/json", json);
    }

    @Test
    void jsonArticleKeepsTitleBodyUrlAndPublicationTime() {
        RawArticle a = extractor.extract(json("""
                {"title": "Port strike ends", "text": "%s", "source": "Coastal Herald", "author": "Ana Reis",
                 "url": "https://WWW.Herald.example/a/1?utm_source=x&id=7#top", "published": "2026-11-19T08:00:00Z"}"""
                .formatted(STORY)));
        assertThat(a.getTitle()).isEqualTo("Port strike ends");
        assertThat(a.getBody()).isEqualTo(STORY);
        assertThat(a.getSource()).isEqualTo("Coastal Herald");
        assertThat(a.getByline()).isEqualTo("Ana Reis");
        assertThat(a.getCanonicalUrl()).isEqualTo("https://www.herald.example/a/1?id=7");
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2026-11-19T08:00:00Z"));
        assertThat(a.getPublishedApproximate()).isFalse();
        assertThat(a.getIngestedAt()).isEqualTo(FETCHED);
        assertThat(a.getDocumentId()).isEqualTo("d1");
        assertThat(a.getLanguage()).isEqualTo("en");
        assertThat(a.getExtractor()).isEqualTo(Extractor.NAME);
    }

    @Test
    void sameUrlGivesSameIdWhateverTheTrackingParameters() {
        RawArticle a = extractor.extract(json("{\"title\":\"T\",\"text\":\"" + STORY + "\",\"url\":\"https://x.example/a?utm_medium=rss\"}"));
        RawArticle b = extractor.extract(json("{\"title\":\"T2\",\"text\":\"" + STORY + " More.\",\"url\":\"https://X.example/a#c\"}"));
        assertThat(a.getArticleId()).isEqualTo(b.getArticleId());
    }

    @Test
    void withoutUrlTheIdFollowsTheNormalisedText() {
        RawArticle a = extractor.extract(json("{\"title\":\"Rates held\",\"text\":\"" + STORY + "\"}"));
        RawArticle b = extractor.extract(json("{\"title\":\"RATES HELD\",\"text\":\"" + STORY.toUpperCase().replace(" ", "  ") + "\"}"));
        RawArticle c = extractor.extract(json("{\"title\":\"Rates cut\",\"text\":\"" + STORY + "\"}"));
        assertThat(a.getArticleId()).isEqualTo(b.getArticleId()).isNotEqualTo(c.getArticleId());
        assertThat(a.getContentHash()).isEqualTo(b.getContentHash());
    }

    @Test
    void jsonRelativePublicationTimeResolvesAgainstTheFetchTimeAndIsApproximate() {
        RawArticle a = extractor.extract(json("{\"title\":\"T\",\"text\":\"" + STORY + "\",\"published\":\"yesterday\"}"));
        assertThat(a.getPublishedAt()).isEqualTo(FETCHED.minus(1, ChronoUnit.DAYS));
        assertThat(a.getPublishedApproximate()).isTrue();
    }

    @Test
    void unparsablePublicationTimeIsRejected() {
        assertThatThrownBy(() -> extractor.extract(json("{\"title\":\"T\",\"text\":\"" + STORY + "\",\"published\":\"some day\"}")))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("ISO-8601");
    }

    @Test
    void plainTextTakesTheFirstLineAsTitleAndJoinsWrappedLines() {
        RawArticle a = extractor.extract(doc("text/plain; charset=utf-8",
                "\n\nFlood waters recede\nResidents began returning home on Sunday as the river fell\nbelow its banks.\n\n"
                        + "Aid arrived from three neighbouring districts by road."));
        assertThat(a.getTitle()).isEqualTo("Flood waters recede");
        assertThat(a.getBody()).isEqualTo("Residents began returning home on Sunday as the river fell below its banks.\n\n"
                + "Aid arrived from three neighbouring districts by road.");
    }

    @Test
    void exportedRawArticleIsReingestedLosslessly() throws Exception {
        RawArticle original = RawArticle.newBuilder().setArticleId("abc123def456").setRevision(3).setDocumentId("old")
                .setSource("wire").setPublisher("Coastal Herald").setUrl("https://herald.example/a/1?utm_source=x")
                .setCanonicalUrl("https://herald.example/a/1").setTitle("Port strike ends").setBody("Short body.\n\nTwo.")
                .setByline("Ana Reis").setCaptions(java.util.List.of("Workers at the gate.")).setCredits(java.util.List.of("Getty Images"))
                .setLanguage("pt").setPublishedAt(Instant.parse("2026-11-19T08:00:00Z")).setPublishedApproximate(true)
                .setIngestedAt(Instant.parse("2026-11-19T09:00:00Z")).setContentHash("x").setExtractor("old").build();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode line = mapper.createObjectNode().put("articleId", original.getArticleId()).put("revision", 3)
                .put("source", "wire").put("publisher", "Coastal Herald").put("url", original.getUrl())
                .put("canonicalUrl", original.getCanonicalUrl()).put("title", original.getTitle()).put("body", original.getBody())
                .put("byline", "Ana Reis").put("language", "pt").put("publishedAt", original.getPublishedAt().toEpochMilli())
                .put("publishedApproximate", true);
        line.putArray("captions").add("Workers at the gate.");
        line.putArray("credits").add("Getty Images");
        // Avro's JSON encoding wraps nullable fields; both shapes re-ingest the same way.
        ObjectNode avroStyle = line.deepCopy();
        avroStyle.putObject("byline").put("string", "Ana Reis");
        avroStyle.putObject("publishedAt").put("long", original.getPublishedAt().toEpochMilli());

        for (ObjectNode node : java.util.List.of(line, avroStyle)) {
            for (String type : new String[] {"application/json", Extractor.RAW_JSON}) {
                RawArticle a = extractor.extract(doc(type, mapper.writeValueAsString(node)));
                assertThat(a.getArticleId()).isEqualTo(original.getArticleId());
                assertThat(a.getRevision()).isEqualTo(3);
                assertThat(a.getTitle()).isEqualTo(original.getTitle());
                assertThat(a.getBody()).isEqualTo(original.getBody());
                assertThat(a.getByline()).isEqualTo(original.getByline());
                assertThat(a.getCaptions()).isEqualTo(original.getCaptions());
                assertThat(a.getCredits()).isEqualTo(original.getCredits());
                assertThat(a.getLanguage()).isEqualTo("pt");
                assertThat(a.getPublishedAt()).isEqualTo(original.getPublishedAt());
                assertThat(a.getPublishedApproximate()).isTrue();
                assertThat(a.getUrl()).isEqualTo(original.getUrl());
                assertThat(a.getCanonicalUrl()).isEqualTo(original.getCanonicalUrl());
                assertThat(a.getPublisher()).isEqualTo(original.getPublisher());
                assertThat(a.getSource()).isEqualTo("wire");
            }
        }
    }

    @Test
    void emptyDocumentIsRejectedWithTheReason() {
        assertThatThrownBy(() -> extractor.extract(doc("application/json", new byte[0])))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("d1").hasMessageContaining("empty");
        assertThatThrownBy(() -> extractor.extract(doc("text/plain", " \n\n ")))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("empty");
    }

    @Test
    void binaryContentIsRejectedWithTheReason() {
        assertThatThrownBy(() -> extractor.extract(doc("text/plain", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2})))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("binary");
        assertThatThrownBy(() -> extractor.extract(doc("text/plain", "a\0b")))
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
    void documentAboveTheConfiguredSizeIsRejectedWithTheReason() {
        assertThatThrownBy(() -> extractor.extract(doc("text/plain", new byte[ExtractorConfig.DEFAULT_MAX_BYTES + 1])))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("above the limit of 2097152");
        Extractor small = new Extractor(new ExtractorConfig(100, 10));
        assertThatThrownBy(() -> small.extract(doc("text/plain", "Title\n" + "word ".repeat(30))))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("above the limit of 100");
    }

    @Test
    void bodyShorterThanTheMinimumAfterCleaningIsRejected() {
        assertThatThrownBy(() -> extractor.extract(doc("text/plain", "Headline\n\nA teaser.\n\nRead Full Article\n\nGetty Images")))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("below the minimum of 80");
        assertThat(new Extractor(new ExtractorConfig(1000, 5)).extract(doc("text/plain", "Headline\n\nA teaser.")).getBody())
                .isEqualTo("A teaser.");
    }

    @Test
    void missingTitleIsRejected() {
        assertThatThrownBy(() -> extractor.extract(json("{\"text\":\"" + STORY + "\"}")))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("no title");
    }

    @Test
    void titleWithoutBodyIsRejected() {
        assertThatThrownBy(() -> extractor.extract(json("{\"title\":\"Only a headline\"}")))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("no body");
    }

    @Test
    void invalidConfigurationNamesTheSetting() {
        assertThatThrownBy(() -> new ExtractorConfig(0, 80)).hasMessageContaining("max bytes");
        assertThatThrownBy(() -> new ExtractorConfig(10, 0)).hasMessageContaining("min body chars");
    }

    @Test
    void unsupportedContentTypeIsRejected() {
        assertThatThrownBy(() -> extractor.extract(doc("application/pdf", "x")))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("unsupported content type");
    }

    @Test
    void publicationTimeAfterTheFetchIsReplacedByTheFetchTimeAndFlagged() {
        String body = "Officials said the new port terminal would open next spring after delays caused by flooding and supply problems.";
        RawArticle future = new Extractor().extract(SourceDocument.newBuilder().setDocumentId("f1").setConnector("file")
                .setSource("test").setContentType("application/json")
                .setContent(java.nio.ByteBuffer.wrap(("{\"title\":\"Terminal delayed\",\"text\":\"" + body
                        + "\",\"published\":\"2031-01-01T00:00:00Z\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .setFetchedAt(java.time.Instant.parse("2026-11-20T10:00:00Z")).build());
        assertThat(future.getPublishedAt()).isEqualTo(java.time.Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(future.getPublishedApproximate()).isTrue();
    }
}
