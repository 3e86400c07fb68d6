package io.wirestream.model.topic;

/** Kafka's {@code cleanup.policy}: delete old segments by retention, or keep the latest value per key. */
public enum CleanupPolicy {
    DELETE("delete"),
    COMPACT("compact");

    private final String config;

    CleanupPolicy(String config) {
        this.config = config;
    }

    /** The value of the topic's {@code cleanup.policy} config. */
    public String config() {
        return config;
    }
}
