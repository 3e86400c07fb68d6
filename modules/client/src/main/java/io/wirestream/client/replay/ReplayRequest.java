package io.wirestream.client.replay;

import io.wirestream.client.HeaderFilter;
import java.time.Instant;
import java.util.Objects;

/**
 * What to replay: the records of {@code topic} stamped in {@code [from, to)}, those whose headers pass
 * {@code filter}, at {@code speed}.
 */
public record ReplayRequest(String topic, Instant from, Instant to, HeaderFilter filter, Speed speed) {

    public ReplayRequest {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(speed, "speed");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be empty");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("--to (" + to + ") must be after --from (" + from + ")");
        }
    }
}
