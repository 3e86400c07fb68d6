package io.wirestream.client.subscribe;

/**
 * What a {@link Subscriber} does with each record that passed its filter. The record's offset is committed
 * only after this returns; an exception stops the subscriber (offsets of the records handled before it stay
 * committed), so the record is delivered again on the next start: at-least-once.
 */
@FunctionalInterface
public interface RecordHandler<V> {

    void handle(Received<V> record) throws Exception;
}
