package io.wirestream.registry.server;

import static io.wirestream.registry.testing.TestSchemas.HEADLINE_V1;
import static io.wirestream.registry.testing.TestSchemas.HEADLINE_V2_OPTIONAL_LANGUAGE;
import static io.wirestream.registry.testing.TestSchemas.OTHER_RECORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.registry.client.CompatibilityLevel;
import io.wirestream.registry.client.SchemaRegistryStoreException;
import io.wirestream.registry.server.SchemaStoreEntry.SchemaRegistered;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry's state against what its store holds: replay of conflicting entries, failed writes. */
class LocalSchemaRegistryTest {

    /** An in-memory store whose next append can land and still fail (a lost ack), and whose reads can fail. */
    private static final class FlakyStore implements SchemaStore {
        final InMemorySchemaStore entries = new InMemorySchemaStore();
        boolean nextAppendLandsThenFails;
        boolean readsFail;

        @Override
        public List<SchemaStoreEntry> readAll() {
            if (readsFail) {
                throw new IllegalStateException("broker unreachable");
            }
            return entries.readAll();
        }

        @Override
        public void append(SchemaStoreEntry entry) {
            entries.append(entry);
            if (nextAppendLandsThenFails) {
                nextAppendLandsThenFails = false;
                throw new IllegalStateException("timed out waiting for the acknowledgement");
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void replayKeepsTheFirstSchemaOfAnIdAndRejectsAnEntryGivingItAnother() {
        InMemorySchemaStore store = new InMemorySchemaStore();
        store.append(new SchemaRegistered("a-value", 1, 1, HEADLINE_V1.toString()));
        store.append(new SchemaRegistered("b-value", 1, 1, OTHER_RECORD.toString()));

        LocalSchemaRegistry registry = new LocalSchemaRegistry(store, CompatibilityLevel.BACKWARD);

        assertThat(registry.schemaById(1)).isEqualTo(HEADLINE_V1);
        assertThat(registry.subjects()).containsExactly("a-value");
        assertThat(registry.register("b-value", OTHER_RECORD)).isEqualTo(2);
    }

    @Test
    void replayKeepsTheFirstIdOfASubjectVersionAndRejectsAnEntryGivingItAnother() {
        InMemorySchemaStore store = new InMemorySchemaStore();
        store.append(new SchemaRegistered("a-value", 1, 1, HEADLINE_V1.toString()));
        store.append(new SchemaRegistered("a-value", 1, 2, OTHER_RECORD.toString()));

        LocalSchemaRegistry registry = new LocalSchemaRegistry(store, CompatibilityLevel.BACKWARD);

        assertThat(registry.version("a-value", 1).id()).isEqualTo(1);
        assertThat(registry.versions("a-value")).containsExactly(1);
    }

    @Test
    void registerAfterAFailedWriteThatLandedTakesTheNextIdAndVersion() {
        FlakyStore store = new FlakyStore();
        LocalSchemaRegistry registry = new LocalSchemaRegistry(store, CompatibilityLevel.BACKWARD);
        store.nextAppendLandsThenFails = true;
        assertThatThrownBy(() -> registry.register("a-value", HEADLINE_V1))
                .isInstanceOf(SchemaRegistryStoreException.class);

        int id = registry.register("a-value", HEADLINE_V2_OPTIONAL_LANGUAGE);

        assertThat(id).isEqualTo(2);
        assertThat(registry.latest("a-value").version()).isEqualTo(2);
        assertThat(registry.schemaById(1)).isEqualTo(HEADLINE_V1);
        assertThat(new LocalSchemaRegistry(store, CompatibilityLevel.BACKWARD).schemaById(2))
                .isEqualTo(HEADLINE_V2_OPTIONAL_LANGUAGE);
    }

    @Test
    void writesFailWithoutAppendingUntilTheStoreCanBeReReadAfterAFailedWrite() {
        FlakyStore store = new FlakyStore();
        LocalSchemaRegistry registry = new LocalSchemaRegistry(store, CompatibilityLevel.BACKWARD);
        store.nextAppendLandsThenFails = true;
        assertThatThrownBy(() -> registry.register("a-value", HEADLINE_V1))
                .isInstanceOf(SchemaRegistryStoreException.class);
        store.readsFail = true;

        assertThatThrownBy(() -> registry.register("b-value", OTHER_RECORD))
                .isInstanceOfSatisfying(SchemaRegistryStoreException.class,
                        e -> assertThat(e.getMessage()).contains("re-read").contains("broker unreachable"));
        assertThatThrownBy(() -> registry.setGlobalCompatibility(CompatibilityLevel.NONE))
                .isInstanceOf(SchemaRegistryStoreException.class);
        assertThat(store.entries.readAll()).hasSize(1);

        store.readsFail = false;
        assertThat(registry.register("b-value", OTHER_RECORD)).isEqualTo(2);
    }
}
