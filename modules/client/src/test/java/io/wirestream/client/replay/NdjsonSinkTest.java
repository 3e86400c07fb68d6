package io.wirestream.client.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class NdjsonSinkTest {

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("lang", "en".getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>("t", 2, 7, 1_794_138_000_000L, TimestampType.CREATE_TIME, 1, value == null ? 0 : value.length,
                "k".getBytes(StandardCharsets.UTF_8), value, headers, Optional.empty());
    }

    @Test
    void undecodableValueIsKeptAsBase64WithTheReason() throws Exception {
        StringWriter out = new StringWriter();
        NdjsonSink sink = new NdjsonSink(out, "memory", (topic, bytes) -> {
            throw new SerializationException("Record from topic t has unknown magic byte 0x7b");
        }, false);

        sink.write(record("{\"x\":1}".getBytes(StandardCharsets.UTF_8)));

        ObjectNode o = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertThat(o.get("valueError").asText()).contains("unknown magic byte");
        assertThat(Base64.getDecoder().decode(o.get("valueBase64").asText())).isEqualTo("{\"x\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(o.get("time").asText()).isEqualTo("2026-11-08T11:40:00Z");
        assertThat(o.get("headers").get("lang").asText()).isEqualTo("en");
        assertThat(sink.written()).isEqualTo(1);
    }

    @Test
    void nullValueIsJsonNull() {
        NdjsonSink sink = new NdjsonSink(new StringWriter(), "memory", (topic, bytes) -> {
            throw new AssertionError("not called for a tombstone");
        }, false);

        assertThat(sink.toJson(record(null)).get("value").isNull()).isTrue();
    }
}
