package io.wirestream.registry.client;

import static io.wirestream.registry.testing.TestSchemas.HEADLINE_V1;
import static io.wirestream.registry.testing.TestSchemas.HEADLINE_V2_OPTIONAL_LANGUAGE;
import static io.wirestream.registry.testing.TestSchemas.HEADLINE_V2_REQUIRED_SCORE;
import static io.wirestream.registry.testing.TestSchemas.OTHER_RECORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryClientTest {

    private static final String SCOPE = "in-memory-client-test";

    @AfterEach
    void dropScope() {
        InMemorySchemaRegistryClient.dropScope(SCOPE);
    }

    @Test
    void mockUrlsOfTheSameScopeShareOneRegistry() {
        var a = SchemaRegistryClients.create(Map.of("schema.registry.url", "mock://" + SCOPE));
        var b = SchemaRegistryClients.create(Map.of("schema.registry.url", "mock://" + SCOPE));

        int id = a.register("t-value", HEADLINE_V1);

        assertThat(b).isSameAs(a).isInstanceOf(InMemorySchemaRegistryClient.class);
        assertThat(b.schemaById(id)).isEqualTo(HEADLINE_V1);
    }

    @Test
    void droppedScopeStartsEmpty() {
        InMemorySchemaRegistryClient.forScope(SCOPE).register("t-value", HEADLINE_V1);

        InMemorySchemaRegistryClient.dropScope(SCOPE);

        assertThat(InMemorySchemaRegistryClient.forScope(SCOPE).subjects()).isEmpty();
    }

    @Test
    void idsAreAssignedSequentiallyAndReusedAcrossSubjects() {
        var client = new InMemorySchemaRegistryClient();

        assertThat(client.register("a-value", HEADLINE_V1)).isEqualTo(1);
        assertThat(client.register("b-value", OTHER_RECORD)).isEqualTo(2);
        assertThat(client.register("c-value", HEADLINE_V1)).isEqualTo(1);
        assertThat(client.register("a-value", HEADLINE_V2_OPTIONAL_LANGUAGE)).isEqualTo(3);
    }

    @Test
    void backwardCompatibilityIsEnforcedAsOnTheServer() {
        var client = new InMemorySchemaRegistryClient();
        client.register("a-value", HEADLINE_V1);

        assertThatThrownBy(() -> client.register("a-value", HEADLINE_V2_REQUIRED_SCORE))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(409));
    }
}
