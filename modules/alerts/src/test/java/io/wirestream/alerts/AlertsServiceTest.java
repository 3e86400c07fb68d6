package io.wirestream.alerts;

import static io.wirestream.alerts.Fixtures.at;
import static io.wirestream.alerts.Fixtures.burst;
import static io.wirestream.alerts.Fixtures.copy;
import static io.wirestream.alerts.Fixtures.original;
import static io.wirestream.alerts.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.alerts.rules.RuleTopic;
import io.wirestream.alerts.stream.AlertsTopology;
import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackConfig;
import io.wirestream.model.Alert;
import io.wirestream.model.AlertArticle;
import io.wirestream.model.AlertRule;
import io.wirestream.model.AlertTrigger;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.RuleTrigger;
import io.wirestream.model.topic.TopicProvisioner;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts service as a real Kafka Streams application on the embedded broker: rules written to the
 * compacted topic while it runs, originals and copies produced as the tagger and dedup would. One partition
 * per topic, so that "article X was processed before Y" holds and the absence of an alert can be asserted.
 */
class AlertsServiceTest {

    @TempDir
    static Path dir;
    private static DevStack stack;
    private static Topics topics;
    private static StreamsService service;
    private static RuleTopic rules;
    private static KafkaProducer<String, EnrichedArticle> enriched;
    private static KafkaProducer<String, DuplicateDecision> duplicates;
    private static KafkaConsumer<String, Alert> alerts;
    private static final List<Alert> seen = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        stack = DevStack.start(DevStackConfig.defaults().withDataDir(dir.resolve("stack")));
        Properties p = new Properties();
        p.setProperty(ServiceSettings.BOOTSTRAP_SERVERS, stack.bootstrapServers());
        p.setProperty(ServiceSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
        p.setProperty(ServiceSettings.STATE_DIR, dir.resolve("state").toString());
        p.setProperty(ServiceSettings.TOPICS_PARTITIONS, "1");
        p.setProperty("commit.interval.ms", "50");
        ServiceSettings settings = ServiceSettings.parse(AlertsService.NAME, p, Map.of());
        topics = StreamsService.topics(settings);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            TopicProvisioner.createMissing(admin, topics.all());
        }
        service = AlertsService.start(settings);
        assertThat(service.awaitRunning(Duration.ofSeconds(30))).isTrue();
        Map<String, Object> client = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        rules = new RuleTopic(client, topics.alertRules());
        enriched = new KafkaProducer<>(client, topics.enriched().keySerde().serializer(), topics.enriched().valueSerde().serializer());
        duplicates = new KafkaProducer<>(client, topics.duplicates().keySerde().serializer(),
                topics.duplicates().valueSerde().serializer());
        alerts = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "alerts-test", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                topics.alerts().keySerde().deserializer(), topics.alerts().valueSerde().deserializer());
        alerts.subscribe(List.of(topics.alerts().name()));
    }

    @AfterAll
    static void stop() {
        alerts.close();
        enriched.close();
        duplicates.close();
        service.close();
        stack.close();
    }

    private static void publish(EnrichedArticle a) {
        enriched.send(new ProducerRecord<>(topics.enriched().name(), null, a.getPublishedAt().toEpochMilli(), a.getArticleId(), a));
        enriched.flush();
    }

    private static void publish(DuplicateDecision d) {
        duplicates.send(new ProducerRecord<>(topics.duplicates().name(), null, d.getEventTime().toEpochMilli(), d.getArticleId(), d));
        duplicates.flush();
    }

    /** Writes rules and waits until the running service's global rules store has them. */
    private static void putRules(AlertRule... rs) {
        rules.put(List.of(rs));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            ReadOnlyKeyValueStore<String, AlertRule> store = rulesStore();
            return List.of(rs).stream().allMatch(r -> r.equals(store.get(r.getRuleId())));
        });
    }

    private static ReadOnlyKeyValueStore<String, AlertRule> rulesStore() {
        return service.streams().store(StoreQueryParameters.fromNameAndType(AlertsTopology.RULES_STORE,
                QueryableStoreTypes.<String, AlertRule>keyValueStore()));
    }

    /** Reads alerts until one of {@code ruleId} names {@code articleId}; returns every alert read so far. */
    private static List<Alert> alertsUntil(String ruleId, String articleId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            alerts.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
            return seen.stream().anyMatch(a -> a.getRuleId().equals(ruleId)
                    && a.getArticles().stream().anyMatch(x -> x.getArticleId().equals(articleId)));
        });
        return List.copyOf(seen);
    }

    private static List<Alert> of(List<Alert> all, String ruleId) {
        return all.stream().filter(a -> a.getRuleId().equals(ruleId)).toList();
    }

    @Test
    void eachTriggerFiresOnceAndCooldownSuppressesRepeats() {
        putRules(burst("it-burst", 3, 3, Duration.ofMinutes(30)),
                rule("it-new-story", RuleTrigger.NEW_STORY).setKeywords(List.of("quake")).build(),
                rule("it-every", RuleTrigger.EVERY).setKeywords(List.of("quake")).build());
        publish(original("q1", "sq", "Continental Press", "Quake hits northern Japan", at(0)));
        publish(copy("q2", "sq", "q1", "Pacific Ledger", "Quake hits northern Japan", at(10)));
        publish(copy("q3", "sq", "q1", "Harbour Gazette", "Quake hits Japan", at(20)));
        publish(copy("q4", "sq", "q1", "Daily Meridian", "Quake hits Japan", at(25)));
        // A marker after the story: when its alert is read, everything before it has been processed.
        publish(original("q9", "sq9", "Wire Z", "Quake marker", at(40)));

        List<Alert> all = alertsUntil("it-every", "q9");
        assertThat(of(all, "it-burst")).singleElement().satisfies(a -> {
            assertThat(a.getTrigger()).isEqualTo(AlertTrigger.BURST);
            assertThat(a.getArticles()).extracting(AlertArticle::getArticleId).containsExactly("q1", "q2", "q3");
            assertThat(a.getExplanation()).isEqualTo("burst: 3 articles from 3 sources within 30m about story sq 'Quake hits northern Japan'");
        });
        assertThat(of(all, "it-new-story")).extracting(Alert::getStoryId).containsExactly("sq", "sq9");
        // every: the original fires; its copies within the hour's cooldown are suppressed.
        assertThat(of(all, "it-every")).extracting(a -> a.getArticles().get(0).getArticleId()).containsExactly("q1", "q9");
    }

    @Test
    void ruleAddedOrRemovedWhileTheServiceRunsTakesEffectWithoutRestart() {
        publish(original("l1", "sl1", "Wire A", "Locusts swarm over farms", at(1000)));
        putRules(rule("it-locusts", RuleTrigger.EVERY).setKeywords(List.of("locusts")).build(),
                rule("it-marker", RuleTrigger.EVERY).setKeywords(List.of("marker")).build());
        publish(original("l2", "sl2", "Wire A", "Locusts reach the coast", at(1001)));
        List<Alert> afterAdd = alertsUntil("it-locusts", "l2");
        assertThat(of(afterAdd, "it-locusts")).extracting(Alert::getStoryId).containsExactly("sl2");

        rules.remove("it-locusts");
        await().atMost(Duration.ofSeconds(20)).until(() -> rulesStore().get("it-locusts") == null);
        publish(original("l3", "sl3", "Wire A", "Locusts move inland", at(1002)));
        publish(original("l4", "sl4", "Wire A", "Marker after removal", at(1003)));
        List<Alert> afterRemove = alertsUntil("it-marker", "l4");
        assertThat(of(afterRemove, "it-locusts")).extracting(Alert::getStoryId).containsExactly("sl2");
        assertThat(rules.read(Duration.ofSeconds(10))).containsKey("it-marker").doesNotContainKey("it-locusts");
    }
}
