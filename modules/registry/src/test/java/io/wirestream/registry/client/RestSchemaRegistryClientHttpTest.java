package io.wirestream.registry.client;

import static io.wirestream.registry.testing.TestSchemas.HEADLINE_V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.registry.testing.StubHttpServer;
import io.wirestream.registry.testing.StubHttpServer.Response;
import io.wirestream.registry.testing.TestSchemas;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the REST client puts on the wire and how it reacts to failures, against a scripted stub. */
class RestSchemaRegistryClientHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Response ID_7 = new Response(200, "{\"id\": 7}");

    private static RestSchemaRegistryClient client(String url, Map<String, String> extra) {
        Map<String, Object> configs = new HashMap<>(extra);
        configs.put("schema.registry.url", url);
        configs.put("retries.wait.ms", "1");
        return new RestSchemaRegistryClient(SchemaRegistryClientConfig.parse(configs));
    }

    @Test
    void registerPostsTheSchemaWithConfluentMediaTypes() throws Exception {
        try (var stub = new StubHttpServer(n -> ID_7)) {
            int id = client(stub.url(), Map.of()).register("news.headlines-value", HEADLINE_V1);

            var request = stub.requests().get(0);
            assertThat(id).isEqualTo(7);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.pathAndQuery()).isEqualTo("/subjects/news.headlines-value/versions");
            assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
            assertThat(request.header("Accept")).startsWith("application/vnd.schemaregistry.v1+json");
            var body = JSON.readTree(request.body());
            assertThat(body.get("schema").asText()).isEqualTo(HEADLINE_V1.toString());
            assertThat(body.has("schemaType")).isFalse();
        }
    }

    @Test
    void registeredIdIsCachedPerSubjectAndSchema() {
        try (var stub = new StubHttpServer(n -> ID_7)) {
            var client = client(stub.url(), Map.of());

            client.register("a-value", HEADLINE_V1);
            client.register("a-value", HEADLINE_V1);
            client.schemaById(7);

            assertThat(stub.requests()).hasSize(1);
        }
    }

    @Test
    void basicAuthHeaderCarriesUserInfo() {
        try (var stub = new StubHttpServer(n -> new Response(200, "[]"))) {
            client(stub.url(), Map.of("basic.auth.credentials.source", "USER_INFO",
                    "basic.auth.user.info", "alice:s3cret")).subjects();

            assertThat(stub.requests().get(0).header("Authorization")).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void basicAuthHeaderComesFromTheUrlByDefault() {
        try (var stub = new StubHttpServer(n -> new Response(200, "[]"))) {
            client(stub.url().replace("http://", "http://bob:pw%40x@"), Map.of()).subjects();

            assertThat(stub.requests().get(0).header("Authorization")).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("bob:pw@x".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void plusInAUrlPasswordStaysAPlus() {
        var config = SchemaRegistryClientConfig.parse(Map.of("schema.registry.url",
                "http://bob:p+ss%2Bw%40rd@localhost:8081"));

        assertThat(config.authorization()).hasValue("Basic "
                + Base64.getEncoder().encodeToString("bob:p+ss+w@rd".getBytes(StandardCharsets.UTF_8)));
        assertThat(config.urls()).containsExactly(java.net.URI.create("http://localhost:8081"));
    }

    @Test
    void retryBackoffIsJitteredWithinTheUpperHalfOfTheExponentialWait() {
        var random = new java.util.Random(42);
        var waits = new java.util.HashSet<Long>();
        for (int i = 0; i < 200; i++) {
            long wait = RestSchemaRegistryClient.backoffMillis(2, 100, 5_000, random);
            assertThat(wait).isBetween(200L, 400L);
            waits.add(wait);
        }
        assertThat(waits).hasSizeGreaterThan(10);
        assertThat(RestSchemaRegistryClient.backoffMillis(40, 100, 5_000, random)).isBetween(2_500L, 5_000L);
    }

    @Test
    void bearerTokenAndClusterHeadersAreSent() {
        try (var stub = new StubHttpServer(n -> new Response(200, "[]"))) {
            client(stub.url(), Map.of("bearer.auth.credentials.source", "STATIC_TOKEN",
                    "bearer.auth.token", "tok-123", "bearer.auth.logical.cluster", "lsrc-42")).subjects();

            var request = stub.requests().get(0);
            assertThat(request.header("Authorization")).isEqualTo("Bearer tok-123");
            assertThat(request.header("target-sr-cluster")).isEqualTo("lsrc-42");
        }
    }

    @Test
    void serverErrorIsRetriedUntilSuccess() {
        try (var stub = new StubHttpServer(n -> n == 0
                ? new Response(500, "{\"error_code\": 50001, \"message\": \"Error in the backend data store\"}")
                : ID_7)) {
            int id = client(stub.url(), Map.of()).register("news.headlines-value", HEADLINE_V1);

            assertThat(id).isEqualTo(7);
            assertThat(stub.requests()).hasSize(2);
        }
    }

    @Test
    void persistentServerErrorFailsAfterTheConfiguredRetries() {
        try (var stub = new StubHttpServer(n -> new Response(503,
                "{\"error_code\": 50003, \"message\": \"Error while forwarding the request to the leader\"}"))) {
            var client = client(stub.url(), Map.of("max.retries", "2"));

            assertThatThrownBy(() -> client.register("news.headlines-value", HEADLINE_V1))
                    .isInstanceOfSatisfying(SchemaRegistryForwardingException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(503);
                        assertThat(e.errorCode()).isEqualTo(50003);
                    });
            assertThat(stub.requests()).hasSize(3);
        }
    }

    @Test
    void clientErrorIsNotRetried() {
        try (var stub = new StubHttpServer(n -> new Response(404,
                "{\"error_code\": 40401, \"message\": \"Subject 'x' not found.\"}"))) {
            assertThatThrownBy(() -> client(stub.url(), Map.of()).latest("x"))
                    .isInstanceOf(SubjectNotFoundException.class);
            assertThat(stub.requests()).hasSize(1);
        }
    }

    @Test
    void errorWithoutJsonBodyKeepsTheHttpStatusAsCode() {
        try (var stub = new StubHttpServer(n -> new Response(502, "<html>Bad Gateway</html>"))) {
            assertThatThrownBy(() -> client(stub.url(), Map.of("max.retries", "0")).subjects())
                    .isInstanceOfSatisfying(SchemaRegistryServerException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(502);
                        assertThat(e.getMessage()).contains("Bad Gateway");
                    });
        }
    }

    @Test
    void unreachableFirstUrlFailsOverToTheNext() {
        try (var stub = new StubHttpServer(n -> ID_7)) {
            String urls = "http://127.0.0.1:" + TestSchemas.closedPort() + "," + stub.url();

            int id = client(urls, Map.of("max.retries", "0")).register("news.headlines-value", HEADLINE_V1);

            assertThat(id).isEqualTo(7);
        }
    }

    @Test
    void noReachableUrlIsUnavailableAfterRetries() {
        var client = client("http://127.0.0.1:" + TestSchemas.closedPort(), Map.of("max.retries", "1"));

        assertThatThrownBy(client::subjects)
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("No schema registry answered GET /subjects");
    }

    @Test
    void apicurioStyleBasePathIsKept() {
        try (var stub = new StubHttpServer(n -> new Response(200, "{\"compatibilityLevel\": \"FULL\"}"))) {
            var level = client(stub.url() + "/apis/ccompat/v7/", Map.of()).globalCompatibility();

            assertThat(level).isEqualTo(CompatibilityLevel.FULL);
            assertThat(stub.requests().get(0).pathAndQuery()).isEqualTo("/apis/ccompat/v7/config");
        }
    }
}
