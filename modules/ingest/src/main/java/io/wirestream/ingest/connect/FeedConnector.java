package io.wirestream.ingest.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.wirestream.ingest.connect.FeedStateStore.FeedState;
import io.wirestream.model.SourceDocument;
import io.wirestream.text.Hashing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSS 2.0 / Atom connector: reads one feed from an http(s) URL (conditional GET with the last
 * response's ETag and Last-Modified; 304 means nothing new) or from a file, and emits one
 * {@link SourceDocument} per item it has not emitted before, untouched: the item's {@code content:encoded}
 * (Atom {@code content}), else its {@code description} (Atom {@code summary}), else, for an item that only
 * links to the article, a small HTML summary of its title and link.
 *
 * <p>Delivery is at least once: the seen items and validators are saved only after the caller's
 * {@code flush} has returned, so a crash or failed publish re-emits items next poll, under the same
 * document ids ({@code rss}, feed, item guid or link). The seen set keeps the most recent
 * {@code maxSeen} keys, and never forgets an item still in the feed.
 */
public final class FeedConnector {

    private static final Logger log = LoggerFactory.getLogger(FeedConnector.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Larger feed bodies are refused rather than buffered. */
    static final int MAX_FEED_BYTES = 32 << 20;
    public static final int DEFAULT_MAX_SEEN = 2_000;

    /** What one poll did. */
    public record PollResult(boolean notModified, int items, int emitted) {
    }

    private final String feed;
    private final String source;
    private final FeedStateStore store;
    private final HttpClient http;
    private final Clock clock;
    private final int maxSeen;

    /**
     * @param feed    an http(s) URL or a file path
     * @param source  the source name recorded on each document (the feed when null)
     * @param store   where seen items and HTTP validators are remembered
     * @param http    the client for URL feeds
     * @param clock   the fetch time of documents
     * @param maxSeen how many item keys to remember beyond those still in the feed
     */
    public FeedConnector(String feed, String source, FeedStateStore store, HttpClient http, Clock clock, int maxSeen) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.source = source != null ? source : feed;
        this.store = Objects.requireNonNull(store, "store");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxSeen < 1) {
            throw new IllegalArgumentException("maxSeen must be at least 1, was " + maxSeen);
        }
        this.maxSeen = maxSeen;
    }

    public FeedConnector(String feed, FeedStateStore store) {
        this(feed, null, store, defaultHttpClient(), Clock.systemUTC(), DEFAULT_MAX_SEEN);
    }

    /** A client that follows redirects and gives up connecting after 10 s. */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public String feed() {
        return feed;
    }

    /** {@link #poll(Consumer, Runnable)} for a sink that needs no flush (tests, in-memory sinks). */
    public PollResult poll(Consumer<SourceDocument> sink) {
        return poll(sink, () -> { });
    }

    /**
     * Fetches the feed once and emits its new items to {@code sink}, then calls {@code flush} (which must
     * throw if any emitted document was not delivered), then saves the state.
     *
     * @throws ConnectorException the feed could not be fetched or parsed; nothing was emitted
     */
    public PollResult poll(Consumer<SourceDocument> sink, Runnable flush) {
        FeedState state = store.load(feed);
        Fetched fetched = isUrl(feed) ? fetchUrl(state) : fetchFile();
        if (fetched == null) {
            log.debug("feed {}: not modified", feed);
            return new PollResult(true, 0, 0);
        }
        SyndFeed parsed = parse(fetched);
        Instant fetchedAt = clock.instant();

        Set<String> seen = new LinkedHashSet<>(state.seen());
        List<String> inFeed = new ArrayList<>();
        int emitted = 0;
        for (SyndEntry entry : parsed.getEntries()) {
            String key = itemKey(entry);
            inFeed.add(key);
            if (seen.contains(key)) {
                continue;
            }
            sink.accept(document(parsed, entry, key, fetched, fetchedAt));
            seen.add(key);
            emitted++;
        }
        flush.run();
        store.save(new FeedState(feed, fetched.etag(), fetched.lastModified(), bounded(seen, inFeed)));
        log.info("feed {}: {} items, {} new", feed, inFeed.size(), emitted);
        return new PollResult(false, inFeed.size(), emitted);
    }

    /** Keeps every key still in the feed plus the most recent others, at most {@code max(maxSeen, in feed)}. */
    private List<String> bounded(Set<String> seen, List<String> inFeed) {
        Set<String> current = new HashSet<>(inFeed);
        List<String> ordered = new ArrayList<>(seen.size());
        seen.stream().filter(k -> !current.contains(k)).forEach(ordered::add);
        seen.stream().filter(current::contains).forEach(ordered::add);
        int keep = Math.max(maxSeen, current.size());
        return ordered.subList(Math.max(0, ordered.size() - keep), ordered.size());
    }

    private record Fetched(byte[] body, String contentType, String etag, String lastModified) {
    }

    private Fetched fetchUrl(FeedState state) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(feed))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1")
                .header("User-Agent", "wirestream-feed-connector")
                .GET();
        if (state.etag() != null) {
            request.header("If-None-Match", state.etag());
        }
        if (state.lastModified() != null) {
            request.header("If-Modified-Since", state.lastModified());
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ConnectorException("feed " + feed + ": cannot fetch: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("feed " + feed + ": interrupted while fetching", e);
        }
        try (InputStream in = response.body()) {
            int status = response.statusCode();
            if (status == 304) {
                return null;
            }
            if (status != 200) {
                throw new ConnectorException("feed " + feed + ": HTTP " + status);
            }
            byte[] body = in.readNBytes(MAX_FEED_BYTES + 1);
            if (body.length > MAX_FEED_BYTES) {
                throw new ConnectorException("feed " + feed + ": larger than " + MAX_FEED_BYTES + " bytes");
            }
            return new Fetched(body, response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        } catch (IOException e) {
            throw new ConnectorException("feed " + feed + ": cannot read the response: " + e, e);
        }
    }

    private Fetched fetchFile() {
        Path file = Path.of(feed);
        try {
            if (Files.size(file) > MAX_FEED_BYTES) {
                throw new ConnectorException("feed " + feed + ": larger than " + MAX_FEED_BYTES + " bytes");
            }
            return new Fetched(Files.readAllBytes(file), null, null, null);
        } catch (IOException e) {
            throw new ConnectorException("feed " + feed + ": cannot read: " + e, e);
        }
    }

    private SyndFeed parse(Fetched fetched) {
        try {
            XmlReader reader = fetched.contentType() == null
                    ? new XmlReader(new ByteArrayInputStream(fetched.body()), true)
                    : new XmlReader(new ByteArrayInputStream(fetched.body()), fetched.contentType(), true);
            return new SyndFeedInput().build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new ConnectorException("feed " + feed + ": not a valid RSS or Atom feed: " + e.getMessage(), e);
        }
    }

    private SourceDocument document(SyndFeed parsed, SyndEntry entry, String key, Fetched fetched, Instant fetchedAt) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("feed.url", feed);
        if (entry.getUri() != null) {
            metadata.put("guid", entry.getUri());
        }
        List<String> categories = entry.getCategories().stream().map(SyndCategory::getName)
                .filter(Objects::nonNull).toList();
        if (!categories.isEmpty()) {
            metadata.put("categories", json(categories));
        }
        if (entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            metadata.put("author", entry.getAuthor());
        }
        if (fetched.etag() != null) {
            metadata.put("http.etag", fetched.etag());
        }

        String contentType = "text/html";
        String content;
        SyndContent body = entry.getContents().stream().filter(c -> c.getValue() != null && !c.getValue().isBlank())
                .findFirst().orElse(null);
        if (body != null) {
            metadata.put("content.origin", "content");
        } else if (entry.getDescription() != null && entry.getDescription().getValue() != null
                && !entry.getDescription().getValue().isBlank()) {
            body = entry.getDescription();
            metadata.put("content.origin", "description");
        }
        if (body != null) {
            content = body.getValue();
            if (isPlainText(body.getType())) {
                contentType = "text/plain";
            }
        } else {
            content = linkSummary(entry);
            metadata.put("content.origin", "summary");
        }

        Date published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return SourceDocument.newBuilder()
                .setDocumentId(Hashing.sha256Hex(12, "rss", feed, key))
                .setConnector("rss")
                .setSource(source)
                .setLocation(feed)
                .setUrl(entry.getLink())
                .setContentType(contentType)
                .setCharset("UTF-8")
                .setContent(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)))
                .setFetchedAt(fetchedAt)
                .setFeedTitle(parsed.getTitle())
                .setItemTitle(entry.getTitle())
                .setItemPublishedAt(published == null ? null : published.toInstant())
                .setMetadata(new LinkedHashMap<>(metadata))
                .build();
    }

    /** The item's identity: its guid (Atom id), else its link, else a hash of its title and text. */
    static String itemKey(SyndEntry entry) {
        if (entry.getUri() != null && !entry.getUri().isBlank()) {
            return entry.getUri().trim();
        }
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().trim();
        }
        String text = entry.getDescription() == null ? "" : entry.getDescription().getValue();
        return "sha256:" + Hashing.sha256Hex(16, entry.getTitle(), text);
    }

    private static String linkSummary(SyndEntry entry) {
        String title = entry.getTitle() == null ? "" : Entities.escape(entry.getTitle());
        String link = entry.getLink() == null ? "" : Entities.escape(entry.getLink());
        return "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1><p><a href=\"" + link
                + "\">" + link + "</a></p></body></html>";
    }

    private static boolean isPlainText(String type) {
        return type != null && (type.equalsIgnoreCase("text") || type.toLowerCase(Locale.ROOT).startsWith("text/plain"));
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isUrl(String feed) {
        String f = feed.toLowerCase(Locale.ROOT);
        return f.startsWith("http://") || f.startsWith("https://");
    }
}
