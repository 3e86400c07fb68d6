package io.wirestream.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process, single-node KRaft Kafka broker (combined broker and controller) for development and
 * tests. Internal topics use replication factor 1 and min ISR 1, so transactions and exactly-once
 * Kafka Streams work on it.
 *
 * <p>Storage is formatted on first use; a kept data directory that already holds a formatted log is
 * reused as is, so topics and records survive a restart.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String LOG_DIR_NAME = "kafka-logs";
    private static final String CONFIG_FILE_NAME = "broker.properties";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private final StartupTimes startupTimes;
    private boolean closed;

    /** How long the last start took, in milliseconds; {@code formatMillis} is 0 when storage was reused. */
    public record StartupTimes(long formatMillis, long startMillis) {
    }

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Path dataDir, boolean deleteOnClose,
                          StartupTimes startupTimes) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.startupTimes = startupTimes;
    }

    /** A broker with {@link EmbeddedKafkaConfig#defaults()}. */
    public static EmbeddedKafka start() {
        return start(EmbeddedKafkaConfig.defaults());
    }

    /**
     * Formats storage if needed, starts the broker and waits until it answers an Admin client.
     *
     * @throws IllegalStateException if formatting fails or the broker is not ready within the start timeout
     */
    public static EmbeddedKafka start(EmbeddedKafkaConfig config) {
        boolean temporary = config.dataDir().isEmpty();
        Path dataDir = config.dataDir().orElseGet(EmbeddedKafka::createTempDir);
        try {
            return start(config, dataDir, temporary);
        } catch (RuntimeException e) {
            if (temporary) {
                deleteQuietly(dataDir);
            }
            throw e;
        }
    }

    private static EmbeddedKafka start(EmbeddedKafkaConfig config, Path dataDir, boolean temporary) {
        Path logDir = dataDir.resolve(LOG_DIR_NAME);
        int[] free = freePorts(config.host());
        int port = config.port() != 0 ? config.port() : free[0];
        int controllerPort = config.controllerPort() != 0 ? config.controllerPort() : free[1];
        Properties props = brokerProperties(config, logDir, port, controllerPort);
        Path configFile = writeConfig(dataDir.resolve(CONFIG_FILE_NAME), props);

        long formatMillis = 0;
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            long t0 = System.nanoTime();
            format(configFile, logDir);
            formatMillis = elapsedMillis(t0);
            log.info("Formatted KRaft storage in {} in {} ms", logDir, formatMillis);
        }

        long t0 = System.nanoTime();
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        String bootstrapServers = hostPort(advertisedHost(config.host()), port);
        try {
            server.startup();
            awaitReady(bootstrapServers, config.startTimeout().toMillis());
        } catch (RuntimeException e) {
            shutdown(server);
            throw e;
        }
        long startMillis = elapsedMillis(t0);
        log.info("Kafka broker ready at {} (controller port {}, data {}) in {} ms",
                bootstrapServers, controllerPort, dataDir, startMillis);
        return new EmbeddedKafka(server, bootstrapServers, dataDir, temporary,
                new StartupTimes(formatMillis, startMillis));
    }

    /** {@code host:port} of the PLAINTEXT listener as advertised (127.0.0.1 when bound to a wildcard address). */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The directory holding the broker's logs and configuration file. */
    public Path dataDir() {
        return dataDir;
    }

    public StartupTimes startupTimes() {
        return startupTimes;
    }

    /** Shuts the broker down, waits for it, and deletes the data directory if it was temporary. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long t0 = System.nanoTime();
        shutdown(server);
        log.info("Kafka broker at {} shut down in {} ms", bootstrapServers, elapsedMillis(t0));
        if (deleteOnClose) {
            deleteQuietly(dataDir);
        }
    }

    static Properties brokerProperties(EmbeddedKafkaConfig config, Path logDir, int port, int controllerPort) {
        String host = config.host();
        String advertised = advertisedHost(host);
        Properties props = new Properties();
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("process.roles", "broker,controller");
        props.put("controller.quorum.voters", NODE_ID + "@" + hostPort(advertised, controllerPort));
        props.put("listeners", "PLAINTEXT://" + hostPort(host, port) + ",CONTROLLER://" + hostPort(host, controllerPort));
        props.put("advertised.listeners", "PLAINTEXT://" + hostPort(advertised, port));
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());

        // One node: every internal topic must fit on it.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");

        // Fast start on a small machine: few internal partitions, no rebalance delay, small cleaner buffer.
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.num.partitions", "1");
        props.put("num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8L * 1024 * 1024));
        // Records carry event time (publication time), and time retention compares it with the clock: sample and
        // archive articles older than a topic's retention (7 days on news.articles.deduped, 30 on the others)
        // would be deleted at the broker's first retention check, 30 s after start, while they still flow
        // through the pipeline. The dev stack holds development and test data for hours at most: its broker
        // deletes nothing by time. The initial delay also postpones the other log-manager tasks (checkpoints,
        // removing deleted topics' files), which a throw-away broker can do without; `up --data-dir` recovers
        // its logs on the next start. (Production clusters: see the README's Topics section.)
        props.put("log.initial.task.delay.ms", String.valueOf(Long.MAX_VALUE / 4));
        props.put("log.retention.check.interval.ms", String.valueOf(Long.MAX_VALUE / 4));

        props.putAll(config.brokerProperties());
        return props;
    }

    /** The host clients are told to connect to: loopback when bound to a wildcard address, else the host itself. */
    static String advertisedHost(String host) {
        String bare = unbracketed(host);
        return bare.equals("0.0.0.0") || bare.equals("::") || bare.equals("0:0:0:0:0:0:0:0") ? "127.0.0.1" : host;
    }

    /** {@code host:port}, with an IPv6 literal in brackets as listener and bootstrap strings need. */
    static String hostPort(String host, int port) {
        String bare = unbracketed(host);
        return (bare.contains(":") ? "[" + bare + "]" : bare) + ":" + port;
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static void format(Path configFile, Path logDir) {
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(
                    new String[] {"format", "-t", clusterId, "-c", configFile.toString()}, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Formatting KRaft storage in " + logDir + " failed: "
                    + e.getMessage() + " " + output.toString(StandardCharsets.UTF_8).trim(), e);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("Formatting KRaft storage in " + logDir + " failed with exit code "
                    + exitCode + ": " + output.toString(StandardCharsets.UTF_8).trim());
        }
    }

    private static void awaitReady(String bootstrapServers, long timeoutMillis) {
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-readiness");
        try (Admin admin = Admin.create(adminConfig)) {
            int timeout = (int) Math.min(Integer.MAX_VALUE, timeoutMillis);
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeout))
                    .nodes()
                    .get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("Kafka broker at " + bootstrapServers + " was not ready within "
                    + timeoutMillis + " ms: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka broker at " + bootstrapServers, e);
        }
    }

    private static void shutdown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    /**
     * Two distinct free ports: binds port 0 twice and releases both. Another process may take a port
     * before the broker binds it; that race is accepted.
     */
    private static int[] freePorts(String host) {
        try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getByName(unbracketed(host)));
             ServerSocket second = new ServerSocket(0, 1, InetAddress.getByName(unbracketed(host)))) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find free ports on " + host, e);
        }
    }

    private static Path writeConfig(Path file, Properties props) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(writer, "Written by EmbeddedKafka on every start");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write broker configuration " + file, e);
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("wirestream-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary Kafka data directory", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (IOException e) {
            log.warn("Could not delete Kafka data directory {}", dir, e);
        }
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
