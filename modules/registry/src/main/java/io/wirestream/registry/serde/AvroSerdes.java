package io.wirestream.registry.serde;

import io.wirestream.model.topic.SerdeFactory;
import io.wirestream.registry.client.SchemaRegistryClient;
import io.wirestream.registry.client.SchemaRegistryClients;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * The registry's {@link SerdeFactory}: configured {@link SpecificAvroSerde}s that share one registry
 * client, built from serde configuration ({@code schema.registry.url} and optionally credentials,
 * {@code auto.register.schemas}, {@code use.latest.version}). {@code mock://scope} URLs give an
 * in-memory registry for tests.
 */
public final class AvroSerdes implements SerdeFactory, AutoCloseable {

    private final Map<String, ?> configs;
    private final SchemaRegistryClient client;

    public AvroSerdes(Map<String, ?> configs) {
        this(configs, SchemaRegistryClients.create(configs));
    }

    public AvroSerdes(Map<String, ?> configs, SchemaRegistryClient client) {
        this.configs = Collections.unmodifiableMap(new HashMap<>(configs));
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
        return SpecificAvroSerde.forValues(type, client, configs);
    }

    /** A key serde of {@code type}, under the subject {@code <topic>-key}. */
    public <T extends SpecificRecord> Serde<T> keySerde(Class<T> type) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type, client);
        serde.configure(configs, true);
        return serde;
    }

    /** The shared client, e.g. to register schemas up front. */
    public SchemaRegistryClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}
