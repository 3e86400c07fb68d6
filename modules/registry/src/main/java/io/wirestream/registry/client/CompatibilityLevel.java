package io.wirestream.registry.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Confluent's compatibility levels. BACKWARD: the new schema reads data written with the previous
 * one; FORWARD: the previous schema reads data written with the new one; FULL: both. The
 * {@code _TRANSITIVE} variants check against every earlier version instead of the latest only.
 */
public enum CompatibilityLevel {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

    /** True when a new schema must be able to read data written with earlier ones. */
    public boolean checksBackward() {
        return this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** True when earlier schemas must be able to read data written with a new one. */
    public boolean checksForward() {
        return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** True when every earlier version is checked, not only the latest. */
    public boolean isTransitive() {
        return name().endsWith("_TRANSITIVE");
    }

    /** Parses a level case-insensitively; unknown names raise {@link InvalidCompatibilityLevelException} (42203). */
    public static CompatibilityLevel parse(String value) {
        if (value != null) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // fall through to the registry's own error
            }
        }
        throw new InvalidCompatibilityLevelException("Invalid compatibility level '" + value + "'; valid levels are "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
