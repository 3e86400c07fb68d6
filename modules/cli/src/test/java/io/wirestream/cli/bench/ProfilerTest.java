package io.wirestream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each way {@code bench --profile} can sample, on its own: the fallbacks run where perf events are refused, which
 * this machine (root) never does, so each is started directly here. Linux x64 and arm64 only, like the library.
 */
class ProfilerTest {

    private static final Pattern WRITTEN = Pattern.compile("(\\d+) CPU samples \\((.+)\\) written to ");

    @TempDir
    Path dir;

    private static long sink;

    @BeforeAll
    static void onlyWhereTheLibraryIsBundled() {
        ProfilerPlatform.assumeBundled();
    }

    @ParameterizedTest
    @EnumSource(Profiler.Engine.class)
    void eachEngineSamplesTheThreadThatBurnsCpu(Profiler.Engine engine) throws Exception {
        Path output = dir.resolve(engine.name().toLowerCase(Locale.ROOT) + ".collapsed");
        Profiler profiler = Profiler.load(output);

        try {
            profiler.start(engine);
        } catch (IllegalStateException e) {
            // Perf events can be refused (kernel.perf_event_paranoid, a container's seccomp filter) and per-thread CPU
            // timers be missing from a sandboxed kernel: that is what the fallbacks are for. The interval timer is the
            // last resort, POSIX everywhere: its failing to start is a failure.
            assumeTrue(engine != Profiler.Engine.ITIMER, engine + " cannot start here: " + e.getMessage());
            throw e;
        }
        String line;
        try {
            burnCpu(300);
        } finally {
            line = profiler.stop(output);
        }

        Matcher m = WRITTEN.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        assertThat(Long.parseLong(m.group(1))).as(line).isPositive();
        assertThat(Files.readAllLines(output)).as("stacks of " + engine)
                .anySatisfy(stack -> assertThat(stack).startsWith("[" + Thread.currentThread().getName() + " tid=")
                        .contains("ProfilerTest.burnCpu"));
    }

    /** Works until this thread has used {@code millis} of CPU (CPU time, not wall time: no sleeping). */
    private static void burnCpu(long millis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + millis * 1_000_000;
        long x = 1;
        while (threads.getCurrentThreadCpuTime() < until) {
            for (int i = 0; i < 100_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        sink += x;
    }
}
