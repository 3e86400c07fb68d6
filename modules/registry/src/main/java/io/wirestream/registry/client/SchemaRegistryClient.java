package io.wirestream.registry.client;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The subset of Confluent Schema Registry's REST API that Wirestream uses, for Avro schemas.
 * Implemented over HTTP ({@link RestSchemaRegistryClient}, which also speaks to Redpanda, Karapace
 * and Apicurio's ccompat API) and in memory ({@link InMemorySchemaRegistryClient}, for tests).
 *
 * <p>Errors are {@link SchemaRegistryException}s carrying the registry's status and error code.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /**
     * Registers {@code schema} under {@code subject} ({@code POST /subjects/{subject}/versions}) and
     * returns its global id; registering an already registered schema returns the same id.
     *
     * @throws IncompatibleSchemaException when the schema breaks the subject's compatibility level
     * @throws InvalidSchemaException when the registry rejects the schema
     */
    int register(String subject, Schema schema);

    /**
     * Finds {@code schema} among the versions of {@code subject} ({@code POST /subjects/{subject}}).
     *
     * @throws SubjectNotFoundException when the subject does not exist
     * @throws SchemaNotFoundException when the schema is not registered under it
     */
    SchemaMetadata lookup(String subject, Schema schema);

    /** The schema with this global id ({@code GET /schemas/ids/{id}}); unknown ids raise {@link SchemaNotFoundException}. */
    Schema schemaById(int id);

    /** The latest version of a subject ({@code GET /subjects/{subject}/versions/latest}). */
    SchemaMetadata latest(String subject);

    /** One version of a subject ({@code GET /subjects/{subject}/versions/{version}}). */
    SchemaMetadata version(String subject, int version);

    /** Every subject with at least one live version, sorted ({@code GET /subjects}). */
    List<String> subjects();

    /** The live versions of a subject, ascending ({@code GET /subjects/{subject}/versions}). */
    List<Integer> versions(String subject);

    /**
     * Checks {@code schema} against the latest version of {@code subject} under the subject's
     * compatibility level ({@code POST /compatibility/subjects/{subject}/versions/latest?verbose=true}).
     * A subject without versions accepts any schema.
     */
    CompatibilityResult testCompatibility(String subject, Schema schema);

    /** Soft-deletes every version of a subject ({@code DELETE /subjects/{subject}}); ids stay readable. */
    List<Integer> deleteSubject(String subject);

    /** The global compatibility level ({@code GET /config}). */
    CompatibilityLevel globalCompatibility();

    /** Sets the global compatibility level ({@code PUT /config}) and returns it. */
    CompatibilityLevel setGlobalCompatibility(CompatibilityLevel level);

    /** The level that applies to a subject: its own, else the global one ({@code GET /config/{subject}?defaultToGlobal=true}). */
    CompatibilityLevel compatibility(String subject);

    /** Sets a subject's compatibility level ({@code PUT /config/{subject}}) and returns it. */
    CompatibilityLevel setCompatibility(String subject, CompatibilityLevel level);

    /** Releases connections; a no-op unless the implementation holds any. */
    @Override
    default void close() {
    }
}
