package io.wirestream.dedup.stream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary encoding of dedup's internal records (repartition topics and state stores; never on
 * a public topic, so no registry): a version byte, then fields with {@link DataOutputStream}.
 */
final class Codec {

    /** Writes one value. */
    interface Writer<T> {
        void write(T value, DataOutputStream out) throws IOException;
    }

    /** Reads one value. */
    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static final byte VERSION = 1;

    private Codec() {
    }

    static <T> Serde<T> serde(String what, Writer<T> writer, Reader<T> reader) {
        return serde(what, VERSION, writer, reader);
    }

    /** A serde whose encoding has its own version byte; an unknown version fails with a clear message. */
    static <T> Serde<T> serde(String what, byte version, Writer<T> writer, Reader<T> reader) {
        Serializer<T> ser = (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(version);
                writer.write(value, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        };
        Deserializer<T> de = (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte found = in.readByte();
                if (found != version) {
                    throw new SerializationException(what + " from " + topic + " has version " + found + ", this build reads "
                            + version + ": state written by another Wirestream version; reset the service"
                            + " (wirestream reset SERVICE) and reprocess");
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new SerializationException("cannot decode " + what + " from " + topic + ": " + e.getMessage(), e);
            }
        };
        return Serdes.serdeFrom(ser, de);
    }

    static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    // Arrays go in and out in one piece, big-endian as DataOutputStream writes each element: the same bytes
    // as element by element, without two synchronised stream calls per value (a profile showed those).

    static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        byte[] bytes = new byte[values.length * Long.BYTES];
        ByteBuffer.wrap(bytes).asLongBuffer().put(values);
        out.write(bytes);
    }

    static long[] readLongs(DataInputStream in) throws IOException {
        long[] values = new long[in.readInt()];
        byte[] bytes = new byte[values.length * Long.BYTES];
        in.readFully(bytes);
        ByteBuffer.wrap(bytes).asLongBuffer().get(values);
        return values;
    }

    static void writeShorts(DataOutputStream out, short[] values) throws IOException {
        out.writeShort(values.length);
        byte[] bytes = new byte[values.length * Short.BYTES];
        ByteBuffer.wrap(bytes).asShortBuffer().put(values);
        out.write(bytes);
    }

    static short[] readShorts(DataInputStream in) throws IOException {
        short[] values = new short[in.readUnsignedShort()];
        byte[] bytes = new byte[values.length * Short.BYTES];
        in.readFully(bytes);
        ByteBuffer.wrap(bytes).asShortBuffer().get(values);
        return values;
    }
}
