package io.wirestream.registry.serde;

import io.wirestream.registry.client.SchemaMetadata;
import io.wirestream.registry.client.SchemaRegistryClient;
import io.wirestream.registry.client.SchemaRegistryClients;
import io.wirestream.registry.client.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Avro records (generated or generic) in Confluent's {@link WireFormat}, under the subject
 * {@code <topic>-value} or {@code <topic>-key} (TopicNameStrategy). With
 * {@code auto.register.schemas=true} (the default) the record's schema is registered on first use;
 * otherwise, with {@code use.latest.version=true}, the subject's latest schema is written, the record
 * being resolved into it (the latest schema is reused for {@code latest.cache.ttl.sec}, default 60 s);
 * otherwise the record's schema must already be registered. As in Confluent's serializer,
 * auto-registration wins over {@code use.latest.version}. Ids are cached per subject and schema.
 * Null records serialise to null (tombstones).
 */
public class AvroSerializer<T extends IndexedRecord> implements Serializer<T> {

    private static final Logger log = LoggerFactory.getLogger(AvroSerializer.class);

    private record SubjectSchema(String subject, Schema schema) {
    }

    private record WriterKey(Schema schema, boolean specific) {
    }

    private record Latest(SchemaMetadata metadata, long fetchedNanos) {
    }

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private AvroSerdeConfig config;
    private boolean isKey;
    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();
    private final Map<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    /** A serializer that makes its registry client in {@link #configure}. */
    public AvroSerializer() {
    }

    /** A serializer over a given client; {@link #configure} still reads the serde settings. */
    public AvroSerializer(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** A configured serializer over a given client. */
    public AvroSerializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
        this(client);
        configure(configs, isKey);
    }

    void useClient(SchemaRegistryClient shared) {
        if (client == null) {
            client = shared;
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.parse(configs);
        this.isKey = isKey;
        if (client == null) {
            client = SchemaRegistryClients.create(configs);
            ownsClient = true;
        }
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("AvroSerializer used before configure() (topic " + topic + ")");
        }
        String subject = topic + (isKey ? "-key" : "-value");
        Schema schema = record.getSchema();
        try {
            if (config.autoRegisterSchemas()) {
                int id = id(new SubjectSchema(subject, schema), () -> client.register(subject, schema));
                return encode(topic, id, schema, record, record instanceof SpecificRecord);
            }
            if (config.useLatestVersion()) {
                SchemaMetadata target = latest(subject);
                if (!target.schema().equals(schema)) {
                    return encode(topic, target.id(), target.schema(), resolve(topic, record, target), false);
                }
                return encode(topic, target.id(), schema, record, record instanceof SpecificRecord);
            }
            int id = id(new SubjectSchema(subject, schema), () -> client.lookup(subject, schema).id());
            return encode(topic, id, schema, record, record instanceof SpecificRecord);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Could not " + (config.autoRegisterSchemas()
                    ? "register schema " + schema.getFullName() + " under"
                    : config.useLatestVersion() ? "fetch the latest schema of"
                    : "find schema " + schema.getFullName() + " under") + " subject " + subject + " for topic "
                    + topic + ": " + e.getMessage(), e);
        }
    }

    /** The cached id of {@code key}, else asks the registry outside the map, so other keys never wait on it. */
    private int id(SubjectSchema key, IntSupplier fetch) {
        Integer cached = ids.get(key);
        if (cached != null) {
            return cached;
        }
        int id = fetch.getAsInt();
        Integer raced = ids.putIfAbsent(key, id);
        return raced != null ? raced : id;
    }

    /** The subject's latest schema, fetched again once the cached one is older than {@code latest.cache.ttl.sec}. */
    private SchemaMetadata latest(String subject) {
        long now = System.nanoTime();
        Latest cached = latest.get(subject);
        if (cached != null && Duration.ofNanos(now - cached.fetchedNanos()).compareTo(config.latestCacheTtl()) < 0) {
            return cached.metadata();
        }
        SchemaMetadata fetched = client.latest(subject);
        latest.put(subject, new Latest(fetched, now));
        return fetched;
    }

    private byte[] encode(String topic, int id, Schema schema, Object datum, boolean specific) {
        DatumWriter<Object> writer = writers.computeIfAbsent(new WriterKey(schema, specific), k -> k.specific()
                ? new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema))
                : new GenericDatumWriter<>(schema, GenericData.get()));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(WireFormat.header(id));
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            writer.write(datum, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Could not encode " + schema.getFullName() + " with schema id " + id
                    + " for topic " + topic + ": " + e, e);
        }
    }

    /** The record as a generic record of {@code target}'s schema, which must be able to read it. */
    private Object resolve(String topic, T record, SchemaMetadata target) {
        Schema own = record.getSchema();
        var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(target.schema(), own);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException("use.latest.version: the latest schema of subject " + target.subject()
                    + " (id " + target.id() + ") cannot represent a " + own.getFullName() + " for topic " + topic
                    + ": " + compatibility.getDescription());
        }
        log.debug("Resolving {} into the latest schema id {} of {}", own.getFullName(), target.id(), target.subject());
        byte[] bytes = encode(topic, 0, own, record, record instanceof SpecificRecord);
        try {
            return new GenericDatumReader<>(own, target.schema(), GenericData.get()).read(null,
                    DecoderFactory.get().binaryDecoder(bytes, WireFormat.HEADER_SIZE,
                            bytes.length - WireFormat.HEADER_SIZE, null));
        } catch (IOException e) {
            throw new SerializationException("Could not resolve " + own.getFullName() + " into schema id "
                    + target.id() + " for topic " + topic + ": " + e, e);
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
