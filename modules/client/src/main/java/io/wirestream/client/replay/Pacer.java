package io.wirestream.client.replay;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Spaces records out in wall-clock time like their timestamps were, divided by the speed factor.
 *
 * <p>Every record is scheduled against one origin (the first record's timestamp and the wall-clock instant
 * it went out), not after the previous record: record {@code i} is due at
 * {@code origin + (t_i - t_0) / factor}. Time spent sending, filtering or in GC therefore does not add up
 * over a long replay. A record stamped before the origin (out of order in its partition) is due at once.
 * Clock and sleeper are injectable so tests run without waiting.
 */
public final class Pacer {

    /** Waits for a number of nanoseconds; may return early (the pacer checks the clock again). */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final Speed speed;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private boolean started;
    private long originTimestamp;
    private long originNanos;

    public Pacer(Speed speed, LongSupplier nanoClock, Sleeper sleeper) {
        this.speed = speed;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /** A pacer on {@link System#nanoTime()} that parks the thread. */
    public static Pacer system(Speed speed) {
        return new Pacer(speed, System::nanoTime, nanos -> {
            LockSupport.parkNanos(nanos);
            if (Thread.interrupted()) {
                throw new InterruptedException("replay interrupted while pacing");
            }
        });
    }

    /** Blocks until the record stamped {@code timestampMs} is due. */
    public void await(long timestampMs) throws InterruptedException {
        if (speed.isMax()) {
            return;
        }
        if (!started) {
            started = true;
            originTimestamp = timestampMs;
            originNanos = nanoClock.getAsLong();
            return;
        }
        long due = originNanos + speed.wallNanos(Math.max(0, timestampMs - originTimestamp));
        for (long wait = due - nanoClock.getAsLong(); wait > 0; wait = due - nanoClock.getAsLong()) {
            sleeper.sleepNanos(wait);
        }
    }

    public Speed speed() {
        return speed;
    }
}
