package io.wirestream.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.registry.client.CompatibilityLevel;
import io.wirestream.registry.server.SchemaStoreEntry.CompatibilitySet;
import io.wirestream.registry.server.SchemaStoreEntry.SchemaRegistered;
import io.wirestream.registry.server.SchemaStoreEntry.SubjectDeleted;
import io.wirestream.registry.testing.TestSchemas;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON records of KafkaSchemaStore's topic. */
class StoreEntryJsonTest {

    @Test
    void everyEntryKindRoundTrips() {
        List<SchemaStoreEntry> entries = List.of(
                new SchemaRegistered("news.articles.raw-value", 3, 17, TestSchemas.HEADLINE_V1.toString()),
                new CompatibilitySet(null, CompatibilityLevel.FULL),
                new CompatibilitySet("news.articles.raw-value", CompatibilityLevel.NONE),
                new SubjectDeleted("news.articles.raw-value"));

        for (SchemaStoreEntry entry : entries) {
            assertThat(StoreEntryJson.parse(StoreEntryJson.key(entry), StoreEntryJson.value(entry))).isEqualTo(entry);
        }
    }

    @Test
    void compactionKeysSeparateVersionsAndKeepOneConfigPerSubject() {
        String v1 = StoreEntryJson.key(new SchemaRegistered("s", 1, 1, "\"string\""));
        String v2 = StoreEntryJson.key(new SchemaRegistered("s", 2, 1, "\"string\""));
        String configA = StoreEntryJson.key(new CompatibilitySet("s", CompatibilityLevel.FULL));
        String configB = StoreEntryJson.key(new CompatibilitySet("s", CompatibilityLevel.NONE));

        assertThat(v1).isNotEqualTo(v2);
        assertThat(configA).isEqualTo(configB);
    }

    @Test
    void tombstoneIsNoEntry() {
        assertThat(StoreEntryJson.parse("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1}", null)).isNull();
    }

    @Test
    void unknownRecordIsRejectedWithItsContent() {
        assertThatThrownBy(() -> StoreEntryJson.parse("{\"keytype\":\"NOOP\"}", "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOOP");
    }
}
