package io.wirestream.runtime;

import io.wirestream.model.topic.Topics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Everything a Wirestream service needs to connect and run, parsed once from properties with
 * environment-variable fallbacks ({@code bootstrap.servers} ← {@code WIRESTREAM_BOOTSTRAP_SERVERS}: upper
 * case, dots become underscores, prefixed {@code WIRESTREAM_}).
 *
 * <p>Keys of our own: {@code bootstrap.servers}, {@code schema.registry.url}, {@code application.id},
 * {@code state.dir}, {@code topics.prefix}, {@code topics.partitions}, {@code topics.replication.factor}.
 * Keys starting with {@code schema.registry.}, {@code basic.auth.}, {@code bearer.auth.},
 * {@code auto.register.schemas} and {@code use.latest.version} go to the Avro serdes; keys in a service's
 * own namespace ({@code dedup.}, {@code ingest.}, {@code tagger.}, {@code alerts.}) go to that service;
 * every other key goes to Kafka Streams unchanged (e.g. {@code num.stream.threads}, {@code commit.interval.ms}).
 */
public record ServiceSettings(
        String service,
        String applicationId,
        String bootstrapServers,
        String schemaRegistryUrl,
        Path stateDir,
        Topics.Settings topics,
        Map<String, String> serdeOverrides,
        Map<String, String> serviceOverrides,
        Map<String, String> streamsOverrides) {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String APPLICATION_ID = "application.id";
    public static final String STATE_DIR = "state.dir";
    public static final String TOPICS_PREFIX = "topics.prefix";
    public static final String TOPICS_PARTITIONS = "topics.partitions";
    public static final String TOPICS_REPLICATION_FACTOR = "topics.replication.factor";
    /** Streams config key read by {@link DeadLetterHandler}: the service named in DLQ headers. */
    public static final String SERVICE_NAME_CONFIG = "wirestream.service";

    public ServiceSettings {
        Objects.requireNonNull(service, "service");
        requireText(applicationId, APPLICATION_ID);
        requireText(bootstrapServers, BOOTSTRAP_SERVERS);
        requireText(schemaRegistryUrl, SCHEMA_REGISTRY_URL);
        Objects.requireNonNull(stateDir, STATE_DIR);
        Objects.requireNonNull(topics, "topics");
        serdeOverrides = Map.copyOf(serdeOverrides);
        serviceOverrides = Map.copyOf(serviceOverrides);
        streamsOverrides = Map.copyOf(streamsOverrides);
    }

    /**
     * Parses settings for {@code service} from {@code props}, falling back to {@code env} and then to
     * defaults (application id {@code <topics.prefix>wirestream-<service>}, so that a run under another topic
     * prefix never joins the live application's group; state under the system temp directory).
     */
    public static ServiceSettings parse(String service, Properties props, Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(k -> all.put(k, props.getProperty(k)));
        String prefix = lookup(all, env, TOPICS_PREFIX, "");
        String partitions = lookup(all, env, TOPICS_PARTITIONS, "6");
        String replication = lookup(all, env, TOPICS_REPLICATION_FACTOR, "1");
        Topics.Settings topics = new Topics.Settings(prefix,
                parseInt(TOPICS_PARTITIONS, partitions, 1, 10_000),
                (short) parseInt(TOPICS_REPLICATION_FACTOR, replication, 1, Short.MAX_VALUE));

        Map<String, String> serde = new LinkedHashMap<>();
        Map<String, String> own = new LinkedHashMap<>();
        Map<String, String> streams = new LinkedHashMap<>();
        for (var e : all.entrySet()) {
            String k = e.getKey();
            if (isOwnKey(k)) {
                continue;
            }
            (isSerdeKey(k) ? serde : isServiceKey(k) ? own : streams).put(k, e.getValue());
        }
        return new ServiceSettings(
                service,
                lookup(all, env, APPLICATION_ID, prefix + "wirestream-" + service),
                lookup(all, env, BOOTSTRAP_SERVERS, null),
                lookup(all, env, SCHEMA_REGISTRY_URL, null),
                Path.of(lookup(all, env, STATE_DIR,
                        Path.of(System.getProperty("java.io.tmpdir"), "wirestream-state").toString())),
                topics, serde, own, streams);
    }

    /** The same settings under another application id (reprocessing beside a live instance). */
    public ServiceSettings withApplicationId(String id) {
        return new ServiceSettings(service, id, bootstrapServers, schemaRegistryUrl, stateDir, topics,
                serdeOverrides, serviceOverrides, streamsOverrides);
    }

    /** Configuration of the Avro serdes: the registry URL plus any auth and serde keys given. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> config = new LinkedHashMap<>(serdeOverrides);
        config.put(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        return config;
    }

    /**
     * Kafka Streams commits every 50 ms rather than its exactly-once default of 100 ms. Under exactly-once a record
     * is visible downstream only after its transaction commits, so each of an original's seven hops waits on
     * average half an interval plus the commit: measured at 200 articles/s, a median of 0.95 s from document to
     * enriched event with 100 ms and 0.55 s with 50 ms, p99 1.2 s against 0.8 s. The price is more
     * transactions: 3 % more offsets (markers) per article at 200/s, no CPU difference the 2-core machine could
     * measure (README, "Performance, end to end").
     */
    public static final String DEFAULT_COMMIT_INTERVAL_MS = "50";

    /**
     * Kafka Streams configuration: exactly-once v2, commits every {@value #DEFAULT_COMMIT_INTERVAL_MS} ms (unless the
     * caller chose at-least-once, whose commits nothing downstream waits for), dead
     * letters to {@code news.dlq} through {@link DeadLetterHandler} for records that cannot be deserialised or
     * processed, and the caller's overrides last.
     */
    public Properties streamsProperties(String dlqTopic) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        if (!StreamsConfig.AT_LEAST_ONCE.equals(streamsOverrides.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))) {
            // Under at-least-once Kafka Streams commits every 30 s and nothing waits for a commit to be seen.
            p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, DEFAULT_COMMIT_INTERVAL_MS);
        }
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, Short.toString(topics.replicationFactor()));
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, dlqTopic);
        p.put(SERVICE_NAME_CONFIG, service);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.putAll(streamsOverrides);
        return p;
    }

    private static boolean isOwnKey(String k) {
        return switch (k) {
            case BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, APPLICATION_ID, STATE_DIR, TOPICS_PREFIX,
                    TOPICS_PARTITIONS, TOPICS_REPLICATION_FACTOR -> true;
            default -> false;
        };
    }

    private static boolean isServiceKey(String k) {
        return k.startsWith("dedup.") || k.startsWith("ingest.") || k.startsWith("tagger.") || k.startsWith("alerts.");
    }

    private static boolean isSerdeKey(String k) {
        return k.startsWith("schema.registry.") || k.startsWith("basic.auth.") || k.startsWith("bearer.auth.")
                || k.equals("auto.register.schemas") || k.equals("use.latest.version");
    }

    private static String lookup(Map<String, String> props, Map<String, String> env, String key, String dflt) {
        String v = props.get(key);
        if (v == null || v.isBlank()) {
            v = env.get(envName(key));
        }
        return v == null || v.isBlank() ? dflt : v.trim();
    }

    /** The environment variable that backs {@code key}: {@code WIRESTREAM_} + upper case, dots to underscores. */
    public static String envName(String key) {
        return "WIRESTREAM_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static int parseInt(String key, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value);
            if (v < min || v > max) {
                throw new IllegalArgumentException(key + " must be in " + min + ".." + max + ", was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer in " + min + ".." + max + ", was '" + value + "'");
        }
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required (property '" + key + "', --" + key.replace('.', '-')
                    + " or environment variable " + envName(key) + ")");
        }
    }
}
