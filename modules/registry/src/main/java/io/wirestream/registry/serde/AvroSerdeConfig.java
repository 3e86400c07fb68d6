package io.wirestream.registry.serde;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Serde settings under Confluent's keys; registry connection and credentials are read by
 * {@code SchemaRegistryClients} from the same map.
 *
 * @param autoRegisterSchemas {@value #AUTO_REGISTER_SCHEMAS}: register the record's schema on first use (default true)
 * @param useLatestVersion {@value #USE_LATEST_VERSION}: write with the subject's latest schema (default
 *     false); as in Confluent's serializer, only when {@code auto.register.schemas=false}
 * @param specificAvroReader {@value #SPECIFIC_AVRO_READER}: decode into generated classes (default false)
 * @param latestCacheTtl {@value #LATEST_CACHE_TTL}: how long a fetched latest schema is reused (default
 *     60 s; -1 keeps it for the serializer's lifetime, 0 fetches it for every record)
 */
public record AvroSerdeConfig(boolean autoRegisterSchemas, boolean useLatestVersion, boolean specificAvroReader,
        Duration latestCacheTtl) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String LATEST_CACHE_TTL = "latest.cache.ttl.sec";
    /** A {@code latestCacheTtl} that never expires ({@value #LATEST_CACHE_TTL}=-1). */
    public static final Duration NO_TTL = ChronoUnit.FOREVER.getDuration();

    public AvroSerdeConfig {
        Objects.requireNonNull(latestCacheTtl, "latestCacheTtl");
        if (latestCacheTtl.isNegative()) {
            throw new IllegalArgumentException("latestCacheTtl must not be negative, was " + latestCacheTtl);
        }
    }

    public static AvroSerdeConfig parse(Map<String, ?> configs) {
        return new AvroSerdeConfig(
                bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, USE_LATEST_VERSION, false),
                bool(configs, SPECIFIC_AVRO_READER, false),
                ttl(configs, LATEST_CACHE_TTL, 60));
    }

    private static Duration ttl(Map<String, ?> configs, String key, long dfltSeconds) {
        Object v = configs.get(key);
        long seconds;
        try {
            seconds = v == null || v.toString().isBlank() ? dfltSeconds
                    : v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of seconds or -1, was '" + v + "'", e);
        }
        if (seconds < -1) {
            throw new IllegalArgumentException(key + " must be >= 0, or -1 for no expiry, was " + seconds);
        }
        return seconds == -1 ? NO_TTL : Duration.ofSeconds(seconds);
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean dflt) {
        Object v = configs.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        return switch (v.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, was '" + v + "'");
        };
    }
}
