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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a fetched {@link SourceDocument} into a {@link RawArticle}: decodes the bytes, reads the title,
 * body and metadata according to the content type, separates captions, credits and site junk from the
 * story, detects the language and derives the stable article id. Pure: the same document always gives
 * the same article (ingest time, and "now" for relative times such as "2 weeks ago", is the document's
 * fetch time), so re-extraction by replay is deterministic.
 *
 * <p>Content types:
 * <ul>
 * <li>{@code text/plain}: first non-empty line is the title; the rest is cleaned line by line
 *     ({@link TextCleaner}).</li>
 * <li>{@code text/html}: metadata and readability-style main content ({@link HtmlExtractor}), then the
 *     same line cleaning over its paragraphs.</li>
 * <li>{@code application/json}: an object with {@code title}, {@code text} or {@code body}, and optional
 *     {@code url}, {@code published}, {@code source}, {@code author}. An object with {@code articleId} and
 *     {@code revision} is a {@link RawArticle} exported from {@code news.articles.raw} and is re-ingested
 *     as it is ({@value #RAW_JSON} says so explicitly).</li>
 * </ul>
 * Rejected with an {@link ExtractionException} naming the document and the reason: empty, above
 * {@link ExtractorConfig#maxBytes()}, not valid text in its charset or containing NUL (binary), no title,
 * a cleaned body shorter than {@link ExtractorConfig#minBodyChars()}, an unsupported content type.
 */
public final class Extractor {

    /** Name and version written into {@link RawArticle#getExtractor()}. */
    /** How far after the fetch time a claimed publication time may lie (clock skew). */
    public static final java.time.Duration FUTURE_TOLERANCE = java.time.Duration.ofHours(1);

    public static final String NAME = "wirestream-extract/0.2";
    /** Content type of one {@link RawArticle} as JSON (a line of an NDJSON export of {@code news.articles.raw}). */
    public static final String RAW_JSON = "application/x-wirestream-raw+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExtractorConfig config;

    /** An extractor with {@link ExtractorConfig#defaults()}. */
    public Extractor() {
        this(ExtractorConfig.defaults());
    }

    public Extractor(ExtractorConfig config) {
        this.config = config;
    }

    public ExtractorConfig config() {
        return config;
    }

    /** Extracts the article, or throws {@link ExtractionException} saying why it cannot. */
    public RawArticle extract(SourceDocument doc) {
        ByteBuffer content = doc.getContent();
        if (content == null || !content.hasRemaining()) {
            throw reject(doc, "is empty");
        }
        if (content.remaining() > config.maxBytes()) {
            throw reject(doc, "is " + content.remaining() + " bytes, above the limit of " + config.maxBytes());
        }
        String text = decode(doc, content.duplicate());
        if (text.isBlank()) {
            throw reject(doc, "is empty (only white space)");
        }
        String type = doc.getContentType().toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
        Draft d = switch (type) {
            case "application/json" -> {
                JsonNode node = parseJson(doc, text);
                yield node.has("articleId") && node.has("revision") ? fromRaw(doc, node) : fromJson(doc, node);
            }
            case RAW_JSON -> fromRaw(doc, parseJson(doc, text));
            case "text/plain" -> fromPlainText(doc, text);
            case "text/html", "application/xhtml+xml" -> fromHtml(doc, text);
            default -> throw reject(doc, ": unsupported content type '" + doc.getContentType() + "'");
        };
        return finish(doc, d);
    }

    private RawArticle finish(SourceDocument doc, Draft d) {
        String title = d.title == null || d.title.isBlank() ? doc.getItemTitle() : d.title;
        title = title == null ? "" : title.strip().replaceAll("\\s+", " ");
        String body = d.body == null ? "" : d.body.strip();
        if (title.isEmpty() && body.isEmpty()) {
            throw reject(doc, "has neither title nor body");
        }
        if (body.isEmpty()) {
            throw reject(doc, "has a title but no body");
        }
        if (title.isEmpty()) {
            throw reject(doc, "has no title (no title line, title field or title metadata)");
        }
        if (!d.raw && body.length() < config.minBodyChars()) {
            throw reject(doc, "has a body of " + body.length() + " characters after cleaning, below the minimum of "
                    + config.minBodyChars());
        }
        String url = d.url != null ? d.url : doc.getUrl();
        Optional<String> canonical = d.raw ? Optional.ofNullable(d.canonicalUrl) : CanonicalUrl.of(url);
        String contentHash = Hashing.contentHash(title, body);
        String articleId = d.articleId != null ? d.articleId
                : canonical.map(u -> Hashing.sha256Hex(12, "url", u)).orElseGet(() -> Hashing.sha256Hex(12, "text", contentHash));
        PublicationTime published = plausible(d.published != null ? d.published
                : doc.getItemPublishedAt() != null ? new PublicationTime(doc.getItemPublishedAt(), false) : null, doc);
        String language = d.raw ? d.language : Optional.ofNullable(LanguageDetection.detect(body)).orElse(primaryTag(d.language));
        String publisher = d.publisher != null ? d.publisher : d.raw ? null : CanonicalUrl.domain(url).orElse(null);
        return RawArticle.newBuilder()
                .setArticleId(articleId)
                .setRevision(d.revision)
                .setDocumentId(doc.getDocumentId())
                .setSource(d.source != null && !d.source.isBlank() ? d.source : doc.getSource())
                .setPublisher(publisher)
                .setUrl(url)
                .setCanonicalUrl(canonical.orElse(null))
                .setTitle(title)
                .setBody(body)
                .setByline(d.byline)
                .setCaptions(d.captions)
                .setCredits(d.credits)
                .setLanguage(language)
                .setPublishedAt(published == null ? null : published.at())
                .setPublishedApproximate(published != null && published.approximate())
                .setIngestedAt(doc.getFetchedAt())
                .setContentHash(contentHash)
                .setExtractor(NAME)
                .build();
    }

    private static Draft fromPlainText(SourceDocument doc, String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        Draft d = new Draft();
        if (!lines.isEmpty()) {
            d.title = lines.remove(0).strip();
        }
        clean(d, lines, doc.getFetchedAt());
        return d;
    }

    private static Draft fromHtml(SourceDocument doc, String html) {
        HtmlExtractor.Page page = HtmlExtractor.extract(html, doc.getUrl());
        Draft d = new Draft();
        d.title = page.title();
        List<String> lines = new ArrayList<>();
        for (String p : page.paragraphs()) {
            lines.add(p);
            lines.add("");
        }
        clean(d, lines, doc.getFetchedAt());
        d.captions.addAll(0, page.captions());
        d.credits.addAll(0, page.credits());
        d.byline = page.byline() != null ? page.byline() : d.byline;
        if (page.published() != null) {
            d.published = PublicationTime.parse(page.published(), doc.getFetchedAt()).orElse(d.published);
        }
        d.url = page.url();
        d.publisher = page.publisher();
        d.language = page.lang();
        return d;
    }

    private static void clean(Draft d, List<String> lines, Instant now) {
        TextCleaner.Cleaned c = TextCleaner.clean(lines, now);
        d.body = c.body();
        d.captions.addAll(c.captions());
        d.credits.addAll(c.credits());
        d.byline = c.byline();
        d.published = c.published();
    }

    private static Draft fromJson(SourceDocument doc, JsonNode node) {
        Draft d = new Draft();
        d.title = str(node, "title", "headline");
        d.body = str(node, "text", "body", "content");
        d.url = str(node, "url", "link");
        d.source = str(node, "source", "publisher");
        d.publisher = d.source;
        d.byline = str(node, "author", "byline");
        String published = str(node, "published", "publishedAt", "date");
        if (published != null) {
            d.published = PublicationTime.parse(published, doc.getFetchedAt()).orElseThrow(() -> reject(doc,
                    ": published time '" + published + "' is neither ISO-8601 nor a relative time"));
        }
        return d;
    }

    /** A {@link RawArticle} as JSON, plain or in Avro's JSON encoding (unions as {"string": ...}): kept as it is. */
    private static Draft fromRaw(SourceDocument doc, JsonNode node) {
        Draft d = new Draft();
        d.raw = true;
        d.articleId = str(node, "articleId");
        if (d.articleId == null) {
            throw reject(doc, "is an exported article without an articleId");
        }
        JsonNode revision = unwrap(node.get("revision"));
        d.revision = revision != null && revision.canConvertToInt() ? revision.intValue() : 1;
        d.title = str(node, "title");
        d.body = str(node, "body");
        d.byline = str(node, "byline");
        d.url = str(node, "url");
        d.canonicalUrl = str(node, "canonicalUrl");
        d.publisher = str(node, "publisher");
        d.source = str(node, "source");
        d.language = str(node, "language");
        d.captions.addAll(strings(node.get("captions")));
        d.credits.addAll(strings(node.get("credits")));
        JsonNode approximate = unwrap(node.get("publishedApproximate"));
        boolean approx = approximate != null && approximate.asBoolean(false);
        JsonNode at = unwrap(node.get("publishedAt"));
        if (at != null && at.isNumber()) {
            d.published = new PublicationTime(Instant.ofEpochMilli(at.longValue()), approx);
        } else if (at != null && at.isTextual()) {
            Instant t = PublicationTime.absolute(at.asText().strip()).orElseThrow(() -> reject(doc,
                    ": publishedAt '" + at.asText() + "' is neither epoch milliseconds nor ISO-8601"));
            d.published = new PublicationTime(t, approx);
        }
        return d;
    }

    private static JsonNode parseJson(SourceDocument doc, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ExtractionException("document " + doc.getDocumentId() + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw reject(doc, "is JSON but not an object");
        }
        return node;
    }

    /**
     * A publication time more than {@link #FUTURE_TOLERANCE} after the fetch time is not trustworthy (wrong
     * time zone, scheduled post, bad feed): the fetch time is used instead and flagged approximate. Event
     * times then never run ahead of ingestion, which also keeps record timestamps inside what brokers accept.
     */
    private static PublicationTime plausible(PublicationTime claimed, SourceDocument doc) {
        if (claimed != null && claimed.at().isAfter(doc.getFetchedAt().plus(FUTURE_TOLERANCE))) {
            return new PublicationTime(doc.getFetchedAt(), true);
        }
        return claimed;
    }

    private static String decode(SourceDocument doc, ByteBuffer bytes) {
        Charset charset = StandardCharsets.UTF_8;
        if (doc.getCharset() != null) {
            try {
                charset = Charset.forName(doc.getCharset());
            } catch (IllegalArgumentException e) {
                throw new ExtractionException("document " + doc.getDocumentId() + ": unknown charset '" + doc.getCharset() + "'", e);
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
            throw reject(doc, "contains NUL characters (binary content?)");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static ExtractionException reject(SourceDocument doc, String reason) {
        return new ExtractionException("document " + doc.getDocumentId() + (reason.startsWith(":") ? "" : " ") + reason);
    }

    /** "en-GB" → "en"; null for anything that is not a language tag. */
    private static String primaryTag(String lang) {
        if (lang == null) {
            return null;
        }
        String primary = lang.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2}") ? primary : null;
    }

    /** Avro's JSON encoding wraps union values: {"string": "x"}, {"long": 1}. */
    private static JsonNode unwrap(JsonNode v) {
        if (v != null && v.isObject() && v.size() == 1) {
            String name = v.fieldNames().next();
            if (List.of("string", "long", "int", "boolean", "double", "array").contains(name)
                    || name.startsWith("timestamp")) {
                return v.get(name);
            }
        }
        return v == null || v.isNull() ? null : v;
    }

    private static List<String> strings(JsonNode array) {
        JsonNode a = unwrap(array);
        List<String> out = new ArrayList<>();
        if (a != null && a.isArray()) {
            a.forEach(n -> {
                if (n.isTextual()) {
                    out.add(n.asText());
                }
            });
        }
        return out;
    }

    private static String str(JsonNode node, String... names) {
        for (String n : names) {
            JsonNode v = unwrap(node.get(n));
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    /** What one content type gave, before the common checks and derivations. */
    private static final class Draft {
        boolean raw;
        String articleId;
        int revision = 1;
        String title;
        String body;
        String byline;
        final List<String> captions = new ArrayList<>();
        final List<String> credits = new ArrayList<>();
        String url;
        String canonicalUrl;
        String source;
        String publisher;
        String language;
        PublicationTime published;
    }
}
