package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackConfig;
import io.wirestream.model.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wirestream replay} on the command line: argument errors, an empty range, NDJSON of the archive. */
class ReplayCommandTest {

    @TempDir
    Path dir;

    @Test
    void toBeforeFromAndBadSpeedAreUsageErrors() {
        CliRun reversed = CliRun.of("replay", "--bootstrap-servers", "localhost:1", "--from", "2026-11-20", "--to",
                "2026-11-19", "--into", "x");
        CliRun speed = CliRun.of("replay", "--bootstrap-servers", "localhost:1", "--from", "2h", "--speed", "fast",
                "--into", "x");
        CliRun both = CliRun.of("replay", "--from", "2h", "--into", "x", "--out", "-");

        assertThat(reversed.exit()).isEqualTo(2);
        assertThat(reversed.err()).contains("--to (2026-11-19T00:00:00Z) must be after --from (2026-11-20T00:00:00Z)");
        assertThat(speed.exit()).isEqualTo(2);
        assertThat(speed.err()).contains("speed must be 'max' or a positive factor");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void unknownTopicEmptyRangeAndNdjsonOfTheArchive() throws Exception {
        try (DevStack stack = DevStack.start(DevStackConfig.defaults().withDataDir(dir.resolve("stack")))) {
            PipelineFixture f = new PipelineFixture(stack, dir.resolve("state"));
            f.createTopics("");
            String[] connection = {"--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url",
                    stack.schemaRegistryUrl(), "--no-progress"};
            int documents = f.publishGenerated("", 3, 12, 0.0).size();
            Path out = dir.resolve("documents.ndjson");

            CliRun unknown = CliRun.of(concat(connection, "replay", "--topic", "news.nothing", "--from", "2000-01-01"));
            CliRun empty = CliRun.of(concat(connection, "replay", "--topic", Topics.DOCUMENTS, "--from", "2000-01-01",
                    "--to", "2000-01-02"));
            // a start before 1970 means from the beginning (Kafka's offset lookup refuses negative times)
            CliRun ndjson = CliRun.of(concat(connection, "replay", "--topic", Topics.DOCUMENTS, "--from", "1960-01-01",
                    "--to", "2100-01-01", "--out", out.toString()));

            CliRun into = CliRun.of(concat(connection, "replay", "--topic", Topics.DOCUMENTS, "--from", "2000-01-01",
                    "--into", "copy.news.documents"));
            assertThat(into.exit()).as(into.err()).isZero();
            assertThat(into.out()).contains("written " + documents + " to topic copy.news.documents");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
                ConfigResource copy = new ConfigResource(ConfigResource.Type.TOPIC, "copy.news.documents");
                ConfigResource original = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DOCUMENTS);
                var configs = admin.describeConfigs(List.of(copy, original)).all().get();
                assertThat(configs.get(copy).get(TopicConfig.RETENTION_MS_CONFIG).value()).as("retention like the source")
                        .isEqualTo(configs.get(original).get(TopicConfig.RETENTION_MS_CONFIG).value())
                        .isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
            }

            assertThat(unknown.exit()).isEqualTo(2);
            assertThat(unknown.err()).contains("topic news.nothing does not exist");
            assertThat(empty.exit()).isEqualTo(1);
            assertThat(empty.err()).contains("no records stamped in [2000-01-01T00:00:00Z, 2000-01-02T00:00:00Z) on news.documents");
            assertThat(ndjson.exit()).as(ndjson.err()).isZero();
            assertThat(ndjson.err()).as("--no-progress").doesNotContain("matched of");
            assertThat(ndjson.out()).contains("matched " + documents + ", written " + documents + " to file " + out);
            List<String> lines = Files.readAllLines(out);
            assertThat(lines).hasSize(documents);
            ObjectMapper json = new ObjectMapper();
            long previous = Long.MIN_VALUE;
            for (String line : lines) {
                JsonNode o = json.readTree(line);
                assertThat(o.get("topic").asText()).isEqualTo(Topics.DOCUMENTS);
                assertThat(o.get("value").get("documentId").asText()).isEqualTo(o.get("key").asText());
                assertThat(o.get("headers").get("source.connector")).isNotNull();
                assertThat(o.get("timestamp").asLong()).isGreaterThanOrEqualTo(previous);
                previous = o.get("timestamp").asLong();
            }
        }
    }

    private static String[] concat(String[] connection, String... args) {
        String[] all = new String[args.length + connection.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(connection, 0, all, args.length, connection.length);
        return all;
    }
}
