package io.wirestream.cli.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;

/** Tests of {@code bench --profile} run where async-profiler's native library is bundled: Linux x64 and arm64. */
public final class ProfilerPlatform {

    private ProfilerPlatform() {
    }

    /** Skips the calling test (or class, from {@code @BeforeAll}) anywhere else, saying why. */
    public static void assumeBundled() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        assumeTrue(os.contains("linux") && (arch.equals("amd64") || arch.equals("aarch64")),
                "async-profiler is bundled for Linux x64 and arm64; this is " + os + " " + arch);
    }
}
