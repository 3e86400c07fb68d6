package io.wirestream.ingest.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirestream.model.SourceDocument;
import io.wirestream.text.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP push connector: {@code POST /articles} takes one JSON article or an array of them
 * ({@code title}, {@code text} or {@code body}, {@code url}, {@code published}, {@code source},
 * {@code author}; other fields are kept) and emits each as one {@link SourceDocument} holding that
 * object's JSON. A batch is validated whole before anything is emitted: 400 names the first bad field
 * ({@code articles[1].published: not ISO-8601: 'yesterday'}); 202 answers after {@code flush} returned,
 * so an accepted article has been delivered. {@code GET /health} answers 200 while the server runs.
 *
 * <p>Requests are handled on a small pool, so the sink and flush must be thread-safe.
 */
public final class HttpPushServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpPushServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final int DEFAULT_MAX_BODY_BYTES = 8 << 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String defaultSource;
    private final Consumer<SourceDocument> sink;
    private final Runnable flush;
    private final Clock clock;
    private final int maxBodyBytes;
    private final AtomicLong accepted = new AtomicLong();

    /**
     * Binds to {@code address} (port 0 picks a free port); call {@link #start()} to serve.
     *
     * @param defaultSource source name of articles that do not name one
     * @param flush         called after a batch is emitted; throws if it was not delivered (answered 503)
     */
    public HttpPushServer(InetSocketAddress address, String defaultSource, Consumer<SourceDocument> sink,
            Runnable flush, Clock clock, int maxBodyBytes) throws IOException {
        this.defaultSource = Objects.requireNonNull(defaultSource, "defaultSource");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.flush = Objects.requireNonNull(flush, "flush");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
        this.server = HttpServer.create(address, 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "wirestream-http-push");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/articles", this::articles);
        server.createContext("/health", this::health);
    }

    public HttpPushServer start() {
        server.start();
        log.info("accepting articles on http://{}:{}/articles", address().getHostString(), port());
        return this;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Articles accepted since start. */
    public long accepted() {
        return accepted.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/health")) {
                respond(exchange, 404, error("no such resource: " + exchange.getRequestURI().getPath()));
            } else if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                respond(exchange, 405, error("method not allowed: " + exchange.getRequestMethod()));
            } else {
                ObjectNode body = JSON.createObjectNode().put("status", "ok").put("accepted", accepted.get());
                respond(exchange, 200, body);
            }
        }
    }

    private void articles(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/articles")) {
                respond(exchange, 404, error("no such resource: " + exchange.getRequestURI().getPath()));
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                respond(exchange, 405, error("method not allowed: " + exchange.getRequestMethod()));
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(maxBodyBytes + 1);
            }
            if (body.length > maxBodyBytes) {
                respond(exchange, 413, error("body: larger than " + maxBodyBytes + " bytes"));
                return;
            }
            List<SourceDocument> docs;
            try {
                docs = documents(body, exchange.getRemoteAddress());
            } catch (InvalidArticle e) {
                respond(exchange, 400, error(e.getMessage()));
                return;
            }
            try {
                docs.forEach(sink);
                flush.run();
            } catch (RuntimeException e) {
                log.error("could not deliver {} pushed articles", docs.size(), e);
                respond(exchange, 503, error("could not publish: " + e.getMessage()));
                return;
            }
            accepted.addAndGet(docs.size());
            ObjectNode answer = JSON.createObjectNode().put("accepted", docs.size());
            ArrayNode ids = answer.putArray("documentIds");
            docs.forEach(d -> ids.add(d.getDocumentId()));
            respond(exchange, 202, answer);
        } catch (RuntimeException e) {
            log.error("push request failed", e);
            respond(exchange, 500, error("internal error: " + e));
        }
    }

    /** The request's articles as documents; throws naming the first invalid field. */
    List<SourceDocument> documents(byte[] body, InetSocketAddress remote) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new InvalidArticle("body: not JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidArticle("body: empty; expected a JSON article or an array of articles");
        }
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
            if (items.isEmpty()) {
                throw new InvalidArticle("articles: empty array");
            }
        } else {
            items.add(root);
        }
        Instant fetchedAt = clock.instant();
        List<SourceDocument> docs = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            docs.add(document("articles[" + i + "]", items.get(i), fetchedAt, remote));
        }
        return docs;
    }

    private SourceDocument document(String at, JsonNode article, Instant fetchedAt, InetSocketAddress remote) {
        if (!article.isObject()) {
            throw new InvalidArticle(at + ": not a JSON object");
        }
        String title = text(article, at, "title");
        String text = text(article, at, "text");
        String bodyField = text(article, at, "body");
        String url = text(article, at, "url");
        String published = text(article, at, "published");
        String source = text(article, at, "source");
        String author = text(article, at, "author");

        if (text == null) {
            text = bodyField;
        }
        String textField = article.has("text") ? "text" : "body";
        if (text != null && text.isBlank()) {
            throw new InvalidArticle(at + "." + textField + ": empty");
        }
        if ((title == null || title.isBlank()) && text == null) {
            throw new InvalidArticle(at + ": title or text required");
        }
        Instant publishedAt = published == null ? null : instant(at + ".published", published);
        if (url != null) {
            checkUrl(at + ".url", url);
        }

        byte[] content;
        try {
            content = JSON.writeValueAsBytes(article);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String src = source != null && !source.isBlank() ? source : defaultSource;
        String identity = url != null ? url : "sha256:" + Hashing.sha256Hex(16, new String(content, StandardCharsets.UTF_8));
        Map<String, String> metadata = new LinkedHashMap<>();
        if (author != null) {
            metadata.put("author", author);
        }
        if (remote != null) {
            metadata.put("http.remote", remote.getAddress().getHostAddress());
        }
        return SourceDocument.newBuilder()
                .setDocumentId(Hashing.sha256Hex(12, "http", src, identity))
                .setConnector("http")
                .setSource(src)
                .setLocation(null)
                .setUrl(url)
                .setContentType("application/json")
                .setCharset("UTF-8")
                .setContent(ByteBuffer.wrap(content))
                .setFetchedAt(fetchedAt)
                .setItemTitle(title)
                .setItemPublishedAt(publishedAt)
                .setMetadata(metadata)
                .build();
    }

    private static String text(JsonNode article, String at, String field) {
        JsonNode v = article.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidArticle(at + "." + field + ": not a string");
        }
        return v.asText();
    }

    /** ISO-8601 instant, offset or zoned date-time, or a date (midnight UTC). */
    static Instant instant(String at, String value) {
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidArticle(at + ": not ISO-8601: '" + value + "'");
        }
    }

    private static void checkUrl(String at, String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidArticle(at + ": not an absolute http(s) URL: '" + url + "'");
            }
        } catch (URISyntaxException e) {
            throw new InvalidArticle(at + ": not an absolute http(s) URL: '" + url + "'");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A pushed article that fails validation; the message names the field. */
    static final class InvalidArticle extends RuntimeException {
        InvalidArticle(String message) {
            super(message);
        }
    }
}
