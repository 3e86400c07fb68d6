package io.wirestream.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.model.SourceDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedConnectorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path stateDir;
    @TempDir
    Path files;

    private HttpServer server;
    private final AtomicReference<String> feedBody = new AtomicReference<>();
    private final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
    private String feedUrl;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.xml", exchange -> {
            try (exchange) {
                String body = feedBody.get();
                String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
                String sent = exchange.getRequestHeaders().getFirst("If-None-Match");
                ifNoneMatch.add(sent == null ? "-" : sent);
                exchange.getResponseHeaders().set("ETag", etag);
                if (etag.equals(sent)) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
        feedUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private FeedConnector connector(String feed) {
        return new FeedConnector(feed, null, new FeedStateStore(stateDir), FeedConnector.defaultHttpClient(), CLOCK, 100);
    }

    private static List<SourceDocument> poll(FeedConnector connector) {
        List<SourceDocument> docs = new ArrayList<>();
        connector.poll(docs::add);
        return docs;
    }

    private static String rss(String... items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>Wire Desk</title><link>https://news.example/</link><description>d</description>
                %s
                </channel></rss>
                """.formatted(String.join("\n", items));
    }

    private static final String FLOOD = """
            <item><title>Flood closes bridge</title><link>https://news.example/flood</link>
              <guid isPermaLink="false">urn:wire:1</guid>
              <pubDate>Fri, 20 Nov 2026 09:30:00 GMT</pubDate>
              <category>Weather</category><category>Transport</category>
              <description>Short teaser</description>
              <content:encoded><![CDATA[<p>The river rose <b>overnight</b>.</p>]]></content:encoded></item>""";
    private static final String VOTE = """
            <item><title>Council vote delayed</title><link>https://news.example/vote</link>
              <guid>urn:wire:2</guid><description>&lt;p&gt;The vote moves to Monday.&lt;/p&gt;</description></item>""";
    private static final String LINK_ONLY = """
            <item><title>Markets open higher</title><link>https://news.example/markets</link></item>""";

    @Test
    void firstPollEmitsEveryItemWithItsContentAndMetadata() {
        feedBody.set(rss(FLOOD, VOTE, LINK_ONLY));

        List<SourceDocument> docs = poll(connector(feedUrl));

        assertThat(docs).extracting(SourceDocument::getItemTitle)
                .containsExactly("Flood closes bridge", "Council vote delayed", "Markets open higher");
        SourceDocument flood = docs.get(0);
        assertThat(flood.getConnector()).isEqualTo("rss");
        assertThat(flood.getContentType()).isEqualTo("text/html");
        assertThat(content(flood)).isEqualTo("<p>The river rose <b>overnight</b>.</p>");
        assertThat(flood.getUrl()).isEqualTo("https://news.example/flood");
        assertThat(flood.getFeedTitle()).isEqualTo("Wire Desk");
        assertThat(flood.getItemPublishedAt()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
        assertThat(flood.getFetchedAt()).isEqualTo(CLOCK.instant());
        assertThat(flood.getMetadata()).containsEntry("guid", "urn:wire:1")
                .containsEntry("categories", "[\"Weather\",\"Transport\"]")
                .containsEntry("feed.url", feedUrl);
        assertThat(content(docs.get(1))).isEqualTo("<p>The vote moves to Monday.</p>");
        assertThat(content(docs.get(2))).contains("Markets open higher", "https://news.example/markets");
        assertThat(docs.get(2).getMetadata()).containsEntry("content.origin", "summary");
    }

    @Test
    void secondPollSendsTheETagAndGetsNotModified() {
        feedBody.set(rss(FLOOD, VOTE));
        FeedConnector connector = connector(feedUrl);
        poll(connector);

        List<SourceDocument> docs = new ArrayList<>();
        FeedConnector.PollResult result = connector.poll(docs::add);

        assertThat(result.notModified()).isTrue();
        assertThat(docs).isEmpty();
        assertThat(ifNoneMatch).hasSize(2);
        assertThat(ifNoneMatch.get(1)).isEqualTo("\"" + Integer.toHexString(feedBody.get().hashCode()) + "\"");
    }

    @Test
    void changedFeedEmitsOnlyTheNewItem() {
        feedBody.set(rss(FLOOD, VOTE));
        FeedConnector connector = connector(feedUrl);
        poll(connector);

        feedBody.set(rss(LINK_ONLY, FLOOD, VOTE));
        List<SourceDocument> docs = poll(connector);

        assertThat(docs).extracting(SourceDocument::getItemTitle).containsExactly("Markets open higher");
    }

    @Test
    void newConnectorOverTheSameStateDoesNotReEmitSeenItems() {
        feedBody.set(rss(FLOOD, VOTE));
        List<SourceDocument> first = poll(connector(feedUrl));
        ifNoneMatch.clear();
        feedBody.set(rss(FLOOD, VOTE) + " "); // new ETag: the server answers 200, the seen items are filtered

        List<SourceDocument> again = poll(connector(feedUrl));

        assertThat(first).hasSize(2);
        assertThat(again).isEmpty();
        assertThat(ifNoneMatch).containsExactly("\"" + Integer.toHexString(rss(FLOOD, VOTE).hashCode()) + "\"");
    }

    @Test
    void sameItemGetsTheSameDocumentIdFromAnotherStateDir(@TempDir Path otherState) {
        feedBody.set(rss(FLOOD));
        SourceDocument a = poll(connector(feedUrl)).get(0);
        SourceDocument b = poll(new FeedConnector(feedUrl, null, new FeedStateStore(otherState),
                FeedConnector.defaultHttpClient(), Clock.systemUTC(), 100)).get(0);

        assertThat(b.getDocumentId()).isEqualTo(a.getDocumentId());
    }

    @Test
    void failedFlushLeavesTheItemsUnseenSoTheyAreEmittedAgain() {
        feedBody.set(rss(FLOOD, VOTE));
        FeedConnector connector = connector(feedUrl);

        assertThatThrownBy(() -> connector.poll(d -> { }, () -> {
            throw new IllegalStateException("broker down");
        })).hasMessage("broker down");

        assertThat(poll(connector)).hasSize(2);
    }

    @Test
    void atomFileFeedEmitsEntriesWithSummaryAndUpdatedTime() throws IOException {
        Path atom = files.resolve("feed.atom");
        Files.writeString(atom, """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Atom Desk</title><id>urn:atom-desk</id><updated>2026-11-20T10:00:00Z</updated>
                  <entry><title>Port strike ends</title><id>urn:atom:1</id>
                    <link href="https://atom.example/strike"/>
                    <updated>2026-11-20T08:00:00Z</updated>
                    <category term="Labour"/>
                    <summary type="html">&lt;p&gt;Dockers return.&lt;/p&gt;</summary></entry>
                  <entry><title>Plain note</title><id>urn:atom:2</id><updated>2026-11-20T09:00:00Z</updated>
                    <content type="text">Just text.</content></entry>
                </feed>
                """);

        List<SourceDocument> docs = poll(connector(atom.toString()));

        assertThat(docs).hasSize(2);
        SourceDocument strike = docs.get(0);
        assertThat(strike.getFeedTitle()).isEqualTo("Atom Desk");
        assertThat(strike.getUrl()).isEqualTo("https://atom.example/strike");
        assertThat(strike.getItemPublishedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(content(strike)).isEqualTo("<p>Dockers return.</p>");
        assertThat(strike.getMetadata()).containsEntry("guid", "urn:atom:1").containsEntry("categories", "[\"Labour\"]");
        assertThat(docs.get(1).getContentType()).isEqualTo("text/plain");
        assertThat(content(docs.get(1))).isEqualTo("Just text.");
        assertThat(poll(connector(atom.toString()))).isEmpty();
    }

    @Test
    void malformedFeedFailsClearlyAndEmitsNothing() throws IOException {
        Path bad = files.resolve("bad.xml");
        Files.writeString(bad, "<rss version=\"2.0\"><channel><title>Broken</title><item><title>x</item>");
        List<SourceDocument> docs = new ArrayList<>();

        assertThatThrownBy(() -> connector(bad.toString()).poll(docs::add))
                .isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("feed " + bad + ": not a valid RSS or Atom feed");
        assertThat(docs).isEmpty();
        assertThat(new FeedStateStore(stateDir).load(bad.toString()).seen()).isEmpty();
    }

    @Test
    void httpErrorNamesTheFeedAndStatus() {
        String missing = "http://127.0.0.1:" + server.getAddress().getPort() + "/missing.xml";

        assertThatThrownBy(() -> poll(connector(missing)))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("feed " + missing + ": HTTP 404");
    }

    @Test
    void seenSetIsBoundedButKeepsItemsStillInTheFeed() {
        FeedStateStore store = new FeedStateStore(stateDir);
        FeedConnector small = new FeedConnector(feedUrl, null, store, FeedConnector.defaultHttpClient(), CLOCK, 1);
        feedBody.set(rss(FLOOD, VOTE));
        poll(small);
        feedBody.set(rss(LINK_ONLY));
        poll(small);

        assertThat(store.load(feedUrl).seen()).containsExactly("https://news.example/markets");
    }

    private static String content(SourceDocument doc) {
        return StandardCharsets.UTF_8.decode(doc.getContent().duplicate()).toString();
    }
}
