package io.wirestream.devstack;

import java.util.concurrent.TimeUnit;

import io.wirestream.registry.server.EmbeddedSchemaRegistry;
import io.wirestream.registry.server.KafkaSchemaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A development stack in one process: an {@link EmbeddedKafka} broker and an embedded schema registry
 * that keeps its schemas in a compacted topic on that broker, so schema ids survive restarts on a
 * kept data directory.
 */
public final class DevStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevStack.class);

    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;
    private boolean closed;

    private DevStack(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /** A stack with {@link DevStackConfig#defaults()}. */
    public static DevStack start() {
        return start(DevStackConfig.defaults());
    }

    /** Starts the broker, then the registry on it; if the registry fails the broker is stopped again. */
    public static DevStack start(DevStackConfig config) {
        long t0 = System.nanoTime();
        EmbeddedKafka kafka = EmbeddedKafka.start(config.kafkaConfig());
        EmbeddedSchemaRegistry registry;
        KafkaSchemaStore store = null;
        try {
            store = new KafkaSchemaStore(kafka.bootstrapServers(), config.schemasTopic());
            registry = EmbeddedSchemaRegistry.start(store, config.host(), config.registryPort());
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            kafka.close();
            throw new IllegalStateException("Schema registry on " + kafka.bootstrapServers() + " (topic "
                    + config.schemasTopic() + ") failed to start: " + e.getMessage(), e);
        }
        log.info("Dev stack started in {} ms: Kafka {}, schema registry {}",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), kafka.bootstrapServers(), registry.url());
        return new DevStack(kafka, registry);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    /** Stops the registry (which closes its store) first, then the broker it stores schemas in. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            registry.close();
        } catch (Exception e) {
            log.warn("Schema registry at {} did not close cleanly", registry.url(), e);
        } finally {
            kafka.close();
        }
    }
}
