package io.wirestream.client.subscribe;

import java.time.Instant;

/**
 * A record that passed the filter but whose value could not be deserialised. The subscriber reports it to
 * its {@link Subscriber.Builder#onUndecodable error handler} and goes on with the next record.
 */
public record UndecodableRecord(String topic, int partition, long offset, Instant timestamp, String key,
        RuntimeException cause) {

    /** {@code news.events.enriched-2@17 (key a-1): <cause>}. */
    public String describe() {
        return topic + "-" + partition + "@" + offset + " (key " + key + "): " + cause.getMessage();
    }
}
