package io.wirestream.registry.client;

import java.util.List;

/**
 * Answer of a compatibility check: {@code {"is_compatible": ..., "messages": [...]}}; messages
 * explain an incompatibility and are empty when compatible or when the registry gave none.
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {

    public CompatibilityResult {
        messages = List.copyOf(messages);
    }

    public static CompatibilityResult ok() {
        return new CompatibilityResult(true, List.of());
    }
}
