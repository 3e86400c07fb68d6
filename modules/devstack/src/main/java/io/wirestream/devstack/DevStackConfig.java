package io.wirestream.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link DevStack}.
 *
 * @param dataDir      where the broker keeps its data, schemas included; empty means a temporary
 *                     directory deleted on close, a given directory is kept and reused across restarts
 * @param host         address the broker and the registry bind to
 * @param kafkaPort    broker PLAINTEXT port, 0 for a free one
 * @param registryPort schema registry HTTP port, 0 for a free one
 * @param schemasTopic compacted topic the registry keeps its schemas in
 */
public record DevStackConfig(
        Optional<Path> dataDir,
        String host,
        int kafkaPort,
        int registryPort,
        String schemasTopic) {

    public static final String DEFAULT_SCHEMAS_TOPIC = "_schemas";

    public DevStackConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        checkPort("kafkaPort", kafkaPort);
        checkPort("registryPort", registryPort);
        if (schemasTopic == null || schemasTopic.isBlank()) {
            throw new IllegalArgumentException("schemasTopic must not be blank");
        }
    }

    /** Temporary data, free ports on 127.0.0.1, schemas in {@code _schemas}. */
    public static DevStackConfig defaults() {
        return new DevStackConfig(Optional.empty(), EmbeddedKafkaConfig.DEFAULT_HOST, 0, 0, DEFAULT_SCHEMAS_TOPIC);
    }

    public DevStackConfig withDataDir(Path dir) {
        return new DevStackConfig(Optional.of(dir), host, kafkaPort, registryPort, schemasTopic);
    }

    public DevStackConfig withHost(String newHost) {
        return new DevStackConfig(dataDir, newHost, kafkaPort, registryPort, schemasTopic);
    }

    public DevStackConfig withKafkaPort(int port) {
        return new DevStackConfig(dataDir, host, port, registryPort, schemasTopic);
    }

    public DevStackConfig withRegistryPort(int port) {
        return new DevStackConfig(dataDir, host, kafkaPort, port, schemasTopic);
    }

    public DevStackConfig withSchemasTopic(String topic) {
        return new DevStackConfig(dataDir, host, kafkaPort, registryPort, topic);
    }

    /** The broker settings this stack starts with. */
    EmbeddedKafkaConfig kafkaConfig() {
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.defaults().withHost(host).withPort(kafkaPort)
                .withStartTimeout(Duration.ofSeconds(60));
        return dataDir.map(config::withDataDir).orElse(config);
    }

    private static void checkPort(String name, int value) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException(name + " must be in [0, 65535] (0 = free port), got " + value);
        }
    }
}
