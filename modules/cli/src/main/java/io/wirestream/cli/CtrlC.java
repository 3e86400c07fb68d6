package io.wirestream.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for a command that runs until it is stopped: the JVM's shutdown hook runs {@code stop}, then
 * holds the JVM (up to a limit) until the command has finished its clean-up (a last commit, a summary)
 * and closed this. Closing also removes the hook when the command ends on its own.
 */
public final class CtrlC implements AutoCloseable {

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private CtrlC(String name, Runnable stop, Duration wait) {
        hook = new Thread(() -> {
            stop.run();
            try {
                finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
    }

    /** Installs the hook; close it once the command has cleaned up. */
    public static CtrlC install(String name, Runnable stop, Duration wait) {
        CtrlC ctrlC = new CtrlC(name, stop, wait);
        Runtime.getRuntime().addShutdownHook(ctrlC.hook);
        return ctrlC;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is running and returns now that we are finished
        }
    }
}
