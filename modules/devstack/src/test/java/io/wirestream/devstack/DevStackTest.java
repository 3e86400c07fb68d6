package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.wirestream.model.RawArticle;
import io.wirestream.registry.client.RestSchemaRegistryClient;
import io.wirestream.registry.client.SchemaRegistryClient;
import io.wirestream.registry.serde.SpecificAvroSerde;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevStackTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void avroRecordRoundTripsThroughRegistrySerdeWithMagicByteAndRegisteredId() throws Exception {
        try (DevStack stack = DevStack.start();
             SpecificAvroSerde<RawArticle> serde = rawArticleSerde(stack)) {
            String topic = "articles-" + UUID.randomUUID();
            RawArticle article = rawArticle();

            try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                    new StringSerializer(), serde.serializer())) {
                producer.send(new ProducerRecord<>(topic, article.getArticleId(), article)).get();
            }

            byte[] value = consumeOne(stack, topic);
            int registeredId;
            try (SchemaRegistryClient client = new RestSchemaRegistryClient(stack.schemaRegistryUrl())) {
                registeredId = client.lookup(topic + "-value", RawArticle.getClassSchema()).id();
            }
            ByteBuffer header = ByteBuffer.wrap(value, 0, 5);
            assertThat(header.get()).isZero();
            assertThat(header.getInt()).isEqualTo(registeredId);
            assertThat(serde.deserializer().deserialize(topic, value)).isEqualTo(article);
        }
    }

    @Test
    void restartedStackOnSameDataDirKeepsSchemaIds(@TempDir Path dataDir) {
        Schema schema = SchemaBuilder.record("Probe").namespace("io.wirestream.devstack.test")
                .fields().requiredString("id").endRecord();
        String subject = "probe-value";
        DevStackConfig config = DevStackConfig.defaults().withDataDir(dataDir);

        int id;
        try (DevStack stack = DevStack.start(config);
             SchemaRegistryClient client = new RestSchemaRegistryClient(stack.schemaRegistryUrl())) {
            id = client.register(subject, schema);
        }

        try (DevStack restarted = DevStack.start(config);
             SchemaRegistryClient client = new RestSchemaRegistryClient(restarted.schemaRegistryUrl())) {
            assertThat(client.schemaById(id)).isEqualTo(schema);
            assertThat(client.register(subject, schema)).isEqualTo(id);
        }
    }

    private static SpecificAvroSerde<RawArticle> rawArticleSerde(DevStack stack) {
        SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>(RawArticle.class);
        serde.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        return serde;
    }

    private static RawArticle rawArticle() {
        return RawArticle.newBuilder()
                .setArticleId("a1b2c3")
                .setSource("test-feed")
                .setTitle("Storm closes harbour")
                .setBody("The harbour closed on Monday.\n\nFerries were cancelled.")
                .setIngestedAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .setContentHash("ff00")
                .build();
    }

    private static byte[] consumeOne(DevStack stack, String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(topic));
            await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
        }
        assertThat(records).hasSize(1);
        return records.get(0).value();
    }
}
