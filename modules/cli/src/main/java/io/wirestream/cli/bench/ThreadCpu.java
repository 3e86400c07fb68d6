package io.wirestream.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the process's CPU went, by group of Java threads: each Kafka Streams service's stream threads,
 * the producers' network threads, the broker's request handlers, and so on. A thread's CPU time includes
 * what it spends in native code (RocksDB, compression). What no Java thread accounts for (garbage
 * collection, the JIT compilers) is reported as one group.
 */
final class ThreadCpu {

    /** One thread's name and CPU time. */
    record Sample(String name, long cpuNanos) {
    }

    static final String JVM = "JVM itself: garbage collection, JIT compilers (process CPU not in any Java thread)";
    static final String JIT = "  of which the JIT compiler threads";
    static final String GC = "  of which the garbage collector's threads";

    private static final Pattern UUID = Pattern.compile("-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private ThreadCpu() {
    }

    /**
     * CPU time of every live Java thread, by thread id, and under ids {@code -1} and {@code -2} the CPU time
     * of the JIT compiler threads and the garbage collector's threads so far (Linux only).
     */
    static Map<Long, Sample> snapshot() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Sample> samples = new HashMap<>();
        samples.putAll(nativeThreads());
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

    /**
     * The JVM's own compiler and collector threads, which are not Java threads: their CPU time from
     * {@code /proc/self/task/<tid>/stat} (user and system ticks), grouped by their HotSpot names
     * ("C2 CompilerThre…", "GC Thread#0", "G1 Conc#0", "G1 Refine#0", …). Empty where there is no /proc.
     */
    private static Map<Long, Sample> nativeThreads() {
        long jit = 0;
        long gc = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue;                       // the thread ended while we listed
                }
                // pid (comm) state ppid ...: comm may hold spaces and parentheses, so split after the last ')'
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String comm = stat.substring(open + 1, close);
                String[] fields = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);      // utime, stime
                if (comm.startsWith("C1 Compi") || comm.startsWith("C2 Compi")) {
                    jit += ticks;
                } else if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
                    gc += ticks;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return Map.of(-1L, new Sample(JIT, jit * NANOS_PER_TICK), -2L, new Sample(GC, gc * NANOS_PER_TICK));
    }

    /** {@code /proc} counts CPU time in clock ticks of 1/100 s (USER_HZ, 100 on every Linux architecture Java runs on). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /**
     * CPU between two snapshots per thread group (threads born in between count from zero; threads that
     * ended in between are lost), plus {@link #JVM} for the rest of {@code processCpuNanos}.
     */
    static Map<String, Long> byGroup(Map<Long, Sample> before, Map<Long, Sample> after, String runPrefix, long processCpuNanos) {
        Map<String, Long> groups = new LinkedHashMap<>();
        long threads = 0;
        for (Map.Entry<Long, Sample> e : after.entrySet()) {
            Sample then = before.get(e.getKey());
            long used = e.getValue().cpuNanos() - (then == null ? 0 : then.cpuNanos());
            if (e.getKey() >= 0) {
                groups.merge(group(e.getValue().name(), runPrefix), used, Long::sum);
                threads += used;
            }
        }
        groups.put(JVM, Math.max(0, processCpuNanos - threads));
        for (long id : new long[] {-1, -2}) {
            Sample now = after.get(id);
            if (now != null && before.containsKey(id)) {
                groups.put(now.name(), now.cpuNanos() - before.get(id).cpuNanos());
            }
        }
        return groups;
    }

    /** Whether the group is a part of {@link #JVM} shown under it. */
    static boolean isPartOfJvm(String group) {
        return group.equals(JIT) || group.equals(GC);
    }

    /** A thread's group: its name without the run prefix, instance ids and numbers. */
    static String group(String threadName, String runPrefix) {
        String name = threadName.replace(runPrefix, "");
        name = UUID.matcher(name).replaceAll("");
        return NUMBER.matcher(name).replaceAll("N");
    }
}
