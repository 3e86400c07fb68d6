package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.cli.bench.ProfilerPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wirestream bench --profile}, once, small, on the in-process dev stack. async-profiler's library is bundled
 * for Linux x64 and arm64 only, so elsewhere these tests are skipped (the option then exits 2, saying so).
 */
class BenchProfileTest {

    /** A collapsed stack: {@code [thread name tid=N];frame;frame… count} (a thread that ended unnamed: {@code [tid=N]}). */
    private static final Pattern STACK = Pattern.compile("\\[(.+ )?tid=\\d+\\](;[^;]+)* \\d+");

    @TempDir
    static Path dir;
    private static CliRun run;
    private static Path pipeline;
    private static Path ceiling;

    @BeforeAll
    static void runBenchWithAProfile() {
        ProfilerPlatform.assumeBundled();
        pipeline = dir.resolve("profile.collapsed");
        ceiling = dir.resolve("profile-ceiling.collapsed");
        run = CliRun.of("bench", "--articles", "60", "--warmup", "0", "--prime", "0", "--partitions", "2",
                "--timeout", "PT90S", "--profile", pipeline.toString());
    }

    @Test
    void theBenchSaysWhereEachProfileWent() {
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("profile of the measured run: [1-9]\\d* CPU samples \\([^)]*\\) written to " + Pattern.quote(pipeline.toString()))
                .containsPattern("profile of the 7-hop ceiling: [1-9]\\d* CPU samples \\([^)]*\\) written to " + Pattern.quote(ceiling.toString()));
    }

    @Test
    void theMeasuredRunsProfileHoldsTheDedupThreadAtWorkAndNotTheCeiling() throws IOException {
        List<String> stacks = Files.readAllLines(pipeline);
        assertThat(stacks).isNotEmpty().allSatisfy(line -> assertThat(line).matches(STACK))
                .anySatisfy(line -> assertThat(line).matches("\\[bench-[^ ]*\\.wirestream-dedup-[^ ]*-StreamThread-1 tid=\\d+\\];.*"
                        + "io/wirestream/dedup/stream/ArticleProcessor\\.process.*"))
                .noneSatisfy(line -> assertThat(line).contains("wirestream-bench-passthrough"));
    }

    @Test
    void theCeilingsProfileStartsAfterThePipelinesServicesStopped() throws IOException {
        List<String> stacks = Files.readAllLines(ceiling);
        assertThat(stacks).isNotEmpty().allSatisfy(line -> assertThat(line).matches(STACK))
                .anySatisfy(line -> assertThat(line).startsWith("[bench-").contains("wirestream-bench-passthrough-7-"))
                .noneSatisfy(line -> assertThat(line).contains("io/wirestream/dedup/"));
    }
}
