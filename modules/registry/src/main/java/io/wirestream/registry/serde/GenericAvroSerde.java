package io.wirestream.registry.serde;

import io.wirestream.registry.client.SchemaRegistryClient;
import java.util.Objects;
import org.apache.avro.generic.GenericRecord;

/** Serde of {@link GenericRecord}s in Confluent's wire format; reads with the writer's schema. */
public class GenericAvroSerde extends AvroSerde<GenericRecord> {

    public GenericAvroSerde() {
        super(null, null, false);
    }

    /** Over a shared client, which {@link #close()} leaves open. */
    public GenericAvroSerde(SchemaRegistryClient client) {
        super(Objects.requireNonNull(client, "client"), null, false);
    }
}
