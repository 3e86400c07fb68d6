package io.wirestream.ingest.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.model.RawArticle;
import io.wirestream.model.SourceDocument;
import io.wirestream.text.Hashing;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a fetched {@link SourceDocument} into a {@link RawArticle}: decodes the bytes, reads the title,
 * body and metadata according to the content type, and derives the stable article id. Pure: the same
 * document always gives the same article (ingest time is the document's fetch time), so re-extraction
 * by replay is deterministic.
 *
 * <p>Supported content types: {@code application/json} (an object with {@code title}, {@code text} or
 * {@code body}, and optional {@code url}, {@code published}, {@code source}, {@code author}) and
 * {@code text/plain} (first non-empty line is the title). HTML extraction and site-junk cleaning come with
 * the ingest issue; until then HTML is rejected with a clear reason rather than guessed at.
 */
public final class Extractor {

    /** Name and version written into {@link RawArticle#getExtractor()}. */
    public static final String NAME = "wirestream-extract/0.1";
    /** Documents above this size are rejected: no news article is 5 MiB of text. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Extracts the article, or throws {@link ExtractionException} saying why it cannot. */
    public RawArticle extract(SourceDocument doc) {
        ByteBuffer content = doc.getContent();
        if (content == null || !content.hasRemaining()) {
            throw new ExtractionException("document " + doc.getDocumentId() + " is empty");
        }
        if (content.remaining() > MAX_BYTES) {
            throw new ExtractionException("document " + doc.getDocumentId() + " is " + content.remaining()
                    + " bytes, above the limit of " + MAX_BYTES);
        }
        String text = decode(doc, content.duplicate());
        String type = doc.getContentType().toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
        Fields f = switch (type) {
            case "application/json" -> fromJson(doc, text);
            case "text/plain" -> fromPlainText(text);
            default -> throw new ExtractionException("document " + doc.getDocumentId()
                    + ": unsupported content type '" + doc.getContentType() + "'");
        };
        String title = f.title == null ? "" : f.title.strip();
        String body = f.body == null ? "" : f.body.strip();
        if (title.isEmpty() && body.isEmpty()) {
            throw new ExtractionException("document " + doc.getDocumentId() + " has neither title nor body");
        }
        if (body.isEmpty()) {
            throw new ExtractionException("document " + doc.getDocumentId() + " has a title but no body");
        }
        if (title.isEmpty()) {
            title = firstWords(body, 12);
        }
        String url = f.url != null ? f.url : doc.getUrl();
        Optional<String> canonical = CanonicalUrl.of(url);
        String contentHash = Hashing.contentHash(title, body);
        String articleId = canonical.map(u -> Hashing.sha256Hex(12, "url", u))
                .orElseGet(() -> Hashing.sha256Hex(12, "text", contentHash));
        Instant published = f.published != null ? f.published : doc.getItemPublishedAt();
        return RawArticle.newBuilder()
                .setArticleId(articleId)
                .setDocumentId(doc.getDocumentId())
                .setSource(f.source != null && !f.source.isBlank() ? f.source : doc.getSource())
                .setPublisher(f.source != null ? f.source : CanonicalUrl.domain(url).orElse(null))
                .setUrl(url)
                .setCanonicalUrl(canonical.orElse(null))
                .setTitle(title)
                .setBody(body)
                .setByline(f.author)
                .setPublishedAt(published)
                .setIngestedAt(doc.getFetchedAt())
                .setContentHash(contentHash)
                .setExtractor(NAME)
                .build();
    }

    private static String decode(SourceDocument doc, ByteBuffer bytes) {
        Charset charset = StandardCharsets.UTF_8;
        if (doc.getCharset() != null) {
            try {
                charset = Charset.forName(doc.getCharset());
            } catch (IllegalArgumentException e) {
                throw new ExtractionException("document " + doc.getDocumentId() + ": unknown charset '"
                        + doc.getCharset() + "'", e);
            }
        }
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new ExtractionException("document " + doc.getDocumentId() + " is not valid " + charset.name()
                    + " text (binary content?)", e);
        }
        if (text.indexOf('\0') >= 0) {
            throw new ExtractionException("document " + doc.getDocumentId() + " contains NUL characters (binary content?)");
        }
        return text;
    }

    private static Fields fromJson(SourceDocument doc, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ExtractionException("document " + doc.getDocumentId() + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new ExtractionException("document " + doc.getDocumentId() + " is JSON but not an object");
        }
        Fields f = new Fields();
        f.title = str(node, "title", "headline");
        f.body = str(node, "text", "body", "content");
        f.url = str(node, "url", "link");
        f.source = str(node, "source", "publisher");
        f.author = str(node, "author", "byline");
        String published = str(node, "published", "publishedAt", "date");
        if (published != null) {
            f.published = parseTime(doc, published);
        }
        return f;
    }

    private static Fields fromPlainText(String text) {
        Fields f = new Fields();
        List<String> lines = new ArrayList<>(text.lines().toList());
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        if (!lines.isEmpty()) {
            f.title = lines.remove(0);
        }
        f.body = String.join("\n", lines);
        return f;
    }

    private static Instant parseTime(SourceDocument doc, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e2) {
                throw new ExtractionException("document " + doc.getDocumentId() + ": published time '" + value
                        + "' is not ISO-8601", e2);
            }
        }
    }

    private static String str(JsonNode node, String... names) {
        for (String n : names) {
            JsonNode v = node.get(n);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    private static String firstWords(String text, int n) {
        String[] words = text.strip().split("\\s+", n + 1);
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(n, words.length)));
    }

    private static final class Fields {
        String title;
        String body;
        String url;
        String source;
        String author;
        Instant published;
    }
}
