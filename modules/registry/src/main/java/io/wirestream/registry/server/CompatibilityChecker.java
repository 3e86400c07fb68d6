package io.wirestream.registry.server;

import io.wirestream.registry.client.CompatibilityLevel;
import io.wirestream.registry.client.SchemaMetadata;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Applies a {@link CompatibilityLevel} with Avro's own {@link SchemaCompatibility}, and words the
 * failures like Confluent's verbose compatibility messages.
 */
public final class CompatibilityChecker {

    private CompatibilityChecker() {
    }

    /**
     * Problems that keep {@code candidate} from joining a subject whose live versions are
     * {@code earlier} (oldest first) under {@code level}; empty when compatible.
     */
    public static List<String> check(CompatibilityLevel level, Schema candidate, List<SchemaMetadata> earlier) {
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            return List.of();
        }
        List<SchemaMetadata> targets = level.isTransitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
        List<String> messages = new ArrayList<>();
        for (int i = targets.size() - 1; i >= 0; i--) {
            SchemaMetadata old = targets.get(i);
            List<String> problems = new ArrayList<>();
            if (level.checksBackward()) {
                problems.addAll(problems(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old.schema()),
                        "new", "old"));
            }
            if (level.checksForward()) {
                problems.addAll(problems(SchemaCompatibility.checkReaderWriterCompatibility(old.schema(), candidate),
                        "old", "new"));
            }
            if (!problems.isEmpty()) {
                messages.addAll(problems);
                messages.add("{oldSchemaVersion: " + old.version() + "}");
                messages.add("{oldSchema: '" + old.schema() + "'}");
            }
        }
        if (!messages.isEmpty()) {
            messages.add("{compatibility: '" + level + "'}");
        }
        return messages;
    }

    private static List<String> problems(SchemaPairCompatibility pair, String readerName, String writerName) {
        if (pair.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Incompatibility inc : pair.getResult().getIncompatibilities()) {
            out.add("{errorType:'" + inc.getType() + "', description:'The " + readerName
                    + " schema cannot read data written with the " + writerName + " schema at path '"
                    + inc.getLocation() + "': " + inc.getMessage() + "', additionalInfo:'" + inc.getMessage() + "'}");
        }
        return out;
    }
}
