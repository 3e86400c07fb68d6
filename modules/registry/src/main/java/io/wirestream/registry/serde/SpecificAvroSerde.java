package io.wirestream.registry.serde;

import io.wirestream.registry.client.SchemaRegistryClient;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * Serde of Avro-generated classes in Confluent's wire format. Reads resolve the writer's schema into
 * the class's schema, so compatible evolutions of the producer's schema read fine.
 */
public class SpecificAvroSerde<T extends SpecificRecord> extends AvroSerde<T> {

    /** For Kafka's reflective construction: reads into the generated class the writer's schema names. */
    public SpecificAvroSerde() {
        super(null, null, true);
    }

    /** Reads into {@code type}; the registry client is made in {@link #configure}. */
    public SpecificAvroSerde(Class<T> type) {
        super(null, Objects.requireNonNull(type, "type"), true);
    }

    /** Reads into {@code type} over a shared client, which {@link #close()} leaves open. */
    public SpecificAvroSerde(Class<T> type, SchemaRegistryClient client) {
        super(Objects.requireNonNull(client, "client"), Objects.requireNonNull(type, "type"), true);
    }

    /** A configured value serde of {@code type}. */
    public static <T extends SpecificRecord> SpecificAvroSerde<T> forValues(Class<T> type, SchemaRegistryClient client,
            Map<String, ?> configs) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type, client);
        serde.configure(configs, false);
        return serde;
    }
}
