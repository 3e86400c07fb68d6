package io.wirestream.client.subscribe;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One record a {@link Subscriber} hands to its handler: the deserialised value and where it came from.
 *
 * @param key the record key as UTF-8 text (the article id on the news topics), null when absent
 * @param timestamp the record timestamp (event time on the news topics)
 */
public record Received<V>(String topic, int partition, long offset, Instant timestamp, String key, Headers headers,
        V value) {

    /** The last value of header {@code name} as UTF-8 text, null when absent. */
    public String header(String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
