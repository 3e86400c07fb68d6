package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ingest.connect.DocumentReader;
import io.wirestream.model.RawArticle;
import io.wirestream.model.SourceDocument;
import io.wirestream.model.topic.FilterHeaders;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import io.wirestream.runtime.TopologyTests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestServiceTest {

    private static final Instant FETCHED = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path state;
    private TopologyTestDriver driver;
    private TestInputTopic<String, SourceDocument> documents;
    private TestOutputTopic<String, RawArticle> raw;
    private TestOutputTopic<byte[], byte[]> dlq;
    private final DocumentReader reader = new DocumentReader("test", FETCHED);

    @BeforeEach
    void start() {
        ServiceSettings settings = TopologyTests.settings(IngestService.NAME, "ingest-test-" + System.nanoTime(), state);
        Topics topics = StreamsService.topics(settings);
        driver = new TopologyTestDriver(IngestService.topology(IngestConfig.defaults(), topics),
                settings.streamsProperties(topics.dlq().name()));
        documents = driver.createInputTopic(topics.documents().name(), topics.documents().keySerde().serializer(),
                topics.documents().valueSerde().serializer());
        raw = driver.createOutputTopic(topics.articlesRaw().name(), topics.articlesRaw().keySerde().deserializer(),
                topics.articlesRaw().valueSerde().deserializer());
        dlq = driver.createOutputTopic(topics.dlq().name(), Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private SourceDocument jsonDoc(String location, String json) {
        return reader.document(location, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void documentBecomesArticleKeyedByArticleIdAtItsPublicationTime() {
        SourceDocument doc = jsonDoc("a.json", "{\"title\":\"Rates held\",\"text\":\"The central bank held its benchmark rate unchanged on Wednesday, citing cooling inflation.\","
                + "\"published\":\"2026-11-18T21:35:00Z\",\"url\":\"https://bank.example/r\"}");
        documents.pipeInput(doc.getDocumentId(), doc, FETCHED);

        TestRecord<String, RawArticle> out = raw.readRecord();
        assertThat(out.key()).isEqualTo(out.value().getArticleId());
        assertThat(out.value().getTitle()).isEqualTo("Rates held");
        assertThat(out.timestamp()).isEqualTo(Instant.parse("2026-11-18T21:35:00Z").toEpochMilli());
        assertThat(raw.isEmpty()).isTrue();
    }

    @Test
    void rawArticleCarriesSourceAndLanguageHeadersForReplayFilters() {
        SourceDocument doc = jsonDoc("a.json", "{\"title\":\"Rates held\",\"source\":\"Harbour Gazette\",\"text\":\"The central bank "
                + "held its benchmark rate unchanged on Wednesday, saying that inflation had cooled and that the labour market "
                + "was weaker than it had expected. The governor said the board would wait for the wage data.\"}");
        documents.pipeInput(doc.getDocumentId(), doc, FETCHED);

        TestRecord<String, RawArticle> out = raw.readRecord();
        assertThat(header(out.headers(), FilterHeaders.SOURCE)).isEqualTo("Harbour Gazette").isEqualTo(out.value().getSource());
        assertThat(header(out.headers(), FilterHeaders.LANG)).isEqualTo("en");
    }

    @Test
    void malformedDocumentGoesToDlqWithHeadersAndTheNextOneStillFlows() {
        SourceDocument bad = jsonDoc("bad.json", "{\"title\": \"cut");
        SourceDocument good = jsonDoc("good.json", "{\"title\":\"Fine\",\"text\":\"Rescue teams reached the last flooded villages on Tuesday as the river fell below danger level.\"}");
        documents.pipeInput(bad.getDocumentId(), bad, FETCHED);
        documents.pipeInput(good.getDocumentId(), good, FETCHED);

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).hasSize(1);
        TestRecord<byte[], byte[]> letter = dead.get(0);
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(bad.getDocumentId());
        Headers h = letter.headers();
        assertThat(header(h, "error.class")).isEqualTo("io.wirestream.ingest.extract.ExtractionException");
        assertThat(header(h, "error.message")).contains("not valid JSON");
        assertThat(header(h, "error.stage")).isEqualTo("processing");
        assertThat(header(h, "source.topic")).isEqualTo(Topics.DOCUMENTS);
        assertThat(header(h, "source.offset")).isEqualTo("0");
        assertThat(header(h, "service")).isEqualTo(IngestService.NAME);
        // The dead letter carries the original bytes: they still deserialise to the document sent.
        assertThat(letter.value()).isNotEmpty();
        assertThat(raw.readValuesToList()).extracting(RawArticle::getTitle).containsExactly("Fine");
    }

    private static String header(Headers headers, String key) {
        var h = headers.lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void paragraphThatASourceRepeatsIsLearnedAndRemoved() {
        String promo = "Get the Harbour Gazette in your inbox every morning: sign up for our free newsletter today.";
        for (int i = 0; i < 4; i++) {
            SourceDocument doc = jsonDoc("h" + i + ".json", "{\"title\":\"Story " + i + "\",\"source\":\"Harbour Gazette\","
                    + "\"text\":\"Dock workers met on day " + i + " at the northern terminal to discuss the new shift schedule and pay.\\n\\n" + promo + "\"}");
            documents.pipeInput(doc.getDocumentId(), doc, FETCHED);
        }
        List<RawArticle> out = raw.readValuesToList();
        assertThat(out).hasSize(4);
        assertThat(out.get(0).getBody()).contains(promo);
        assertThat(out.get(1).getBody()).contains(promo);
        assertThat(out.get(2).getBody()).doesNotContain(promo).contains("day 2");
        assertThat(out.get(3).getBody()).doesNotContain(promo);
    }

    @Test
    void changedTextAtTheSameUrlIsTheNextRevisionAndTheSameTextKeepsIt() {
        String url = "https://ledger.example/rates";
        SourceDocument v1 = jsonDoc("v1.json", "{\"title\":\"Rates held\",\"text\":\"The central bank held its benchmark rate unchanged on Wednesday, citing cooling inflation.\",\"url\":\"" + url + "\"}");
        SourceDocument v2 = jsonDoc("v2.json", "{\"title\":\"Rates held\",\"text\":\"The central bank held its benchmark rate unchanged on Wednesday, citing inflation that stayed high.\",\"url\":\"" + url + "?utm_source=x\"}");
        documents.pipeInput(v1.getDocumentId(), v1, FETCHED);
        documents.pipeInput(v2.getDocumentId(), v2, FETCHED);
        documents.pipeInput(v2.getDocumentId(), v2, FETCHED);
        List<RawArticle> out = raw.readValuesToList();
        assertThat(out).extracting(RawArticle::getArticleId).containsOnly(out.get(0).getArticleId());
        assertThat(out).extracting(RawArticle::getRevision).containsExactly(1, 2, 2);
    }
}
