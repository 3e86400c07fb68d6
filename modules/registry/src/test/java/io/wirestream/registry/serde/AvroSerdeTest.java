package io.wirestream.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.model.RawArticle;
import io.wirestream.model.Story;
import io.wirestream.model.topic.Topics;
import io.wirestream.registry.client.InMemorySchemaRegistryClient;
import io.wirestream.registry.client.SchemaMetadata;
import io.wirestream.registry.testing.ModelFixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Serde behaviours beyond the plain round trip: Confluent-made bytes, evolution, settings, bad input. */
class AvroSerdeTest {

    private static final String SCOPE = "avro-serde-test";
    private static final String TOPIC = Topics.ARTICLES_RAW;
    private static final String SUBJECT = TOPIC + "-value";

    /** RawArticle as an early producer wrote it: its required fields only. */
    private static final Schema RAW_ARTICLE_V0 = SchemaBuilder.record("RawArticle").namespace("io.wirestream.model")
            .fields()
            .requiredString("articleId")
            .requiredString("source")
            .requiredString("title")
            .requiredString("body")
            .name("ingestedAt").type(org.apache.avro.LogicalTypes.timestampMillis()
                    .addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
            .requiredString("contentHash")
            .endRecord();

    private InMemorySchemaRegistryClient registry;
    private Map<String, Object> configs;

    @BeforeEach
    void scope() {
        registry = InMemorySchemaRegistryClient.forScope(SCOPE);
        configs = new HashMap<>(Map.of("schema.registry.url", "mock://" + SCOPE));
    }

    @AfterEach
    void dropScope() {
        InMemorySchemaRegistryClient.dropScope(SCOPE);
    }

    private SpecificAvroSerde<RawArticle> rawArticleSerde() {
        SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>(RawArticle.class);
        serde.configure(configs, false);
        return serde;
    }

    @Test
    void bytesLaidOutByHandAsConfluentWritesThemDeserialise() throws IOException {
        RawArticle article = ModelFixtures.rawArticle();
        int id = registry.register(SUBJECT, RawArticle.getClassSchema());
        byte[] avro = AvroSerdeRoundTripTest.avroBinary(article);
        byte[] confluent = ByteBuffer.allocate(5 + avro.length).put((byte) 0).putInt(id).put(avro).array();

        assertThat(rawArticleSerde().deserializer().deserialize(TOPIC, confluent)).isEqualTo(article);
    }

    @Test
    void keySerdeWritesUnderTheKeySubject() {
        SpecificAvroSerde<Story> serde = new SpecificAvroSerde<>(Story.class);
        serde.configure(configs, true);

        byte[] bytes = serde.serializer().serialize(Topics.STORIES, ModelFixtures.story());

        assertThat(registry.subjects()).containsExactly(Topics.STORIES + "-key");
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt())
                .isEqualTo(registry.latest(Topics.STORIES + "-key").id());
    }

    @Test
    void dataWrittenWithAnOlderSchemaReadsIntoTheCurrentClassWithDefaults() {
        GenericRecord old = new GenericData.Record(RAW_ARTICLE_V0);
        old.put("articleId", "art-1");
        old.put("source", "wire");
        old.put("title", "Old title");
        old.put("body", "Old body");
        old.put("ingestedAt", 1_700_000_000_123L);
        old.put("contentHash", "abc");
        GenericAvroSerde generic = new GenericAvroSerde();
        generic.configure(configs, false);
        byte[] bytes = generic.serializer().serialize(TOPIC, old);

        RawArticle read = rawArticleSerde().deserializer().deserialize(TOPIC, bytes);

        assertThat(read.getArticleId()).isEqualTo("art-1");
        assertThat(read.getTitle()).isEqualTo("Old title");
        assertThat(read.getIngestedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(read.getRevision()).isEqualTo(1);
        assertThat(read.getExtractor()).isEqualTo("unknown");
        assertThat(read.getCaptions()).isEmpty();
        assertThat(read.getPublishedAt()).isNull();
        assertThat(read.getPublishedApproximate()).isFalse();
    }

    @Test
    void currentClassRegistersAsTheNextVersionAfterAnOlderSchema() {
        int oldId = registry.register(SUBJECT, RAW_ARTICLE_V0);

        byte[] bytes = rawArticleSerde().serializer().serialize(TOPIC, ModelFixtures.rawArticle());

        assertThat(registry.versions(SUBJECT)).containsExactly(1, 2);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isNotEqualTo(oldId)
                .isEqualTo(registry.latest(SUBJECT).id());
    }

    @Test
    void genericSerdeReadsWithTheWritersSchema() {
        GenericAvroSerde serde = new GenericAvroSerde();
        serde.configure(configs, false);
        GenericRecord record = new GenericData.Record(RAW_ARTICLE_V0);
        List.of("articleId", "source", "title", "body", "contentHash").forEach(f -> record.put(f, f + "-x"));
        record.put("ingestedAt", 5L);

        GenericRecord back = serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, record));

        assertThat(back.getSchema()).isEqualTo(RAW_ARTICLE_V0);
        assertThat(back.get("title").toString()).isEqualTo("title-x");
        assertThat(back.get("ingestedAt")).isEqualTo(5L);
    }

    @Test
    void specificReaderWithoutAClassFindsTheGeneratedClassByName() {
        SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
        serde.configure(configs, false);
        RawArticle article = ModelFixtures.rawArticle();

        Object back = serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, article));

        assertThat(back).isInstanceOf(RawArticle.class).isEqualTo(article);
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaFailsAndARegisteredOneIsUsed() {
        configs.put("auto.register.schemas", "false");
        SpecificAvroSerde<RawArticle> serde = rawArticleSerde();
        RawArticle article = ModelFixtures.rawArticle();

        assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, article))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(SUBJECT).hasMessageContaining(TOPIC);
        assertThat(registry.subjects()).isEmpty();

        int id = registry.register(SUBJECT, RawArticle.getClassSchema());
        assertThat(ByteBuffer.wrap(serde.serializer().serialize(TOPIC, article), 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void useLatestVersionWritesWithTheLatestSchemaOfTheSubject() {
        Schema newer = RawArticle.getClassSchema().toString().transform(json -> new Schema.Parser().parse(
                json.replace("{\"name\":\"articleId\"",
                        "{\"name\":\"sentiment\",\"type\":[\"null\",\"double\"],\"default\":null},"
                                + "{\"name\":\"articleId\"")));
        registry.register(SUBJECT, RawArticle.getClassSchema());
        int newerId = registry.register(SUBJECT, newer);
        configs.put("use.latest.version", true);
        configs.put("auto.register.schemas", false);
        RawArticle article = ModelFixtures.rawArticle();

        byte[] bytes = rawArticleSerde().serializer().serialize(TOPIC, article);

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(newerId);
        assertThat(rawArticleSerde().deserializer().deserialize(TOPIC, bytes)).isEqualTo(article);
    }

    @Test
    void useLatestVersionWithAutoRegisterLeftOnRegistersOnAnEmptySubject() {
        configs.put("use.latest.version", true);

        byte[] bytes = rawArticleSerde().serializer().serialize(TOPIC, ModelFixtures.rawArticle());

        assertThat(registry.versions(SUBJECT)).containsExactly(1);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registry.latest(SUBJECT).id());
    }

    @Test
    void useLatestVersionFetchesTheLatestSchemaAgainOnceTheCacheTtlHasPassed() {
        configs.put("use.latest.version", true);
        configs.put("auto.register.schemas", false);
        configs.put("latest.cache.ttl.sec", 0);
        var serializer = rawArticleSerde().serializer();
        int firstId = registry.register(SUBJECT, RawArticle.getClassSchema());
        byte[] before = serializer.serialize(TOPIC, ModelFixtures.rawArticle());

        int newerId = registry.register(SUBJECT, RawArticle.getClassSchema().toString().transform(json ->
                new Schema.Parser().parse(json.replace("{\"name\":\"articleId\"",
                        "{\"name\":\"sentiment\",\"type\":[\"null\",\"double\"],\"default\":null},"
                                + "{\"name\":\"articleId\""))));
        byte[] after = serializer.serialize(TOPIC, ModelFixtures.rawArticle());

        assertThat(ByteBuffer.wrap(before, 1, 4).getInt()).isEqualTo(firstId);
        assertThat(ByteBuffer.wrap(after, 1, 4).getInt()).isEqualTo(newerId);
    }

    @Test
    void latestCacheTtlAcceptsMinusOneForNoExpiryAndRejectsOtherNegatives() {
        assertThat(AvroSerdeConfig.parse(Map.of()).latestCacheTtl()).hasSeconds(60);
        assertThat(AvroSerdeConfig.parse(Map.of("latest.cache.ttl.sec", "-1")).latestCacheTtl())
                .isEqualTo(AvroSerdeConfig.NO_TTL);
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of("latest.cache.ttl.sec", "-5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latest.cache.ttl.sec");
    }

    @Test
    void nullIsATombstoneBothWays() {
        SpecificAvroSerde<RawArticle> serde = rawArticleSerde();

        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void wrongMagicByteIsRejectedNamingTheTopic() {
        byte[] json = "{\"articleId\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> rawArticleSerde().deserializer().deserialize(TOPIC, json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("magic byte 0x7b");
    }

    @Test
    void recordShorterThanTheHeaderIsRejected() {
        assertThatThrownBy(() -> rawArticleSerde().deserializer().deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("too short");
    }

    @Test
    void truncatedAvroPayloadIsRejectedWithTheSchemaId() {
        SpecificAvroSerde<RawArticle> serde = rawArticleSerde();
        byte[] bytes = serde.serializer().serialize(TOPIC, ModelFixtures.rawArticle());
        int id = registry.latest(SUBJECT).id();

        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, Arrays.copyOf(bytes, 20)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("schema id " + id);
    }

    @Test
    void unknownSchemaIdIsRejectedNamingIdAndTopic() {
        byte[] bytes = {0, 0, 0, 3, (byte) 0xe7, 2, 'x'};

        assertThatThrownBy(() -> rawArticleSerde().deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("schema id 999");
    }

    @Test
    void writerSchemaOfAnotherRecordIsRejectedNamingBothTypes() {
        SchemaMetadata story = new SchemaMetadata("x", registry.register("x", Story.getClassSchema()), 1,
                Story.getClassSchema());
        byte[] bytes = WireFormat.frame(story.id(), new byte[] {2, 'a'});

        assertThatThrownBy(() -> rawArticleSerde().deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.wirestream.model.Story")
                .hasMessageContaining("RawArticle");
    }

    @Test
    void catalogueBuiltWithAvroSerdesRoundTripsEveryTopic() {
        Topics topics = Topics.create(Topics.Settings.defaults(), new AvroSerdes(configs));

        Story story = ModelFixtures.story();
        byte[] bytes = topics.stories().valueSerde().serializer().serialize(topics.stories().name(), story);

        assertThat(topics.stories().valueSerde().deserializer().deserialize(topics.stories().name(), bytes))
                .isEqualTo(story);
        assertThat(registry.subjects()).containsExactly(Topics.STORIES + "-value");
    }

    @Test
    void modelPackageIsTrustedByAvro() {
        new AvroDeserializer<>(RawArticle.class);

        assertThat(System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES")).contains("io.wirestream.model");
        assertThat(org.apache.avro.util.ClassSecurityValidator.getGlobal().isTrusted(RawArticle.class)).isTrue();
    }
}
