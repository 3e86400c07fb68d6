package io.wirestream.client.subscribe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * Avro records as plain JSON, for people and {@code jq}: fields in schema order, unions as their value
 * (not Avro's {@code {"string": ...}} wrapping), enums as their symbol, timestamps as ISO-8601 UTC text,
 * bytes as base64. Not meant to be read back as Avro.
 */
public final class AvroJson {

    private static final JsonFactory JSON = new JsonFactory();

    private AvroJson() {
    }

    /** {@code record} as one line of JSON. */
    public static String toJson(IndexedRecord record) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + record.getSchema().getFullName() + " as JSON", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof IndexedRecord r) {
            g.writeStartObject();
            for (Schema.Field f : r.getSchema().getFields()) {
                g.writeFieldName(f.name());
                write(g, r.get(f.pos()));
            }
            g.writeEndObject();
        } else if (v instanceof CharSequence s) {
            g.writeString(s.toString());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Float f) {
            g.writeNumber(f);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Instant t) {
            g.writeString(t.toString());
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (v instanceof GenericEnumSymbol<?> e) {
            g.writeString(e.toString());
        } else if (v instanceof ByteBuffer b) {
            ByteBuffer copy = b.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            g.writeString(Base64.getEncoder().encodeToString(bytes));
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object item : c) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeString(v.toString());
        }
    }
}
