package io.wirestream.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the process's CPU went, by group of threads: each Kafka Streams service's stream threads, the
 * producers' network threads, the broker's request handlers, and so on (Java threads, whose CPU time
 * includes what they spend in native calls such as RocksDB reads and writes); on Linux also the JVM's and
 * RocksDB's own threads, read from {@code /proc}: the JIT compilers, the garbage collector, RocksDB's
 * background flushes and compactions. What none of them accounts for (threads that ended during the span,
 * other native threads) is one group of its own.
 */
final class ThreadCpu {

    /** One thread's name (a Java thread's name, or a native thread's group) and CPU time. */
    record Sample(String name, long cpuNanos) {
    }

    static final String JIT = "JVM: JIT compiler threads";
    static final String GC = "JVM: garbage collector threads";
    static final String VM = "JVM: VM thread (safepoints, and the serial collector's work)";
    static final String ROCKSDB = "RocksDB background threads (flush, compaction)";
    static final String REST = "other: threads that ended during the run, other native threads";

    /** Native thread names (15 characters at most, as Linux keeps them) by prefix, and their group. */
    private static final Map<String, String> NATIVE = new LinkedHashMap<>();

    static {
        NATIVE.put("C1 CompilerThre", JIT);
        NATIVE.put("C2 CompilerThre", JIT);
        NATIVE.put("GC Thread", GC);
        NATIVE.put("G1 ", GC);
        NATIVE.put("ZWorker", GC);
        NATIVE.put("ZDriver", GC);
        NATIVE.put("Shenandoah", GC);
        NATIVE.put("VM Thread", VM);
        NATIVE.put("rocksdb:", ROCKSDB);
    }

    private static final Pattern UUID = Pattern.compile("-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** {@code /proc} counts CPU time in clock ticks of 1/100 s (USER_HZ, 100 on every Linux architecture Java runs on). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ThreadCpu() {
    }

    /**
     * CPU time so far of every live Java thread, by thread id, and of the native threads {@link #NATIVE} names,
     * by minus their Linux thread id (none where there is no {@code /proc}).
     */
    static Map<Long, Sample> snapshot() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Sample> samples = new HashMap<>(nativeThreads());
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    samples.put(info.getThreadId(), new Sample(info.getThreadName(), cpu));
                }
            }
        }
        return samples;
    }

    /** The JVM's and RocksDB's native threads from {@code /proc/self/task/<tid>/stat}: user and system ticks. */
    private static Map<Long, Sample> nativeThreads() {
        Map<Long, Sample> samples = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue;                       // the thread ended while we listed
                }
                // pid (comm) state ppid ...: comm may hold spaces and parentheses, so split after the last ')'
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String group = NATIVE.entrySet().stream().filter(e -> comm.startsWith(e.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElse(null);
                if (group != null) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);      // utime, stime
                    samples.put(-Long.parseLong(task.getFileName().toString()), new Sample(group, ticks * NANOS_PER_TICK));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return samples;
    }

    /** CPU time of the whole process so far. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A span of the run being measured: process CPU and per-thread CPU at its start. */
    record Window(long processCpuStart, Map<Long, Sample> threadsStart, long wallStart) {
        static Window open() {
            return new Window(processCpuNanos(), snapshot(), System.nanoTime());
        }

        /** Process CPU and CPU per thread group (see {@link #byGroup}) from the start until now. */
        Used close(String runPrefix) {
            long cpu = processCpuNanos() - processCpuStart;
            return new Used(cpu, System.nanoTime() - wallStart, byGroup(threadsStart, snapshot(), runPrefix, cpu));
        }
    }

    /** What a span used: process CPU, wall time and CPU per thread group, in nanoseconds. */
    record Used(long cpuNanos, long wallNanos, Map<String, Long> byGroup) {
    }

    /**
     * CPU between two snapshots per thread group (threads born in between count from zero; threads that
     * ended in between are lost to {@link #REST}), plus {@link #REST}: the rest of {@code processCpuNanos}.
     */
    static Map<String, Long> byGroup(Map<Long, Sample> before, Map<Long, Sample> after, String runPrefix, long processCpuNanos) {
        Map<String, Long> groups = new LinkedHashMap<>();
        long threads = 0;
        for (Map.Entry<Long, Sample> e : after.entrySet()) {
            Sample then = before.get(e.getKey());
            long used = e.getValue().cpuNanos() - (then == null ? 0 : then.cpuNanos());
            String group = e.getKey() >= 0 ? group(e.getValue().name(), runPrefix) : e.getValue().name();
            groups.merge(group, used, Long::sum);
            threads += used;
        }
        groups.put(REST, Math.max(0, processCpuNanos - threads));
        return groups;
    }

    /** A Java thread's group: its name without the run prefix, instance ids and numbers. */
    static String group(String threadName, String runPrefix) {
        String name = threadName.replace(runPrefix, "");
        name = UUID.matcher(name).replaceAll("");
        return NUMBER.matcher(name).replaceAll("N");
    }
}
