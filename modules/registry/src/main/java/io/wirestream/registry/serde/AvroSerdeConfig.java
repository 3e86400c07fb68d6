package io.wirestream.registry.serde;

import java.util.Locale;
import java.util.Map;

/**
 * Serde settings under Confluent's keys; registry connection and credentials are read by
 * {@code SchemaRegistryClients} from the same map.
 *
 * @param autoRegisterSchemas {@value #AUTO_REGISTER_SCHEMAS}: register the record's schema on first use (default true)
 * @param useLatestVersion {@value #USE_LATEST_VERSION}: write with the subject's latest schema (default false)
 * @param specificAvroReader {@value #SPECIFIC_AVRO_READER}: decode into generated classes (default false)
 */
public record AvroSerdeConfig(boolean autoRegisterSchemas, boolean useLatestVersion, boolean specificAvroReader) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    public static AvroSerdeConfig parse(Map<String, ?> configs) {
        return new AvroSerdeConfig(
                bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, USE_LATEST_VERSION, false),
                bool(configs, SPECIFIC_AVRO_READER, false));
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
