package io.wirestream.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of an {@link EmbeddedKafka} broker.
 *
 * @param dataDir          where the broker keeps its logs; empty means a temporary directory deleted on
 *                         close, a given directory is kept and reused across restarts
 * @param host             address both listeners bind to and the broker advertises (an IPv6 literal with or
 *                         without brackets; a wildcard, 0.0.0.0 or ::, binds every interface and advertises
 *                         127.0.0.1)
 * @param port             PLAINTEXT (client) port, 0 for a free one
 * @param controllerPort   KRaft CONTROLLER port, 0 for a free one
 * @param startTimeout     how long {@link EmbeddedKafka#start} waits for the broker to answer
 * @param brokerProperties extra broker properties, applied last so they override the defaults
 */
public record EmbeddedKafkaConfig(
        Optional<Path> dataDir,
        String host,
        int port,
        int controllerPort,
        Duration startTimeout,
        Map<String, String> brokerProperties) {

    public static final String DEFAULT_HOST = "127.0.0.1";

    public EmbeddedKafkaConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        checkPort("port", port);
        checkPort("controllerPort", controllerPort);
        if (port != 0 && port == controllerPort) {
            throw new IllegalArgumentException("port and controllerPort must differ, both are " + port);
        }
        if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
        }
        brokerProperties = Map.copyOf(brokerProperties);
    }

    /** A temporary broker on 127.0.0.1 with free ports and a 60 s start timeout. */
    public static EmbeddedKafkaConfig defaults() {
        return new EmbeddedKafkaConfig(Optional.empty(), DEFAULT_HOST, 0, 0, Duration.ofSeconds(60), Map.of());
    }

    public EmbeddedKafkaConfig withDataDir(Path dir) {
        return new EmbeddedKafkaConfig(Optional.of(dir), host, port, controllerPort, startTimeout, brokerProperties);
    }

    public EmbeddedKafkaConfig withHost(String newHost) {
        return new EmbeddedKafkaConfig(dataDir, newHost, port, controllerPort, startTimeout, brokerProperties);
    }

    public EmbeddedKafkaConfig withPort(int newPort) {
        return new EmbeddedKafkaConfig(dataDir, host, newPort, controllerPort, startTimeout, brokerProperties);
    }

    public EmbeddedKafkaConfig withControllerPort(int newPort) {
        return new EmbeddedKafkaConfig(dataDir, host, port, newPort, startTimeout, brokerProperties);
    }

    public EmbeddedKafkaConfig withStartTimeout(Duration timeout) {
        return new EmbeddedKafkaConfig(dataDir, host, port, controllerPort, timeout, brokerProperties);
    }

    /** Adds or replaces one broker property, e.g. {@code ("log.retention.ms", "60000")}. */
    public EmbeddedKafkaConfig withBrokerProperty(String key, String value) {
        Map<String, String> props = new LinkedHashMap<>(brokerProperties);
        props.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new EmbeddedKafkaConfig(dataDir, host, port, controllerPort, startTimeout, props);
    }

    private static void checkPort(String name, int value) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException(name + " must be in [0, 65535] (0 = free port), got " + value);
        }
    }
}
