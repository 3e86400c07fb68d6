package io.wirestream.registry.serde;

import io.wirestream.registry.client.SchemaRegistryClient;
import io.wirestream.registry.client.SchemaRegistryClients;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An {@link AvroSerializer} and {@link AvroDeserializer} sharing one registry client (and so one
 * cache): the given one, or one made from the configuration in {@link #configure}.
 */
public abstract class AvroSerde<T extends IndexedRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;
    private final boolean specificReader;
    private SchemaRegistryClient client;
    private boolean ownsClient;

    protected AvroSerde(SchemaRegistryClient client, Class<T> type, boolean specificReader) {
        this.client = client;
        this.specificReader = specificReader;
        this.serializer = client == null ? new AvroSerializer<>() : new AvroSerializer<>(client);
        this.deserializer = client == null
                ? (type == null ? new AvroDeserializer<>() : new AvroDeserializer<>(type))
                : new AvroDeserializer<>(client, type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> effective = new HashMap<>(configs);
        effective.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, specificReader);
        if (client == null) {
            client = SchemaRegistryClients.create(effective);
            ownsClient = true;
            serializer.useClient(client);
            deserializer.useClient(client);
        }
        serializer.configure(effective, isKey);
        deserializer.configure(effective, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
        if (ownsClient) {
            client.close();
        }
    }
}
