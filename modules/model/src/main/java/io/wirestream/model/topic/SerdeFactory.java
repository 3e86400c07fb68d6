package io.wirestream.model.topic;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Makes the value serde of a topic. The registry module implements it with Confluent-format Avro
 * serdes; tests may use a mock registry. Kept as an interface so that the catalogue needs no registry.
 */
public interface SerdeFactory {

    /** A configured value serde for records of {@code type}, written under the subject {@code <topic>-value}. */
    <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type);
}
