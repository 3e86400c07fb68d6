package io.wirestream.registry.server;

import static io.wirestream.registry.testing.TestSchemas.HEADLINE_V1;
import static io.wirestream.registry.testing.TestSchemas.HEADLINE_V2_OPTIONAL_LANGUAGE;
import static io.wirestream.registry.testing.TestSchemas.OTHER_RECORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.registry.client.CompatibilityLevel;
import io.wirestream.registry.client.RestSchemaRegistryClient;
import io.wirestream.registry.client.SchemaRegistryClientConfig;
import io.wirestream.registry.client.SchemaRegistryStoreException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded registry's REST answers as raw HTTP sees them, and its state across restarts. */
class EmbeddedSchemaRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedSchemaRegistry server;

    private record Answer(int status, String contentType, JsonNode body) {
    }

    @BeforeEach
    void start() {
        server = EmbeddedSchemaRegistry.start(new InMemorySchemaStore(), "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Answer call(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                JSON.readTree(response.body()));
    }

    private static String schemaBody(String schemaJson) throws Exception {
        return JSON.writeValueAsString(JSON.createObjectNode().put("schema", schemaJson));
    }

    @Test
    void urlAndPortNameTheListeningSocket() {
        assertThat(server.port()).isPositive();
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
    }

    @Test
    void registerAnswersIdAndVersionAnswersConfluentFields() throws Exception {
        Answer registered = call("POST", "/subjects/t-value/versions", schemaBody(HEADLINE_V1.toString()));
        Answer version = call("GET", "/subjects/t-value/versions/latest", null);

        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(registered.body().get("id").asInt()).isEqualTo(1);
        assertThat(version.body().get("subject").asText()).isEqualTo("t-value");
        assertThat(version.body().get("version").asInt()).isEqualTo(1);
        assertThat(version.body().get("id").asInt()).isEqualTo(1);
        assertThat(version.body().get("schema").asText()).isEqualTo(HEADLINE_V1.toString());
        assertThat(version.body().has("schemaType")).isFalse();
    }

    @Test
    void unknownSubjectIsA404WithErrorCode40401() throws Exception {
        Answer answer = call("GET", "/subjects/nope-value/versions", null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(answer.body().get("error_code").asInt()).isEqualTo(40401);
        assertThat(answer.body().get("message").asText()).contains("nope-value");
    }

    @Test
    void unparsableSchemaIsA422WithErrorCode42201() throws Exception {
        Answer answer = call("POST", "/subjects/t-value/versions", schemaBody("{\"type\": \"recrod\"}"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("error_code").asInt()).isEqualTo(42201);
    }

    @Test
    void nonAvroSchemaTypeIsA422WithErrorCode42201() throws Exception {
        Answer answer = call("POST", "/subjects/t-value/versions",
                "{\"schema\": \"syntax = \\\"proto3\\\";\", \"schemaType\": \"PROTOBUF\"}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("error_code").asInt()).isEqualTo(42201);
    }

    @Test
    void malformedVersionIsA422WithErrorCode42202() throws Exception {
        call("POST", "/subjects/t-value/versions", schemaBody(HEADLINE_V1.toString()));

        Answer answer = call("GET", "/subjects/t-value/versions/first", null);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("error_code").asInt()).isEqualTo(42202);
    }

    @Test
    void unknownCompatibilityLevelIsA422WithErrorCode42203() throws Exception {
        Answer answer = call("PUT", "/config", "{\"compatibility\": \"SIDEWAYS\"}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("error_code").asInt()).isEqualTo(42203);
    }

    @Test
    void configPutAnswersCompatibilityAndGetAnswersCompatibilityLevel() throws Exception {
        Answer put = call("PUT", "/config/t-value", "{\"compatibility\": \"FORWARD\"}");
        Answer get = call("GET", "/config/t-value", null);
        Answer global = call("GET", "/config", null);

        assertThat(put.body().get("compatibility").asText()).isEqualTo("FORWARD");
        assertThat(get.body().get("compatibilityLevel").asText()).isEqualTo("FORWARD");
        assertThat(global.body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void subjectWithoutOwnLevelIs40408UnlessDefaultToGlobal() throws Exception {
        Answer own = call("GET", "/config/t-value", null);
        Answer effective = call("GET", "/config/t-value?defaultToGlobal=true", null);

        assertThat(own.status()).isEqualTo(404);
        assertThat(own.body().get("error_code").asInt()).isEqualTo(40408);
        assertThat(effective.body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void incompatibleRegistrationIsA409WithErrorCode409() throws Exception {
        call("POST", "/subjects/t-value/versions", schemaBody(HEADLINE_V1.toString()));

        Answer answer = call("POST", "/subjects/t-value/versions", schemaBody(OTHER_RECORD.toString()));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().get("error_code").asInt()).isEqualTo(409);
    }

    @Test
    void compatibilityEndpointAnswersWithoutMessagesUnlessVerbose() throws Exception {
        call("POST", "/subjects/t-value/versions", schemaBody(HEADLINE_V1.toString()));

        Answer terse = call("POST", "/compatibility/subjects/t-value/versions/latest",
                schemaBody(OTHER_RECORD.toString()));
        Answer verbose = call("POST", "/compatibility/subjects/t-value/versions/1?verbose=true",
                schemaBody(OTHER_RECORD.toString()));

        assertThat(terse.body().get("is_compatible").asBoolean()).isFalse();
        assertThat(terse.body().has("messages")).isFalse();
        assertThat(verbose.body().get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.body().get("messages").size()).isPositive();
    }

    @Test
    void unknownRouteIsA404() throws Exception {
        Answer answer = call("GET", "/nowhere", null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().get("error_code").asInt()).isEqualTo(404);
    }

    @Test
    void requiredCredentialsAreEnforcedWith401() throws Exception {
        try (var secured = EmbeddedSchemaRegistry.start(new InMemorySchemaStore(), "127.0.0.1", 0,
                EmbeddedSchemaRegistry.Options.defaults().withBasicAuth("alice:s3cret"))) {
            var response = http.send(HttpRequest.newBuilder(URI.create(secured.url() + "/subjects")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(response.body()).get("error_code").asInt()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Basic"));
        }
    }

    @Test
    void basicAuthSchemeIsMatchedInAnyCaseAndTheCredentialsExactly() throws Exception {
        try (var secured = EmbeddedSchemaRegistry.start(new InMemorySchemaStore(), "127.0.0.1", 0,
                EmbeddedSchemaRegistry.Options.defaults().withBasicAuth("alice:s3cret"))) {
            java.util.function.Function<String, Integer> statusWith = credentials -> {
                try {
                    return http.send(HttpRequest.newBuilder(URI.create(secured.url() + "/subjects"))
                            .header("Authorization", "basic " + java.util.Base64.getEncoder().encodeToString(
                                    credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };

            assertThat(statusWith.apply("alice:s3cret")).isEqualTo(200);
            assertThat(statusWith.apply("alice:s3cres")).isEqualTo(401);
        }
    }

    @Test
    void storeFailureIsA500WithErrorCode50001AndChangesNothing() {
        SchemaStore failing = new SchemaStore() {
            @Override
            public List<SchemaStoreEntry> readAll() {
                return List.of();
            }

            @Override
            public void append(SchemaStoreEntry entry) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public void close() {
            }
        };
        try (var broken = EmbeddedSchemaRegistry.start(failing, "127.0.0.1", 0)) {
            var client = new RestSchemaRegistryClient(SchemaRegistryClientConfig.parse(Map.of(
                    "schema.registry.url", broken.url(), "max.retries", "0")));

            assertThatThrownBy(() -> client.register("t-value", HEADLINE_V1))
                    .isInstanceOfSatisfying(SchemaRegistryStoreException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(500);
                        assertThat(e.errorCode()).isEqualTo(50001);
                        assertThat(e.getMessage()).contains("disk full");
                    });
            assertThat(client.subjects()).isEmpty();
        }
    }

    @Test
    void sameSchemaUnderAnotherSubjectReusesTheGlobalId() {
        var client = new RestSchemaRegistryClient(server.url());

        int first = client.register("a-value", HEADLINE_V1);
        int other = client.register("b-value", OTHER_RECORD);
        int reused = client.register("c-value", HEADLINE_V1);

        assertThat(reused).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(client.latest("c-value").version()).isEqualTo(1);
    }

    @Test
    void restartOverTheSameStoreKeepsIdsVersionsAndConfig() {
        SchemaStore store = new InMemorySchemaStore();
        int v1;
        int v2;
        int other;
        try (var first = EmbeddedSchemaRegistry.start(store, "127.0.0.1", 0)) {
            var client = new RestSchemaRegistryClient(first.url());
            v1 = client.register("a-value", HEADLINE_V1);
            v2 = client.register("a-value", HEADLINE_V2_OPTIONAL_LANGUAGE);
            other = client.register("b-value", OTHER_RECORD);
            client.setCompatibility("b-value", CompatibilityLevel.NONE);
            client.setGlobalCompatibility(CompatibilityLevel.FULL_TRANSITIVE);
        }

        try (var second = EmbeddedSchemaRegistry.start(store, "127.0.0.1", 0)) {
            var client = new RestSchemaRegistryClient(second.url());

            assertThat(client.register("a-value", HEADLINE_V1)).isEqualTo(v1);
            assertThat(client.latest("a-value").id()).isEqualTo(v2);
            assertThat(client.latest("a-value").version()).isEqualTo(2);
            assertThat(client.schemaById(other)).isEqualTo(OTHER_RECORD);
            assertThat(client.compatibility("b-value")).isEqualTo(CompatibilityLevel.NONE);
            assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
            int next = client.register("c-value", io.wirestream.registry.testing.TestSchemas.parse(
                    "{\"type\": \"record\", \"name\": \"Fresh\", \"fields\": []}"));
            assertThat(next).isGreaterThan(Math.max(v1, Math.max(v2, other)));
        }
    }
}
