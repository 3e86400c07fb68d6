package io.wirestream.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.registry.client.CompatibilityLevel;
import io.wirestream.registry.server.SchemaStoreEntry.CompatibilitySet;
import io.wirestream.registry.server.SchemaStoreEntry.SchemaRegistered;
import io.wirestream.registry.server.SchemaStoreEntry.SubjectDeleted;
import java.io.UncheckedIOException;

/**
 * JSON key and value of a {@link SchemaStoreEntry} in {@link KafkaSchemaStore}'s compacted topic,
 * shaped like Confluent's {@code _schemas} records but not meant to be read by Confluent.
 *
 * <p>Keys are chosen so that compaction keeps the state: each schema version has its own key; a
 * config key keeps only the last level set; a subject's delete key keeps only the last deletion,
 * which, being later in the log, still deletes every version registered before it.
 */
final class StoreEntryJson {

    static final String SCHEMA = "SCHEMA";
    static final String CONFIG = "CONFIG";
    static final String DELETE_SUBJECT = "DELETE_SUBJECT";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreEntryJson() {
    }

    static String key(SchemaStoreEntry entry) {
        ObjectNode key = JSON.createObjectNode();
        if (entry instanceof SchemaRegistered r) {
            key.put("keytype", SCHEMA).put("subject", r.subject()).put("version", r.version());
        } else if (entry instanceof CompatibilitySet c) {
            key.put("keytype", CONFIG).put("subject", c.subject());
        } else if (entry instanceof SubjectDeleted d) {
            key.put("keytype", DELETE_SUBJECT).put("subject", d.subject());
        }
        return write(key);
    }

    static String value(SchemaStoreEntry entry) {
        ObjectNode value = JSON.createObjectNode();
        if (entry instanceof SchemaRegistered r) {
            value.put("subject", r.subject()).put("version", r.version()).put("id", r.id())
                    .put("schema", r.schema()).put("deleted", false);
        } else if (entry instanceof CompatibilitySet c) {
            value.put("compatibilityLevel", c.level().name());
        } else if (entry instanceof SubjectDeleted d) {
            value.put("subject", d.subject());
        }
        return write(value);
    }

    /** The entry a record holds; null for tombstones. */
    static SchemaStoreEntry parse(String keyJson, String valueJson) {
        if (valueJson == null) {
            return null;
        }
        try {
            JsonNode key = JSON.readTree(keyJson);
            JsonNode value = JSON.readTree(valueJson);
            String subject = key.hasNonNull("subject") ? key.get("subject").asText() : null;
            return switch (key.path("keytype").asText()) {
                case SCHEMA -> new SchemaRegistered(subject, value.get("version").asInt(), value.get("id").asInt(),
                        value.get("schema").asText());
                case CONFIG -> new CompatibilitySet(subject,
                        CompatibilityLevel.parse(value.path("compatibilityLevel").asText()));
                case DELETE_SUBJECT -> new SubjectDeleted(subject);
                default -> throw new IllegalArgumentException("unknown keytype in " + keyJson);
            };
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("Unreadable schema store record " + keyJson + " = " + valueJson
                    + ": " + e.getMessage(), e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
