package io.wirestream.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.model.SourceDocument;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpPushServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);

    private final List<SourceDocument> docs = new CopyOnWriteArrayList<>();
    private final AtomicInteger flushes = new AtomicInteger();
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpPushServer server;

    @BeforeEach
    void start() throws IOException {
        server = new HttpPushServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "push", docs::add,
                flushes::incrementAndGet, CLOCK, 1024).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri("/articles"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void singleArticleIsAcceptedAsOneJsonDocument() throws Exception {
        HttpResponse<String> r = post("""
                {"title":"Flood closes bridge","text":"The river rose.","url":"https://news.example/flood",
                 "published":"2026-11-20T09:30:00+01:00","source":"Wire Desk","author":"A. Writer"}""");

        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(docs).hasSize(1);
        SourceDocument doc = docs.get(0);
        assertThat(answer.get("documentIds").get(0).asText()).isEqualTo(doc.getDocumentId());
        assertThat(doc.getConnector()).isEqualTo("http");
        assertThat(doc.getContentType()).isEqualTo("application/json");
        assertThat(doc.getSource()).isEqualTo("Wire Desk");
        assertThat(doc.getUrl()).isEqualTo("https://news.example/flood");
        assertThat(doc.getItemTitle()).isEqualTo("Flood closes bridge");
        assertThat(doc.getItemPublishedAt()).isEqualTo(Instant.parse("2026-11-20T08:30:00Z"));
        assertThat(doc.getMetadata()).containsEntry("author", "A. Writer");
        JsonNode content = JSON.readTree(StandardCharsets.UTF_8.decode(doc.getContent().duplicate()).toString());
        assertThat(content.get("text").asText()).isEqualTo("The river rose.");
        assertThat(flushes.get()).isEqualTo(1);
    }

    @Test
    void batchBecomesOneDocumentPerArticleWithStableIds() throws Exception {
        String batch = """
                [{"title":"One","body":"First body."},{"text":"Second, untitled."}]""";
        HttpResponse<String> first = post(batch);
        HttpResponse<String> again = post(batch);

        assertThat(first.statusCode()).isEqualTo(202);
        JsonNode ids = JSON.readTree(first.body()).get("documentIds");
        assertThat(ids).hasSize(2);
        assertThat(ids.get(0).asText()).isNotEqualTo(ids.get(1).asText());
        assertThat(JSON.readTree(again.body()).get("documentIds")).isEqualTo(ids);
        assertThat(docs).hasSize(4).allSatisfy(d -> assertThat(d.getSource()).isEqualTo("push"));
    }

    @Test
    void badPublishedTimeIsRejectedNamingTheArticleAndFieldAndNothingIsEmitted() throws Exception {
        HttpResponse<String> r = post("""
                [{"title":"Fine","text":"ok"},{"title":"Bad","text":"x","published":"yesterday"}]""");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText())
                .isEqualTo("articles[1].published: not ISO-8601: 'yesterday'");
        assertThat(docs).isEmpty();
    }

    @Test
    void invalidArticlesAreRejectedWithTheFieldNamed() throws Exception {
        assertThat(error(post("{\"author\":\"nobody\"}"))).isEqualTo("articles[0]: title or text required");
        assertThat(error(post("{\"title\":\"t\",\"text\":\"  \"}"))).isEqualTo("articles[0].text: empty");
        assertThat(error(post("{\"title\":\"t\",\"url\":\"/relative\"}")))
                .isEqualTo("articles[0].url: not an absolute http(s) URL: '/relative'");
        assertThat(error(post("{\"title\":\"t\",\"url\":\"ftp://x.example/a\"}")))
                .isEqualTo("articles[0].url: not an absolute http(s) URL: 'ftp://x.example/a'");
        assertThat(error(post("[{\"title\":\"t\"}, 42]"))).isEqualTo("articles[1]: not a JSON object");
        assertThat(error(post("{\"title\":7}"))).isEqualTo("articles[0].title: not a string");
        assertThat(error(post("[]"))).isEqualTo("articles: empty array");
        assertThat(error(post("{\"title\":"))).startsWith("body: not JSON");
        assertThat(docs).isEmpty();
    }

    @Test
    void bodyOverTheLimitIsRejected() throws Exception {
        HttpResponse<String> r = post("{\"title\":\"big\",\"text\":\"" + "x".repeat(2000) + "\"}");

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("body: larger than 1024 bytes");
    }

    @Test
    void failedFlushIsAnsweredWithServiceUnavailable() throws Exception {
        server.close();
        server = new HttpPushServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "push", docs::add,
                () -> {
                    throw new IllegalStateException("broker down");
                }, CLOCK, 1024).start();

        HttpResponse<String> r = post("{\"title\":\"t\",\"text\":\"x\"}");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(error(r)).isEqualTo("could not publish: broker down");
    }

    @Test
    void healthAnswersOkAndWrongMethodsAreRefused() throws Exception {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri("/articles")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("ok");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }

    private static String error(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isIn(400, 503);
        return JSON.readTree(r.body()).get("error").asText();
    }
}
