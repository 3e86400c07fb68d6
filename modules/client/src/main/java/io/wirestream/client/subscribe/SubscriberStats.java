package io.wirestream.client.subscribe;

/**
 * What a {@link Subscriber} has read so far.
 *
 * @param matched records that passed the filter and were handed to the handler
 * @param skipped records whose headers did not match the filter, records stamped before a start time (see
 *     {@link StartPosition#at}), and tombstones; none of them deserialised
 * @param undecodable records that matched but could not be deserialised (reported, then passed over)
 */
public record SubscriberStats(long matched, long skipped, long undecodable) {

    /** Every record read. */
    public long total() {
        return matched + skipped + undecodable;
    }
}
