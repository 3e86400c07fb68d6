package io.wirestream.registry.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: magic byte {@code 0}, the schema id as 4 bytes big-endian, then the Avro
 * binary encoding of the record. Any Confluent-compatible producer or consumer reads and writes it.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    /** Bytes before the Avro payload: magic byte and schema id. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** The 5-byte header for {@code schemaId}. */
    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
    }

    /** The header followed by {@code avro}. */
    public static byte[] frame(int schemaId, byte[] avro) {
        return ByteBuffer.allocate(HEADER_SIZE + avro.length).put(MAGIC_BYTE).putInt(schemaId).put(avro).array();
    }

    /**
     * The schema id of a framed record from {@code topic}, after checking the header.
     *
     * @throws SerializationException naming the topic when the record is too short or its magic byte is not 0
     */
    public static int schemaId(String topic, byte[] data) {
        if (data.length < HEADER_SIZE) {
            throw new SerializationException("Record from topic " + topic + " is " + data.length
                    + " bytes long, too short for the 5-byte Confluent Avro header (magic byte and schema id)");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format("Record from topic %s has unknown magic byte 0x%02x"
                    + " (expected 0x00): it was not written by a Confluent-compatible Avro serializer",
                    topic, data[0] & 0xff));
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }
}
