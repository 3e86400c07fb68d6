package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackConfig;
import io.wirestream.model.SourceDocument;
import io.wirestream.model.topic.TopicProvisioner;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void nothingToIngestIsAUsageError() {
        CliRun r = run("ingest", "--bootstrap-servers", "localhost:1");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nothing to ingest");
    }

    @Test
    void watchNeedsDirectories() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "a");

        assertThat(run("ingest", "--watch", file.toString()).err()).contains("not a directory: " + file);
        assertThat(run("ingest", "--watch", "-").err()).contains("cannot watch standard input");
    }

    @Test
    void onceNeedsAFeed() {
        CliRun r = run("ingest", "--once", "--http-port", "0");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--once applies to feeds");
    }

    @Test
    void missingFeedFileIsAUsageError() {
        CliRun r = run("ingest", "--feed", dir.resolve("none.xml").toString(), "--once");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no such file: ");
    }

    @Test
    void badIntervalIsAUsageError() {
        assertThat(run("ingest", "--feed", "https://news.example/rss", "--interval", "5m").exit()).isEqualTo(2);
        assertThat(run("ingest", "--feed", "https://news.example/rss", "--interval", "PT0S").err())
                .contains("--interval must be positive");
    }

    @Test
    void progressLineShowsCountRateAndEtaWhenTheTotalIsKnown() {
        assertThat(IngestCommand.Progress.line(25, 100, 500, Duration.ofSeconds(10)))
                .isEqualTo("25/100 files, 500 documents, 50/s, ETA 0:30");
        assertThat(IngestCommand.Progress.line(0, -1, 1200, Duration.ofSeconds(4)))
                .isEqualTo("1200 documents, 300/s");
    }

    @Test
    void summaryCountsSkippedFilesByReason() {
        Map<String, Integer> skipped = new LinkedHashMap<>();
        skipped.put("not a document type", 2);
        skipped.put("cannot read: permission denied", 1);

        assertThat(new IngestCommand.BulkResult(7, skipped).summary("news.documents"))
                .isEqualTo("published 7 documents to news.documents; skipped 3 files: 2 not a document type, "
                        + "1 cannot read: permission denied");
        assertThat(new IngestCommand.BulkResult(1, Map.of()).summary("t")).isEqualTo("published 1 documents to t");
    }

    @Test
    void filesAndAFeedArePublishedToNewsDocuments() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/a.jsonl"), "{\"title\":\"one\"}\n{\"title\":\"two\"}\n");
        Files.writeString(dir.resolve("in/b.png"), "not a document");
        Path feed = Files.writeString(dir.resolve("feed.rss"), """
                <?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><link>https://d.example/</link>
                <description>d</description>
                <item><title>Item</title><link>https://d.example/1</link><guid>urn:1</guid><description>x</description></item>
                </channel></rss>""");
        try (DevStack stack = DevStack.start(DevStackConfig.defaults().withDataDir(dir.resolve("devstack")))) {
            String[] connection = {"ingest", "--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url",
                    stack.schemaRegistryUrl()};
            Properties p = new Properties();
            p.setProperty(ServiceSettings.BOOTSTRAP_SERVERS, stack.bootstrapServers());
            p.setProperty(ServiceSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
            Topics topics = StreamsService.topics(ServiceSettings.parse("test", p, Map.of()));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
                TopicProvisioner.createMissing(admin, topics.all());
            }

            CliRun files = run(concat(connection, dir.resolve("in").toString()));
            CliRun feedOnce = run(concat(connection, "--feed", feed.toString(), "--once",
                    "--state-dir", dir.resolve("state").toString()));
            CliRun feedAgain = run(concat(connection, "--feed", feed.toString(), "--once",
                    "--state-dir", dir.resolve("state").toString()));

            assertThat(files.exit()).as(files.err()).isZero();
            assertThat(files.out()).contains("published 2 documents to news.documents; skipped 1 file: 1 not a document type");
            assertThat(files.err()).contains("skipped " + dir.resolve("in/b.png"));
            assertThat(feedOnce.exit()).as(feedOnce.err()).isZero();
            assertThat(feedOnce.out()).contains("1 new of 1 items", "published 1 documents from 1 feeds");
            assertThat(feedAgain.out()).contains("0 new of 1 items");
            assertThat(consumeAll(stack, topics)).extracting(SourceDocument::getConnector)
                    .containsExactlyInAnyOrder("file", "file", "rss");
        }
    }

    private static List<SourceDocument> consumeAll(DevStack stack, Topics topics) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-command-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<SourceDocument> docs = new ArrayList<>();
        try (KafkaConsumer<String, SourceDocument> consumer = new KafkaConsumer<>(config,
                topics.documents().keySerde().deserializer(), topics.documents().valueSerde().deserializer())) {
            consumer.subscribe(List.of(topics.documents().name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (docs.size() < 3 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> docs.add(r.value()));
            }
        }
        return docs;
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
