package io.wirestream.dedup.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The array encodings are the documented format, big-endian with a length first, exactly as
 * {@link DataOutputStream} writes element by element: state and loop records written before the bulk
 * encoding read back unchanged.
 */
class CodecTest {

    @Property
    void shortsAreWrittenAsDataOutputStreamWritesThemElementByElementAndReadBack(@ForAll @Size(max = 300) short[] values)
            throws IOException {
        ByteArrayOutputStream reference = new ByteArrayOutputStream();
        DataOutputStream ref = new DataOutputStream(reference);
        ref.writeShort(values.length);
        for (short v : values) {
            ref.writeShort(v);
        }
        byte[] bytes = encode(out -> Codec.writeShorts(out, values));
        assertThat(bytes).isEqualTo(reference.toByteArray());
        assertThat(Codec.readShorts(new DataInputStream(new ByteArrayInputStream(bytes)))).isEqualTo(values);
    }

    @Property
    void longsAreWrittenAsDataOutputStreamWritesThemElementByElementAndReadBack(@ForAll @Size(max = 300) long[] values)
            throws IOException {
        ByteArrayOutputStream reference = new ByteArrayOutputStream();
        DataOutputStream ref = new DataOutputStream(reference);
        ref.writeInt(values.length);
        for (long v : values) {
            ref.writeLong(v);
        }
        byte[] bytes = encode(out -> Codec.writeLongs(out, values));
        assertThat(bytes).isEqualTo(reference.toByteArray());
        assertThat(Codec.readLongs(new DataInputStream(new ByteArrayInputStream(bytes)))).isEqualTo(values);
    }

    @Test
    void aTruncatedArrayIsAnErrorNotAShortArray() throws IOException {
        byte[] bytes = encode(out -> Codec.writeLongs(out, new long[] {1, 2, 3}));
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        assertThatThrownBy(() -> Codec.readLongs(new DataInputStream(new ByteArrayInputStream(truncated))))
                .isInstanceOf(EOFException.class);
    }

    private interface Write {
        void to(DataOutputStream out) throws IOException;
    }

    private static byte[] encode(Write write) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write.to(out);
        }
        return bytes.toByteArray();
    }
}
