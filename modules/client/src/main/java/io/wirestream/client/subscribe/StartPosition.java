package io.wirestream.client.subscribe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a {@link Subscriber} starts reading a partition. With a consumer group it applies only to partitions
 * the group has no committed offset for (unless {@link Subscriber.Builder#ignoreCommitted()}); without a group
 * it applies to every partition.
 */
public sealed interface StartPosition {

    /** The oldest record still on the topic. */
    static StartPosition earliest() {
        return Earliest.INSTANCE;
    }

    /** Only records written after the subscriber is positioned. */
    static StartPosition latest() {
        return Latest.INSTANCE;
    }

    /**
     * The first record whose timestamp is at or after {@code time} (the end when there is none). Of the records
     * already written when the partition is positioned, those stamped before {@code time} are passed over
     * (counted as skipped); records written later all show, late arrivals included.
     */
    static StartPosition at(Instant time) {
        return new At(time);
    }

    /** Like {@link #at} with {@code now - ago}, now taken once when the subscriber starts. */
    static StartPosition ago(Duration ago) {
        return new Ago(ago);
    }

    /** This position with relative times fixed against {@code clock}. */
    default StartPosition resolve(Clock clock) {
        return this;
    }

    /** For people: {@code earliest}, {@code latest}, {@code 2022-11-23T00:00:00Z}. */
    String describe();

    enum Earliest implements StartPosition {
        INSTANCE;

        @Override
        public String describe() {
            return "earliest";
        }
    }

    enum Latest implements StartPosition {
        INSTANCE;

        @Override
        public String describe() {
            return "latest";
        }
    }

    record At(Instant time) implements StartPosition {
        public At {
            Objects.requireNonNull(time, "time");
        }

        @Override
        public String describe() {
            return time.toString();
        }
    }

    record Ago(Duration ago) implements StartPosition {
        public Ago {
            Objects.requireNonNull(ago, "ago");
            if (ago.isNegative()) {
                throw new IllegalArgumentException("start position: a duration ago must not be negative, was " + ago);
            }
        }

        @Override
        public StartPosition resolve(Clock clock) {
            return new At(clock.instant().minus(ago));
        }

        @Override
        public String describe() {
            return ago + " ago";
        }
    }
}
