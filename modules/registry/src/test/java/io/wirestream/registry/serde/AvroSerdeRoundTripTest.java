package io.wirestream.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.registry.client.InMemorySchemaRegistryClient;
import io.wirestream.registry.client.SchemaRegistryClient;
import io.wirestream.registry.server.EmbeddedSchemaRegistry;
import io.wirestream.registry.server.InMemorySchemaStore;
import io.wirestream.registry.testing.ModelFixtures;
import io.wirestream.registry.testing.ModelFixtures.Sample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every top-level record of the model through {@link AvroSerdes}, over a mock:// registry and over
 * HTTP to the embedded registry: the bytes are exactly Confluent's layout and read back equal.
 */
class AvroSerdeRoundTripTest {

    private static final String MOCK_SCOPE = "round-trip-test";
    private static EmbeddedSchemaRegistry server;

    @BeforeAll
    static void startRegistry() {
        server = EmbeddedSchemaRegistry.start(new InMemorySchemaStore(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stopRegistry() {
        server.close();
        InMemorySchemaRegistryClient.dropScope(MOCK_SCOPE);
    }

    static Stream<Sample> samples() {
        return ModelFixtures.samples().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void recordRoundTripsThroughMockRegistryInConfluentWireFormat(Sample sample) throws IOException {
        assertRoundTripInWireFormat(new AvroSerdes(Map.of("schema.registry.url", "mock://" + MOCK_SCOPE)), sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void recordRoundTripsThroughEmbeddedRegistryOverHttpInConfluentWireFormat(Sample sample) throws IOException {
        assertRoundTripInWireFormat(new AvroSerdes(Map.of("schema.registry.url", server.url())), sample);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void assertRoundTripInWireFormat(AvroSerdes serdes, Sample sample) throws IOException {
        SpecificRecord record = sample.record();
        Serde serde = serdes.valueSerde((Class) record.getClass());

        byte[] bytes = serde.serializer().serialize(sample.topic(), record);
        Object back = serde.deserializer().deserialize(sample.topic(), bytes);

        SchemaRegistryClient registry = serdes.client();
        int id = registry.lookup(sample.topic() + "-value", record.getSchema()).id();
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avroBinary(record));
        assertThat(back).isInstanceOf(record.getClass()).isEqualTo(record);
    }

    /** Avro binary encoding of a record, computed independently of the serializer. */
    @SuppressWarnings("unchecked")
    static byte[] avroBinary(SpecificRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>((Class<SpecificRecord>) record.getClass()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
