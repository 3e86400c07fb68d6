package io.wirestream.registry.server;

import static io.wirestream.registry.testing.TestSchemas.HEADLINE_V1;
import static io.wirestream.registry.testing.TestSchemas.HEADLINE_V2_OPTIONAL_LANGUAGE;
import static io.wirestream.registry.testing.TestSchemas.HEADLINE_V2_REQUIRED_SCORE;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.registry.client.CompatibilityLevel;
import io.wirestream.registry.client.SchemaMetadata;
import io.wirestream.registry.testing.TestSchemas;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {

    private static final Schema V2_SCORE_WITH_DEFAULT = TestSchemas.parse("""
            {"type": "record", "name": "Headline", "namespace": "io.wirestream.test", "fields": [
              {"name": "id", "type": "string"},
              {"name": "title", "type": "string"},
              {"name": "score", "type": "int", "default": 0}]}""");

    private static List<SchemaMetadata> versions(Schema... schemas) {
        return java.util.stream.IntStream.range(0, schemas.length)
                .mapToObj(i -> new SchemaMetadata("s", i + 1, i + 1, schemas[i])).toList();
    }

    @Test
    void backwardChecksOnlyTheLatestVersion() {
        var problems = CompatibilityChecker.check(CompatibilityLevel.BACKWARD, HEADLINE_V2_REQUIRED_SCORE,
                versions(HEADLINE_V1, V2_SCORE_WITH_DEFAULT));

        assertThat(problems).isEmpty();
    }

    @Test
    void backwardTransitiveChecksEveryVersion() {
        var problems = CompatibilityChecker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, HEADLINE_V2_REQUIRED_SCORE,
                versions(HEADLINE_V1, V2_SCORE_WITH_DEFAULT));

        assertThat(problems).anySatisfy(m -> assertThat(m).contains("score"))
                .contains("{oldSchemaVersion: 1}", "{compatibility: 'BACKWARD_TRANSITIVE'}");
    }

    @Test
    void forwardRejectsANewSchemaTheOldCannotRead() {
        // The old schema requires 'score' without default; a new schema without it cannot be read by the old one.
        var problems = CompatibilityChecker.check(CompatibilityLevel.FORWARD, HEADLINE_V1,
                versions(HEADLINE_V2_REQUIRED_SCORE));

        assertThat(problems).isNotEmpty();
        assertThat(CompatibilityChecker.check(CompatibilityLevel.BACKWARD, HEADLINE_V1,
                versions(HEADLINE_V2_REQUIRED_SCORE))).isEmpty();
    }

    @Test
    void fullNeedsBothDirections() {
        assertThat(CompatibilityChecker.check(CompatibilityLevel.FULL, HEADLINE_V2_OPTIONAL_LANGUAGE,
                versions(HEADLINE_V1))).isEmpty();
        assertThat(CompatibilityChecker.check(CompatibilityLevel.FULL, HEADLINE_V1,
                versions(HEADLINE_V2_REQUIRED_SCORE))).isNotEmpty();
    }

    @Test
    void noneAcceptsAnything() {
        assertThat(CompatibilityChecker.check(CompatibilityLevel.NONE, TestSchemas.OTHER_RECORD,
                versions(HEADLINE_V1))).isEmpty();
    }
}
