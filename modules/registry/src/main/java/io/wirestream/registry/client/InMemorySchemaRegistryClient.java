package io.wirestream.registry.client;

import io.wirestream.registry.server.InMemorySchemaStore;
import io.wirestream.registry.server.LocalSchemaRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A registry in memory for tests, behind {@code schema.registry.url=mock://<scope>}: the same rules as
 * {@code EmbeddedSchemaRegistry} (it is the same {@link LocalSchemaRegistry}, BACKWARD by default)
 * without HTTP. As with Confluent's MockSchemaRegistry, serdes configured with the same scope share
 * one instance, so a test's producer and consumer see the same ids; {@link #dropScope} forgets it.
 */
public final class InMemorySchemaRegistryClient extends LocalSchemaRegistry {

    private static final ConcurrentMap<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    /** A private registry, shared with no scope. */
    public InMemorySchemaRegistryClient() {
        super(new InMemorySchemaStore(), CompatibilityLevel.BACKWARD);
    }

    /** The registry shared by every {@code mock://scope} user in this JVM, created on first use. */
    public static InMemorySchemaRegistryClient forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistryClient());
    }

    /** Forgets a scope, so that its next user starts from an empty registry (call it in test teardown). */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }
}
