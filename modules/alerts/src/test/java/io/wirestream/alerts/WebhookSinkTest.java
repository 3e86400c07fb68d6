package io.wirestream.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.wirestream.alerts.webhook.WebhookConfig;
import io.wirestream.alerts.webhook.WebhookSink;
import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackConfig;
import io.wirestream.model.Alert;
import io.wirestream.model.AlertArticle;
import io.wirestream.model.AlertTrigger;
import io.wirestream.model.topic.TopicProvisioner;
import io.wirestream.model.topic.Topics;
import io.wirestream.registry.serde.AvroSerdes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook sink against the embedded broker and a JDK HTTP server that fails on purpose. */
class WebhookSinkTest {

    @TempDir
    static Path dir;
    private static DevStack stack;

    @BeforeAll
    static void start() {
        stack = DevStack.start(DevStackConfig.defaults().withDataDir(dir.resolve("stack")));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** A receiver that answers 503 to the first {@code failures} requests, then {@code status}. */
    private record Receiver(HttpServer server, List<String> bodies, List<String> alertIds, AtomicInteger requests) implements AutoCloseable {
        static Receiver start(int failures, int status) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            List<String> bodies = new CopyOnWriteArrayList<>();
            List<String> ids = new CopyOnWriteArrayList<>();
            AtomicInteger requests = new AtomicInteger();
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int code = requests.incrementAndGet() <= failures ? 503 : status;
                if (code / 100 == 2) {
                    bodies.add(body);
                    ids.add(exchange.getRequestHeaders().getFirst("X-Wirestream-Alert-Id"));
                }
                exchange.sendResponseHeaders(code, -1);
                exchange.close();
            });
            server.start();
            return new Receiver(server, bodies, ids, requests);
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static Topics topics(String prefix) {
        Topics topics = Topics.create(new Topics.Settings(prefix, 1, (short) 1),
                new AvroSerdes(Map.of("schema.registry.url", stack.schemaRegistryUrl())));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            TopicProvisioner.createMissing(admin, topics.all());
        }
        return topics;
    }

    private static Alert alert(String id) {
        return Alert.newBuilder().setAlertId(id).setRuleId("quake").setRuleName("Quakes").setTrigger(AlertTrigger.BURST)
                .setStoryId("s1").setArticles(List.of(AlertArticle.newBuilder().setArticleId("a1").setTitle("Quake hits Japan")
                        .setSource("Wire A").setPublishedAt(Instant.parse("2026-11-12T02:10:00Z")).build()))
                .setDistinctSources(1).setExplanation("burst: test").setFiredAt(Instant.parse("2026-11-12T02:30:00Z")).build();
    }

    private static void publish(Topics topics, Alert... alerts) {
        try (KafkaProducer<String, Alert> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers()), topics.alerts().keySerde().serializer(), topics.alerts().valueSerde().serializer())) {
            for (Alert a : alerts) {
                p.send(new ProducerRecord<>(topics.alerts().name(), a.getRuleId(), a));
            }
        }
    }

    private static WebhookSink sink(Topics topics, String group, int attempts, URI... urls) {
        WebhookSink sink = new WebhookSink(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), topics,
                new WebhookConfig(List.of(urls), attempts, Duration.ofMillis(50), Duration.ofMillis(200),
                        Duration.ofSeconds(5), group, true));
        new Thread(sink, "webhook-" + group).start();
        return sink;
    }

    @Test
    void alertIsPostedAsJsonAfterFailedAttemptsAreRetried() throws Exception {
        Topics topics = topics("retry.");
        publish(topics, alert("quake-1"), alert("quake-2"));
        try (Receiver receiver = Receiver.start(2, 200); WebhookSink sink = sink(topics, "hook-retry", 4, receiver.url())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.delivered() == 2);
            assertThat(receiver.requests().get()).as("two 503s, then one request per alert").isEqualTo(4);
            assertThat(receiver.alertIds()).containsExactly("quake-1", "quake-2");
            JsonNode json = new ObjectMapper().readTree(receiver.bodies().get(0));
            assertThat(json.get("alertId").asText()).isEqualTo("quake-1");
            assertThat(json.get("trigger").asText()).isEqualTo("burst");
            assertThat(json.get("articles").get(0).get("title").asText()).isEqualTo("Quake hits Japan");
            assertThat(json.get("firedAt").asText()).isEqualTo("2026-11-12T02:30:00Z");
            assertThat(sink.failed()).isZero();
        }
        // Offsets were committed after delivery: a new sink in the same group has nothing left to send.
        try (Receiver again = Receiver.start(0, 200); WebhookSink sink = sink(topics, "hook-retry", 4, again.url())) {
            publish(topics, alert("quake-3"));
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.delivered() == 1);
            assertThat(again.alertIds()).containsExactly("quake-3");
        }
    }

    @Test
    void deliveryThatKeepsFailingGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        Topics topics = topics("giveup.");
        publish(topics, alert("quake-9"));
        try (Receiver down = Receiver.start(Integer.MAX_VALUE, 200); WebhookSink sink = sink(topics, "hook-giveup", 3, down.url())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.failed() == 1);
            assertThat(down.requests().get()).isEqualTo(3);
            try (KafkaConsumer<byte[], byte[]> dlq = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "dlq-check",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                dlq.subscribe(List.of(topics.dlq().name()));
                List<ConsumerRecord<byte[], byte[]>> got = new CopyOnWriteArrayList<>();
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    dlq.poll(Duration.ofMillis(200)).forEach(got::add);
                    return !got.isEmpty();
                });
                ConsumerRecord<byte[], byte[]> r = got.get(0);
                assertThat(header(r, "service")).isEqualTo("alerts-webhook");
                assertThat(header(r, "error.message")).isEqualTo("POST " + down.url() + " failed: HTTP 503");
                assertThat(header(r, "webhook.attempts")).isEqualTo("3");
                assertThat(header(r, "webhook.status")).isEqualTo("503");
                assertThat(header(r, "source.topic")).isEqualTo(topics.alerts().name());
                Alert original = topics.alerts().valueSerde().deserializer().deserialize(topics.alerts().name(), r.value());
                assertThat(original.getAlertId()).isEqualTo("quake-9");
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> r, String key) {
        return new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
