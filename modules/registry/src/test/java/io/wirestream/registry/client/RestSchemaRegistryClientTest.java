package io.wirestream.registry.client;

import static io.wirestream.registry.testing.TestSchemas.BAD_DEFAULT;
import static io.wirestream.registry.testing.TestSchemas.HEADLINE_V1;
import static io.wirestream.registry.testing.TestSchemas.HEADLINE_V2_OPTIONAL_LANGUAGE;
import static io.wirestream.registry.testing.TestSchemas.HEADLINE_V2_REQUIRED_SCORE;
import static io.wirestream.registry.testing.TestSchemas.OTHER_RECORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.registry.server.EmbeddedSchemaRegistry;
import io.wirestream.registry.server.InMemorySchemaStore;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST client against the embedded registry over real HTTP. */
class RestSchemaRegistryClientTest {

    private static final String SUBJECT = "news.headlines-value";

    private EmbeddedSchemaRegistry server;
    private RestSchemaRegistryClient client;

    @BeforeEach
    void startRegistry() {
        server = EmbeddedSchemaRegistry.start(new InMemorySchemaStore(), "127.0.0.1", 0);
        client = new RestSchemaRegistryClient(server.url());
    }

    @AfterEach
    void stopRegistry() {
        server.close();
    }

    @Test
    void registeredSchemaIsFetchedBackById() {
        int id = client.register(SUBJECT, HEADLINE_V1);

        RestSchemaRegistryClient fresh = new RestSchemaRegistryClient(server.url());
        assertThat(fresh.schemaById(id)).isEqualTo(HEADLINE_V1);
        assertThat(fresh.schemaById(id).toString()).isEqualTo(HEADLINE_V1.toString());
    }

    @Test
    void registeringTheSameSchemaAgainReturnsTheSameId() {
        int first = client.register(SUBJECT, HEADLINE_V1);
        int again = new RestSchemaRegistryClient(server.url()).register(SUBJECT, HEADLINE_V1);

        assertThat(again).isEqualTo(first);
        assertThat(client.versions(SUBJECT)).containsExactly(1);
    }

    @Test
    void lookupUnderSubjectGivesIdVersionAndSchema() {
        int id = client.register(SUBJECT, HEADLINE_V1);

        SchemaMetadata found = new RestSchemaRegistryClient(server.url()).lookup(SUBJECT, HEADLINE_V1);

        assertThat(found).isEqualTo(new SchemaMetadata(SUBJECT, id, 1, HEADLINE_V1));
    }

    @Test
    void latestVersionIsTheLastRegistered() {
        client.register(SUBJECT, HEADLINE_V1);
        int v2 = client.register(SUBJECT, HEADLINE_V2_OPTIONAL_LANGUAGE);

        SchemaMetadata latest = client.latest(SUBJECT);

        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.id()).isEqualTo(v2);
        assertThat(latest.schema()).isEqualTo(HEADLINE_V2_OPTIONAL_LANGUAGE);
        assertThat(client.version(SUBJECT, 1).schema()).isEqualTo(HEADLINE_V1);
    }

    @Test
    void subjectsAndTheirVersionsAreListed() {
        client.register(SUBJECT, HEADLINE_V1);
        client.register(SUBJECT, HEADLINE_V2_OPTIONAL_LANGUAGE);
        client.register("news.bylines-value", OTHER_RECORD);

        assertThat(client.subjects()).containsExactly("news.bylines-value", SUBJECT);
        assertThat(client.versions(SUBJECT)).containsExactly(1, 2);
    }

    @Test
    void addingAnOptionalFieldWithDefaultIsBackwardCompatible() {
        int v1 = client.register(SUBJECT, HEADLINE_V1);

        CompatibilityResult check = client.testCompatibility(SUBJECT, HEADLINE_V2_OPTIONAL_LANGUAGE);
        int v2 = client.register(SUBJECT, HEADLINE_V2_OPTIONAL_LANGUAGE);

        assertThat(check.compatible()).isTrue();
        assertThat(check.messages()).isEmpty();
        assertThat(v2).isNotEqualTo(v1);
    }

    @Test
    void addingARequiredFieldWithoutDefaultIsRejectedAsIncompatible() {
        client.register(SUBJECT, HEADLINE_V1);

        CompatibilityResult check = client.testCompatibility(SUBJECT, HEADLINE_V2_REQUIRED_SCORE);

        assertThat(check.compatible()).isFalse();
        assertThat(check.messages()).anySatisfy(m -> assertThat(m).contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("score"));
        assertThatThrownBy(() -> client.register(SUBJECT, HEADLINE_V2_REQUIRED_SCORE))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("incompatible").contains(SUBJECT);
                });
        assertThat(client.versions(SUBJECT)).containsExactly(1);
    }

    @Test
    void anySchemaIsCompatibleWithASubjectWithoutVersions() {
        assertThat(client.testCompatibility("news.nothing-value", HEADLINE_V2_REQUIRED_SCORE).compatible()).isTrue();
    }

    @Test
    void unknownIdIsSchemaNotFound() {
        assertThatThrownBy(() -> client.schemaById(4242))
                .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40403);
                });
    }

    @Test
    void unknownSubjectIsSubjectNotFound() {
        assertThatThrownBy(() -> client.latest("news.unknown-value"))
                .isInstanceOfSatisfying(SubjectNotFoundException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40401);
                    assertThat(e.getMessage()).contains("news.unknown-value");
                });
        assertThatThrownBy(() -> client.lookup("news.unknown-value", HEADLINE_V1))
                .isInstanceOf(SubjectNotFoundException.class);
    }

    @Test
    void schemaNotUnderSubjectIsSchemaNotFoundOnLookup() {
        client.register(SUBJECT, HEADLINE_V1);

        assertThatThrownBy(() -> client.lookup(SUBJECT, OTHER_RECORD))
                .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    }

    @Test
    void unknownVersionIsVersionNotFound() {
        client.register(SUBJECT, HEADLINE_V1);

        assertThatThrownBy(() -> client.version(SUBJECT, 7))
                .isInstanceOfSatisfying(VersionNotFoundException.class, e -> assertThat(e.errorCode()).isEqualTo(40402));
    }

    @Test
    void invalidSchemaIsRejectedWith42201() {
        assertThatThrownBy(() -> client.register(SUBJECT, BAD_DEFAULT))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(42201);
                });
    }

    @Test
    void globalAndSubjectCompatibilityAreReadAndSet() {
        assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);

        assertThat(client.setGlobalCompatibility(CompatibilityLevel.FULL)).isEqualTo(CompatibilityLevel.FULL);
        assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
        assertThat(client.compatibility(SUBJECT)).isEqualTo(CompatibilityLevel.FULL);

        assertThat(client.setCompatibility(SUBJECT, CompatibilityLevel.NONE)).isEqualTo(CompatibilityLevel.NONE);
        assertThat(client.compatibility(SUBJECT)).isEqualTo(CompatibilityLevel.NONE);
        assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
    }

    @Test
    void subjectLevelNoneAcceptsAnIncompatibleSchema() {
        client.register(SUBJECT, HEADLINE_V1);
        client.setCompatibility(SUBJECT, CompatibilityLevel.NONE);

        client.register(SUBJECT, HEADLINE_V2_REQUIRED_SCORE);

        assertThat(client.versions(SUBJECT)).containsExactly(1, 2);
    }

    @Test
    void deletedSubjectIsGoneButItsIdsStayReadable() {
        int id = client.register(SUBJECT, HEADLINE_V1);

        assertThat(client.deleteSubject(SUBJECT)).containsExactly(1);

        assertThat(client.subjects()).doesNotContain(SUBJECT);
        assertThatThrownBy(() -> client.versions(SUBJECT)).isInstanceOf(SubjectNotFoundException.class);
        assertThat(new RestSchemaRegistryClient(server.url()).schemaById(id)).isEqualTo(HEADLINE_V1);
        assertThat(client.register(SUBJECT, HEADLINE_V1)).isEqualTo(id);
        assertThat(client.latest(SUBJECT).version()).isEqualTo(2);
    }

    @Test
    void subjectWithReservedCharactersIsSentIntact() {
        String subject = "odd subject/with:chars+plus";

        int id = client.register(subject, HEADLINE_V1);

        assertThat(client.subjects()).containsExactly(subject);
        assertThat(client.latest(subject)).isEqualTo(new SchemaMetadata(subject, id, 1, HEADLINE_V1));
    }

    @Test
    void basicAuthCredentialsFromUserInfoAreAccepted() {
        try (var secured = EmbeddedSchemaRegistry.start(new InMemorySchemaStore(), "127.0.0.1", 0,
                EmbeddedSchemaRegistry.Options.defaults().withBasicAuth("alice:s3cret"))) {
            var authed = new RestSchemaRegistryClient(SchemaRegistryClientConfig.parse(Map.of(
                    "schema.registry.url", secured.url(),
                    "basic.auth.credentials.source", "USER_INFO",
                    "basic.auth.user.info", "alice:s3cret")));
            var fromUrl = new RestSchemaRegistryClient(secured.url().replace("http://", "http://alice:s3cret@"));
            var anonymous = new RestSchemaRegistryClient(secured.url());

            int id = authed.register(SUBJECT, HEADLINE_V1);

            assertThat(fromUrl.schemaById(id)).isEqualTo(HEADLINE_V1);
            assertThatThrownBy(anonymous::subjects)
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(401);
                        assertThat(e.errorCode()).isEqualTo(401);
                    });
        }
    }
}
