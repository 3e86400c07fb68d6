package io.wirestream.client.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.function.BiFunction;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Writes replayed records as newline-delimited JSON, one object per record:
 * <pre>{"topic":…,"partition":…,"offset":…,"timestamp":1700000000000,"time":"2023-11-14T22:13:20Z",
 *  "key":"…","headers":{"lang":"en",…},"value":{…}}</pre>
 * The key and header values are UTF-8 text (our keys are ids). The value is the Avro record decoded with
 * its writer's schema from the registry, as JSON; a value that cannot be decoded (not Confluent Avro, an
 * unknown schema id) is written as {@code "valueBase64"} with the reason in {@code "valueError"} rather than
 * stopping the replay.
 */
public final class NdjsonSink implements ReplaySink {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;
    private final String name;
    private final BiFunction<String, byte[], Object> valueDecoder;
    private final boolean closeWriter;
    private long written;

    /**
     * @param valueDecoder topic and value bytes to an Avro datum (e.g. a {@code GenericAvroSerde}'s deserializer)
     * @param closeWriter  whether {@link #close()} closes {@code out} (not for standard output)
     */
    public NdjsonSink(Writer out, String name, BiFunction<String, byte[], Object> valueDecoder, boolean closeWriter) {
        this.out = out;
        this.name = name;
        this.valueDecoder = valueDecoder;
        this.closeWriter = closeWriter;
    }

    /** A sink decoding values with {@code deserializer}. */
    public static NdjsonSink of(Writer out, String name, Deserializer<?> deserializer, boolean closeWriter) {
        return new NdjsonSink(out, name, deserializer::deserialize, closeWriter);
    }

    @Override
    public void write(ConsumerRecord<byte[], byte[]> r) throws IOException {
        out.write(JSON.writeValueAsString(toJson(r)));
        out.write('\n');
        written++;
    }

    /** The JSON object written for {@code r}. */
    public ObjectNode toJson(ConsumerRecord<byte[], byte[]> r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("topic", r.topic());
        o.put("partition", r.partition());
        o.put("offset", r.offset());
        o.put("timestamp", r.timestamp());
        o.put("time", Instant.ofEpochMilli(r.timestamp()).toString());
        o.put("key", r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8));
        ObjectNode headers = o.putObject("headers");
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        if (r.value() == null) {
            o.putNull("value");
            return o;
        }
        try {
            o.set("value", avroToJson(valueDecoder.apply(r.topic(), r.value())));
        } catch (RuntimeException e) {
            o.put("valueError", e.getMessage());
            o.put("valueBase64", Base64.getEncoder().encodeToString(r.value()));
        }
        return o;
    }

    /** Avro's own JSON rendering of a datum (records as objects, unions as their branch's value), parsed. */
    static JsonNode avroToJson(Object datum) {
        String text = GenericData.get().toString(datum);
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            // e.g. NaN in a float field: keep the text rather than lose the record
            return JSON.getNodeFactory().textNode(text);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public long written() {
        return written;
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void close() throws IOException {
        flush();
        if (closeWriter) {
            out.close();
        }
    }
}
