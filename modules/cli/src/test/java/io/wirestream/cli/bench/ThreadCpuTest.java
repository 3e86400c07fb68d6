package io.wirestream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void aStreamThreadIsGroupedWithoutTheRunPrefixItsInstanceIdAndNumbers() {
        assertThat(ThreadCpu.group("bench-20261123-1.wirestream-dedup-cb2a2306-6026-462e-aec5-cd7d2b4bebeb-StreamThread-2",
                "bench-20261123-1.")).isEqualTo("wirestream-dedup-StreamThread-N");
        assertThat(ThreadCpu.group("data-plane-kafka-request-handler-7", "x.")).isEqualTo("data-plane-kafka-request-handler-N");
    }

    @Test
    void groupsSumTheirThreadsDeltasAndTheRestOfTheProcessCpuIsAGroupOfItsOwn() {
        Map<Long, ThreadCpu.Sample> before = Map.of(
                1L, new ThreadCpu.Sample("p.wirestream-tagger-StreamThread-1", 100),
                2L, new ThreadCpu.Sample("p.wirestream-tagger-StreamThread-2", 50),
                -501L, new ThreadCpu.Sample(ThreadCpu.JIT, 1_000),
                -502L, new ThreadCpu.Sample(ThreadCpu.JIT, 9_000));             // a compiler thread that ends
        Map<Long, ThreadCpu.Sample> after = Map.of(
                1L, new ThreadCpu.Sample("p.wirestream-tagger-StreamThread-1", 400),
                2L, new ThreadCpu.Sample("p.wirestream-tagger-StreamThread-2", 250),
                3L, new ThreadCpu.Sample("main", 70),                           // born during the span: counts from 0
                -501L, new ThreadCpu.Sample(ThreadCpu.JIT, 1_600),
                -503L, new ThreadCpu.Sample(ThreadCpu.ROCKSDB, 30));

        Map<String, Long> groups = ThreadCpu.byGroup(before, after, "p.", 2_000);

        assertThat(groups).containsEntry("wirestream-tagger-StreamThread-N", 500L).containsEntry("main", 70L)
                .containsEntry(ThreadCpu.JIT, 600L)                               // the ended thread does not take it below 0
                .containsEntry(ThreadCpu.ROCKSDB, 30L)
                .containsEntry(ThreadCpu.REST, 2_000L - 500L - 70L - 600L - 30L);
    }

    @Test
    void onLinuxTheSnapshotHasTheCompilerThreadsWithCpuUsedAndThisThread() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs /proc");
        Map<Long, ThreadCpu.Sample> now = ThreadCpu.snapshot();
        long jit = now.entrySet().stream().filter(e -> e.getKey() < 0 && e.getValue().name().equals(ThreadCpu.JIT))
                .mapToLong(e -> e.getValue().cpuNanos()).sum();
        assertThat(jit).as("the JIT has compiled something by now").isPositive();
        assertThat(now.get(Thread.currentThread().getId()).cpuNanos()).isPositive();
    }
}
