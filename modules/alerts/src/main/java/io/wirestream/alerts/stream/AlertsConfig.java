package io.wirestream.alerts.stream;

import io.wirestream.client.Durations;
import java.time.Duration;
import java.util.Map;

/**
 * The alerts service's own settings ({@code alerts.*} keys).
 *
 * @param stateRetention   how long (stream time) a story or a rule's group is remembered after its last
 *                         article: bounds the state, and is how long NEW_STORY remembers that it fired
 *                         ({@code alerts.state.retention}, default 7d)
 * @param maxPendingCopies how many copies of one story may wait for their original to be tagged
 *                         ({@code alerts.pending.copies.max}, default 500)
 */
public record AlertsConfig(Duration stateRetention, int maxPendingCopies) {

    public static final String STATE_RETENTION = "alerts.state.retention";
    public static final String MAX_PENDING_COPIES = "alerts.pending.copies.max";

    public AlertsConfig {
        if (stateRetention.isNegative() || stateRetention.isZero()) {
            throw new IllegalArgumentException(STATE_RETENTION + " must be > 0, was " + stateRetention);
        }
        if (maxPendingCopies < 0) {
            throw new IllegalArgumentException(MAX_PENDING_COPIES + " must be >= 0, was " + maxPendingCopies);
        }
    }

    public static AlertsConfig defaults() {
        return new AlertsConfig(Duration.ofDays(7), 500);
    }

    /** Reads the {@code alerts.*} keys of a service's settings, defaults for the rest. */
    public static AlertsConfig from(Map<String, String> own) {
        AlertsConfig d = defaults();
        Duration retention = own.containsKey(STATE_RETENTION) ? Durations.parse(own.get(STATE_RETENTION), STATE_RETENTION)
                : d.stateRetention();
        int pending = d.maxPendingCopies();
        if (own.containsKey(MAX_PENDING_COPIES)) {
            try {
                pending = Integer.parseInt(own.get(MAX_PENDING_COPIES).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(MAX_PENDING_COPIES + " must be an integer, was '" + own.get(MAX_PENDING_COPIES) + "'");
            }
        }
        return new AlertsConfig(retention, pending);
    }
}
