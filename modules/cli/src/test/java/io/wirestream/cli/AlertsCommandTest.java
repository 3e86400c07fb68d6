package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.alerts.AlertsService;
import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackConfig;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.RegionKind;
import io.wirestream.model.RegionTag;
import io.wirestream.model.topic.TopicProvisioner;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wirestream alerts rules ...} and {@code alerts tail} against the embedded broker and a running alerts service. */
class AlertsCommandTest {

    @TempDir
    static Path dir;
    private static DevStack stack;
    private static StreamsService service;
    private static Topics topics;

    @BeforeAll
    static void start() throws Exception {
        stack = DevStack.start(DevStackConfig.defaults().withDataDir(dir.resolve("stack")));
        Properties p = new Properties();
        p.setProperty(ServiceSettings.BOOTSTRAP_SERVERS, stack.bootstrapServers());
        p.setProperty(ServiceSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
        p.setProperty(ServiceSettings.STATE_DIR, dir.resolve("state").toString());
        p.setProperty(ServiceSettings.TOPICS_PARTITIONS, "2");
        p.setProperty("commit.interval.ms", "50");
        ServiceSettings settings = ServiceSettings.parse(AlertsService.NAME, p, Map.of());
        topics = StreamsService.topics(settings);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            TopicProvisioner.createMissing(admin, topics.all());
        }
        service = AlertsService.start(settings);
        assertThat(service.awaitRunning(Duration.ofSeconds(30))).isTrue();
    }

    @AfterAll
    static void stop() {
        service.close();
        stack.close();
    }

    private static CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url", stack.schemaRegistryUrl()));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void rulesAreAddedFromOptionsAndFilesListedAndRemoved() throws Exception {
        CliRun added = run("alerts", "rules", "add", "--id", "cli-burst", "--name", "Quake burst", "--trigger", "burst",
                "--keyword", "quake,earthquake", "--region", "JP", "--min-articles", "3", "--min-sources", "2", "--window", "30m");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("rule cli-burst: regions=JP keywords=quake,earthquake -> burst >=3 articles/>=2 sources in 30m per story, grace 10m, cooldown 1h");

        Path file = Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - id: cli-new
                    trigger: new-story
                    actors: [putin]
                  - id: cli-every
                    trigger: every
                    sources: [Northgate Wire]
                    cooldown: 0
                """);
        CliRun fromFile = run("alerts", "rules", "add", "--file", file.toString());
        assertThat(fromFile.exit()).as(fromFile.err()).isZero();
        assertThat(fromFile.out()).contains("2 rules written to news.alert-rules");

        CliRun table = run("alerts", "rules", "list");
        assertThat(table.outLines()).first().asString().startsWith("ID");
        assertThat(table.out()).contains("cli-burst").contains("cli-new").contains("cli-every").contains("(Quake burst)");

        CliRun removed = run("alerts", "rules", "remove", "cli-new");
        assertThat(removed.out()).contains("removed rule cli-new");
        JsonNode json = new ObjectMapper().readTree(run("alerts", "rules", "list", "--format", "json").out());
        List<String> ids = new ArrayList<>();
        json.forEach(n -> ids.add(n.get("id").asText()));
        assertThat(ids).contains("cli-burst", "cli-every").doesNotContain("cli-new");
        json.forEach(n -> {
            if (n.get("id").asText().equals("cli-burst")) {
                assertThat(n.get("window").asText()).isEqualTo("30m");
                assertThat(n.get("min-sources").asInt()).isEqualTo(2);
            }
        });
    }

    @Test
    void invalidRulesAndUnknownIdsGiveClearErrors() {
        CliRun noWindow = run("alerts", "rules", "add", "--id", "bad", "--trigger", "burst", "--min-articles", "0");
        assertThat(noWindow.exit()).isEqualTo(2);
        assertThat(noWindow.err()).contains("error: options: rule 1 (bad): burst: 'window' is required");
        CliRun trigger = run("alerts", "rules", "add", "--id", "bad", "--trigger", "often");
        assertThat(trigger.err()).contains("unknown trigger 'often' (every, burst or new-story)");
        CliRun window = run("alerts", "rules", "add", "--id", "bad", "--trigger", "burst", "--window", "0", "--min-articles", "0");
        assertThat(window.err()).contains("min-articles (N) must be >= 1, was 0").contains("window must be > 0");
        CliRun unknown = run("alerts", "rules", "remove", "no-such-rule");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("error: no rule no-such-rule");
    }

    @Test
    void tailOfATopicThatDoesNotExistSaysSoInsteadOfWaiting() {
        CliRun tail = run("alerts", "tail", "--topic-prefix", "nowhere.", "--idle-timeout", "30s");
        assertThat(tail.exit()).isEqualTo(1);
        assertThat(tail.err()).contains("topic nowhere.news.alerts does not exist");
    }

    @Test
    void tailPrintsTheAlertsTheServiceFires() throws Exception {
        assertThat(run("alerts", "rules", "add", "--id", "tail-locusts", "--trigger", "every", "--keyword", "locusts").exit()).isZero();
        // Publish until the service (which sees rule changes within moments) fires: each try is a new story.
        CompletableFuture<CliRun> tail = CompletableFuture.supplyAsync(() -> run("alerts", "tail", "--from-beginning",
                "--format", "json", "--rule", "tail-locusts", "--max", "1", "--idle-timeout", "40s"));
        try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                topics.enriched().keySerde().serializer(), topics.enriched().valueSerde().serializer())) {
            int[] n = {0};
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                n[0]++;
                Instant t = Instant.parse("2026-11-20T10:00:00Z").plusSeconds(n[0]);
                EnrichedArticle a = EnrichedArticle.newBuilder().setArticleId("loc-" + n[0]).setStoryId("story-loc-" + n[0])
                        .setSource("Wire A").setTitle("Locusts swarm over Kenya farms").setBody("Swarms of locusts.")
                        .setLanguage("en").setPublishedAt(t).setIngestedAt(t).setFocusRegion("KE")
                        .setRegions(List.of(RegionTag.newBuilder().setCode("KE").setName("Kenya").setKind(RegionKind.COUNTRY)
                                .setCountry("KE").setConfidence(0.9).setFocus(true).setMentionCount(1).setRule("t").build()))
                        .setTagger("test").setTaggedAt(t).build();
                producer.send(new ProducerRecord<>(topics.enriched().name(), null, t.toEpochMilli(), a.getArticleId(), a)).get();
                return tail.isDone();
            });
        }
        CliRun r = tail.get();
        assertThat(r.exit()).isZero();
        JsonNode alert = new ObjectMapper().readTree(r.outLines().get(0));
        assertThat(alert.get("ruleId").asText()).isEqualTo("tail-locusts");
        assertThat(alert.get("trigger").asText()).isEqualTo("every");
        assertThat(alert.get("articles").get(0).get("title").asText()).isEqualTo("Locusts swarm over Kenya farms");
        assertThat(alert.get("explanation").asText()).startsWith("match: 'Locusts swarm over Kenya farms' from Wire A (story story-loc-");
        assertThat(r.err()).contains("1 alert");
    }
}
