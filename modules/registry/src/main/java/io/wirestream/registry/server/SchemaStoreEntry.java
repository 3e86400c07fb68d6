package io.wirestream.registry.server;

import io.wirestream.registry.client.CompatibilityLevel;
import java.util.Objects;

/**
 * One fact in a {@link SchemaStore}'s append-only log. Replaying the log in order rebuilds the
 * registry's state, so every entry records a decision already taken (ids and versions included).
 */
public sealed interface SchemaStoreEntry {

    /** {@code schema} (canonical Avro JSON) became {@code version} of {@code subject} with global {@code id}. */
    record SchemaRegistered(String subject, int version, int id, String schema) implements SchemaStoreEntry {
        public SchemaRegistered {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(schema, "schema");
            if (version < 1 || id < 1) {
                throw new IllegalArgumentException("version and id must be >= 1, were " + version + " and " + id);
            }
        }
    }

    /** The compatibility level of {@code subject} was set; a null subject means the global level. */
    record CompatibilitySet(String subject, CompatibilityLevel level) implements SchemaStoreEntry {
        public CompatibilitySet {
            Objects.requireNonNull(level, "level");
        }
    }

    /**
     * Every version of {@code subject} registered before this entry was (soft-)deleted; the ids stay
     * readable and version numbers are not reused.
     */
    record SubjectDeleted(String subject) implements SchemaStoreEntry {
        public SubjectDeleted {
            Objects.requireNonNull(subject, "subject");
        }
    }
}
