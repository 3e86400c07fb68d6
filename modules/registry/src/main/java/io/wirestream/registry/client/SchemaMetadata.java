package io.wirestream.registry.client;

import java.util.Objects;
import org.apache.avro.Schema;

/** One version of a subject: {@code {subject, id, version, schema}} in the registry's answers. */
public record SchemaMetadata(String subject, int id, int version, Schema schema) {

    public SchemaMetadata {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
