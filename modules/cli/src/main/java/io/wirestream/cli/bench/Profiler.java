package io.wirestream.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import one.profiler.AsyncProfiler;

/**
 * {@code bench --profile}: async-profiler (Maven Central {@code tools.profiler:async-profiler}, with its native
 * library for Linux x64 and arm64) around one span of the bench, sampling the CPU of every thread of the process,
 * Java and native frames and, where the kernel allows perf events, kernel frames, each stack under its thread's name.
 *
 * <p>Why this profiler and not only JFR: JFR's execution samples see a thread only while it runs Java code, not the
 * time it spends in native code (RocksDB, lz4, the kernel's page faults). A JFR profile of the dedup thread put 28 %
 * of its samples in lz4's JNI hash, which its CPU time did not bear out; async-profiler's CPU samples found almost
 * nothing there and showed the record cache, RocksDB and page faults instead (docs/perf/README.md, items 5 and 7).
 */
final class Profiler {

    private final AsyncProfiler profiler;
    private String event;

    private Profiler(AsyncProfiler profiler) {
        this.profiler = profiler;
    }

    /**
     * Checks the output file and loads the profiler's native library (unpacked from its jar).
     *
     * @throws IllegalArgumentException if the file is not {@code .html} or {@code .collapsed}, its directory does not
     *                                  exist or cannot be written, its path holds a character async-profiler's
     *                                  command line would read ({@code ,} or {@code %}), or this platform has no
     *                                  library in the jar (the message says which platforms do)
     */
    static Profiler load(Path output) {
        String name = output.getFileName().toString();
        if (!(name.endsWith(".html") || name.endsWith(".collapsed"))) {
            throw new IllegalArgumentException("--profile writes .html (flame graph) or .collapsed (one line per stack); not " + name);
        }
        String path = output.toAbsolutePath().toString();
        if (path.contains(",") || path.contains("%")) {
            throw new IllegalArgumentException("--profile: async-profiler cannot write to a path with ',' or '%' in it: " + path);
        }
        Path dir = output.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IllegalArgumentException("--profile: " + dir + " is not a directory this process can write to");
        }
        try {
            return new Profiler(AsyncProfiler.getInstance());
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalArgumentException("--profile needs async-profiler's native library, bundled for Linux x64 and arm64;"
                    + " it did not load on " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ": " + e.getMessage(), e);
        }
    }

    /** How async-profiler can sample CPU, in the order {@link #start()} tries them. */
    enum Engine {
        /** The {@code cpu-clock} perf event: kernel frames too; needs {@code kernel.perf_event_paranoid} at most 2. */
        CPU_CLOCK("cpu-clock", "perf event cpu-clock"),
        /** Per-thread CPU timers: need no permission, see no kernel frames. */
        CTIMER("ctimer", "CPU timers, no perf events here"),
        /** The process's interval timer: the last resort of older kernels. */
        ITIMER("itimer", "interval timer, no perf events or CPU timers here");

        private final String event;
        private final String description;

        Engine(String event, String description) {
            this.event = event;
            this.description = description;
        }
    }

    /**
     * Starts sampling every thread's CPU once per millisecond with the first {@link Engine} that starts: the
     * {@code cpu-clock} perf event where the kernel allows it ({@code kernel.perf_event_paranoid} at most 2, no seccomp
     * filter), otherwise per-thread CPU timers, otherwise the process's interval timer.
     *
     * @throws IllegalStateException if none starts (the profiler is already running, for one)
     */
    void start() {
        start(Engine.values());
    }

    /** {@link #start()} with only {@code engines}, in this order (tests use one each). */
    void start(Engine... engines) {
        StringBuilder failures = new StringBuilder();
        for (Engine engine : engines) {
            try {
                profiler.execute("start,event=" + engine.event + ",interval=1ms,threads");
                event = engine.description;
                return;
            } catch (RuntimeException | IOException e) {
                failures.append(failures.length() == 0 ? "" : "; ").append(engine.event).append(": ").append(e.getMessage());
            }
        }
        throw new IllegalStateException("could not start async-profiler (" + failures + ")");
    }

    /**
     * Stops sampling and writes what was sampled since {@link #start}. Never throws, so that it can end a span in a
     * {@code finally} block without hiding the span's own failure.
     *
     * @return a line saying what was written where, or why nothing was
     */
    String stop(Path output) {
        try {
            profiler.execute("stop,file=" + output.toAbsolutePath());
            return String.format(Locale.ROOT, "%d CPU samples (%s, one per 1 ms of a thread's CPU) written to %s",
                    profiler.getSamples(), event, output);
        } catch (RuntimeException | IOException e) {
            try {
                profiler.execute("stop");
            } catch (RuntimeException | IOException alreadyStopped) {
                // nothing left running
            }
            return "could not write " + output + ": " + e.getMessage();
        }
    }

    /** {@code dir/name.ext} → {@code dir/name-suffix.ext}. */
    static Path withSuffix(Path output, String suffix) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String renamed = dot < 0 ? name + "-" + suffix : name.substring(0, dot) + "-" + suffix + name.substring(dot);
        return output.resolveSibling(renamed);
    }
}
