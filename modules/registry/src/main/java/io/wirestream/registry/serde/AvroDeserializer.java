package io.wirestream.registry.serde;

import io.wirestream.registry.client.SchemaNotFoundException;
import io.wirestream.registry.client.SchemaRegistryClient;
import io.wirestream.registry.client.SchemaRegistryClients;
import io.wirestream.registry.client.SchemaRegistryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericArray;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro ({@link WireFormat}): fetches the writer's schema by id, then decodes
 * with Avro schema resolution into the reader's schema, so data written with an older or newer
 * compatible schema reads into today's class (new fields take their defaults).
 *
 * <p>The reader is the generated class given to the constructor; else, with
 * {@code specific.avro.reader=true}, the generated class named by the writer's schema; else a
 * {@code GenericRecord} of the writer's schema. Readers are cached per schema id. Null in, null out.
 */
public class AvroDeserializer<T extends IndexedRecord> implements Deserializer<T> {

    static {
        TrustedPackages.ensureModelTrusted();
    }

    private final Class<T> type;
    private SchemaRegistryClient client;
    private boolean ownsClient;
    private AvroSerdeConfig config;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    /** A deserializer into generic records, or generated classes with {@code specific.avro.reader=true}. */
    public AvroDeserializer() {
        this.type = null;
    }

    /** A deserializer into the generated class {@code type}. */
    public AvroDeserializer(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * A deserializer over a given client; {@code type} null for generic records (or as
     * {@code specific.avro.reader} says).
     */
    public AvroDeserializer(SchemaRegistryClient client, Class<T> type) {
        this.type = type;
        this.client = Objects.requireNonNull(client, "client");
    }

    void useClient(SchemaRegistryClient shared) {
        if (client == null) {
            client = shared;
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.parse(configs);
        if (client == null) {
            client = SchemaRegistryClients.create(configs);
            ownsClient = true;
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroDeserializer used before configure() (topic " + topic + ")");
        }
        int id = WireFormat.schemaId(topic, data);
        DatumReader<T> reader = readers.get(id);
        try {
            if (reader == null) {
                // Fetched outside the map: a registry call (with its retries) must not hold up other ids.
                reader = newReader(topic, id);
                DatumReader<T> raced = readers.putIfAbsent(id, reader);
                reader = raced != null ? raced : reader;
            }
        } catch (SchemaNotFoundException e) {
            throw new SerializationException("Record from topic " + topic + " names schema id " + id
                    + ", which the schema registry does not know: " + e.getMessage(), e);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Could not fetch schema id " + id + " for a record from topic "
                    + topic + ": " + e.getMessage(), e);
        }
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                    data.length - WireFormat.HEADER_SIZE, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Could not decode Avro record with schema id " + id + " from topic "
                    + topic + " (" + data.length + " bytes): " + e, e);
        }
    }

    private DatumReader<T> newReader(String topic, int id) {
        Schema writer = client.schemaById(id);
        Class<?> target = type;
        boolean specific = type != null || (config != null && config.specificAvroReader());
        if (target == null && specific) {
            target = SpecificData.get().getClass(writer);
            if (target == null) {
                throw new SerializationException("specific.avro.reader: no generated class " + writer.getFullName()
                        + " on the classpath for schema id " + id + " of a record from topic " + topic);
            }
        }
        if (target == null) {
            return new GenericDatumReader<>(writer, writer, GenericData.get());
        }
        SpecificData data = SpecificData.getForClass(target);
        Schema reader = data.getSchema(target);
        var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException("Record from topic " + topic + " has schema id " + id + " ("
                    + writer.getFullName() + "), which cannot be read as " + target.getName() + ": "
                    + compatibility.getDescription());
        }
        return new SpecificDatumReader<>(writer, reader, listArrays(data));
    }

    /**
     * A copy of a generated class's model (its logical-type conversions included) that reads Avro
     * arrays into {@link ArrayList}s. Avro's {@code GenericData.Array} compares and hashes elements
     * with a model lacking those conversions, so {@code equals} on a record whose array elements
     * hold an {@code Instant} in a union (e.g. {@code Alert.articles}) throws. Avro's fast reader
     * always makes {@code GenericData.Array}s, so it is turned off for this model.
     */
    private static SpecificData listArrays(SpecificData model) {
        SpecificData data = new SpecificData(model.getClassLoader()) {
            @Override
            public Object newArray(Object old, int size, Schema schema) {
                if (old instanceof List<?> list && !(old instanceof GenericArray)) {
                    list.clear();
                    return list;
                }
                return new ArrayList<>(size);
            }
        };
        model.getConversions().forEach(data::addLogicalTypeConversion);
        data.setFastReaderEnabled(false);
        return data;
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
