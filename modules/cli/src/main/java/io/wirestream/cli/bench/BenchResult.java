package io.wirestream.cli.bench;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one {@code wirestream bench} run measured.
 *
 * @param articles      documents generated and published
 * @param copies        how many of them were syndicated copies
 * @param accounted     documents with a duplicates decision or a dead letter
 * @param deadLetters   records on the DLQ
 * @param quality       the final decisions against what the generator made
 * @param stages        records and rate per topic
 * @param latency       send → enriched (log-append time) per final original
 * @param articlesPerSecond N / (end − first send), the end being the later of the last new duplicates decision and
 *                      the log-append time of the last enriched record
 * @param pipelineMillis end − first send
 * @param ceiling       the pass-through application over the same documents, with the pipeline's number of hops
 * @param serviceCeiling the same with one hop per service, as earlier rounds measured it
 * @param resources     state on disk, heap, CPU
 * @param traffic       what the pipeline wrote to Kafka, per topic (its own and the services' internal ones)
 * @param ceilingTraffic what the pass-through application wrote, per hop topic
 */
public record BenchResult(
        int articles,
        int copies,
        int accounted,
        int deadLetters,
        Quality quality,
        List<Stage> stages,
        Latency latency,
        double articlesPerSecond,
        long pipelineMillis,
        Ceiling ceiling,
        Ceiling serviceCeiling,
        Resources resources,
        List<Traffic> traffic,
        List<Traffic> ceilingTraffic) {

    /**
     * Final decisions against the generator's truth.
     *
     * @param originalsKept    generated originals decided ORIGINAL
     * @param originals        generated originals
     * @param copiesFound      copies decided a duplicate of their own original
     * @param decidedOriginals articles whose final decision is ORIGINAL
     * @param exact            final EXACT_DUPLICATE decisions
     * @param near             final NEAR_DUPLICATE decisions
     * @param corrections      decisions that corrected an earlier one
     * @param wrong            the decided articles with the lowest generated numbers among those decided otherwise than
     *                         generated (an original taken for a copy, a copy not found or taken for a copy of another
     *                         article), one line each, at most {@code PipelineBench.MAX_WRONG}; undecided articles are
     *                         counted in the accounted-for line instead
     */
    public record Quality(int originalsKept, int originals, int copiesFound, int decidedOriginals, int exact, int near,
                          int corrections, List<String> wrong) {
        public Quality {
            wrong = List.copyOf(wrong);
        }
    }

    /**
     * One topic's traffic between its first and last record.
     *
     * @param clock which clock the first and last times come from
     */
    public record Stage(String topic, long records, long firstMillis, long lastMillis, String clock) {
        public double perSecond() {
            return lastMillis > firstMillis ? records * 1000.0 / (lastMillis - firstMillis) : Double.NaN;
        }
    }

    /**
     * Latency distribution in milliseconds, nearest-rank percentiles, overall and per tenth of the run.
     *
     * @param p50ByTenth median of each tenth of the originals in send order: warm-up shows at the start, a
     *                   backlog that grows shows as a rising line
     */
    public record Latency(int count, double p50, double p95, double p99, double max, double[] p50ByTenth) {
        /** {@code millis} in send order. */
        public static Latency of(long[] millis) {
            if (millis.length == 0) {
                return new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, new double[0]);
            }
            int tenths = Math.min(10, millis.length);
            double[] byTenth = new double[tenths];
            for (int t = 0; t < tenths; t++) {
                long[] part = Arrays.copyOfRange(millis, t * millis.length / tenths, (t + 1) * millis.length / tenths);
                Arrays.sort(part);
                byTenth[t] = rank(part, 0.50);
            }
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            return new Latency(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99), sorted[sorted.length - 1],
                    byTenth);
        }

        private static double rank(long[] sorted, double q) {
            return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
        }
    }

    /**
     * The pass-through application's run.
     *
     * @param hops          topics it writes after {@code news.documents}
     * @param records       records that reached the last hop
     * @param startupMillis from {@code KafkaStreams.start()} to RUNNING
     * @param runMillis     from RUNNING to the log-append time of the last record on the last hop
     * @param cpuNanos      process CPU from RUNNING until the last record was read on the last hop
     * @param cpuByThreadGroup the same per group of threads (see {@link ThreadCpu})
     */
    public record Ceiling(int hops, long records, long startupMillis, long runMillis, long cpuNanos,
                          Map<String, Long> cpuByThreadGroup) {
        public double perSecond() {
            return runMillis > 0 ? records * 1000.0 / runMillis : Double.NaN;
        }
    }

    /**
     * @param stateBytes     on-disk size of each service's state directory, in service order ingest, dedup, tagger
     * @param heapUsedBytes  used heap right after the pipeline run
     * @param heapMaxBytes   maximum heap
     * @param cpuNanos       process CPU time during the pipeline run (first send → last decision and enriched record)
     * @param wallNanos      wall time of the same span
     * @param inProcessCluster whether the broker and registry ran in this process (and so in its CPU time)
     * @param cpuByThreadGroup CPU nanoseconds of the same span per group of threads (see {@link ThreadCpu})
     */
    public record Resources(long[] stateBytes, long heapUsedBytes, long heapMaxBytes, long cpuNanos, long wallNanos,
                            boolean inProcessCluster, Map<String, Long> cpuByThreadGroup) {
        public long stateTotal() {
            return Arrays.stream(stateBytes).sum();
        }
    }

    /**
     * What one topic holds after the run, read from the broker.
     *
     * @param topic   name without the run's prefix
     * @param offsets end offsets summed over its partitions: records plus transaction markers written
     * @param bytes   size of its logs on the leaders' disks (repartition topics: what is left after purging), -1 unknown
     */
    public record Traffic(String topic, long offsets, long bytes) {
    }

    public double ratio() {
        return articlesPerSecond / ceiling.perSecond();
    }

    /** The machine-readable last line. */
    public String resultLine() {
        return String.format(Locale.ROOT, "RESULT articles_per_s=%.1f ceiling_per_s=%.1f ratio=%.3f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f",
                articlesPerSecond, ceiling.perSecond(), ratio(), latency.p50(), latency.p95(), latency.p99());
    }

    /** The readable report, the RESULT line last. */
    public void print(PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "Accounted for: %d of %d documents (%d decided, %d dead letters)%n", accounted, articles,
                accounted - deadLetters, deadLetters);
        out.printf(Locale.ROOT, "Decisions: %d ORIGINAL, %d EXACT_DUPLICATE, %d NEAR_DUPLICATE (final), %d corrections;"
                        + " generator: %d originals (%d decided ORIGINAL), %d copies (%d found as copies of their original)%n",
                quality.decidedOriginals(), quality.exact(), quality.near(), quality.corrections(), quality.originals(),
                quality.originalsKept(), copies, quality.copiesFound());
        for (String w : quality.wrong()) {
            out.println("  decided otherwise than generated: " + w);
        }
        out.println();
        out.println("Stage rates (records between the first and the last record of each topic, under the run's prefix)");
        for (Stage s : stages) {
            out.printf(Locale.ROOT, "  %-26s %7d records %9s/s  (%s)%n", s.topic(), s.records(), number(s.perSecond()), s.clock());
        }
        out.println();
        out.printf(Locale.ROOT, "Latency, document sent → enriched record appended, %d originals: p50 %.0f ms, p95 %.0f ms,"
                + " p99 %.0f ms, max %.0f ms%n", latency.count(), latency.p50(), latency.p95(), latency.p99(), latency.max());
        out.printf(Locale.ROOT, "  p50 per tenth of the run (send order): %s ms%n", Arrays.stream(latency.p50ByTenth())
                .mapToObj(v -> String.format(Locale.ROOT, "%.0f", v)).collect(Collectors.joining(" ")));
        out.printf(Locale.ROOT, "Throughput: %d articles decided and every original enriched %.2f s after the first send = %.1f articles/s%n", articles,
                pipelineMillis / 1000.0, articlesPerSecond);
        out.printf(Locale.ROOT, "Ceiling: pass-through Kafka Streams application, documents → %d topics (the pipeline's hops),"
                        + " same exactly-once settings and Avro serdes: %d records %.2f s after RUNNING (%.2f s from start() to"
                        + " RUNNING) = %.1f records/s%n", ceiling.hops(), ceiling.records(), ceiling.runMillis() / 1000.0,
                ceiling.startupMillis() / 1000.0, ceiling.perSecond());
        out.printf(Locale.ROOT, "  with %d hops (one per service, the ceiling of earlier rounds): %.1f records/s; pipeline / that: %.3f%n",
                serviceCeiling.hops(), serviceCeiling.perSecond(), articlesPerSecond / serviceCeiling.perSecond());
        out.printf(Locale.ROOT, "Pipeline / ceiling: %.3f%n", ratio());
        printTraffic(out, "Written to Kafka by the pipeline", traffic);
        printTraffic(out, "Written to Kafka by the pass-through application", ceilingTraffic);
        long[] st = resources.stateBytes();
        out.printf(Locale.ROOT, "State stores on disk: %.1f MB (ingest %.1f, dedup %.1f, tagger %.1f)%n", mb(resources.stateTotal()),
                mb(st[0]), mb(st[1]), mb(st[2]));
        out.printf(Locale.ROOT, "Heap used after the run: %.0f MB of %.0f MB max%n", mb(resources.heapUsedBytes()),
                mb(resources.heapMaxBytes()));
        out.printf(Locale.ROOT, "Process CPU during the run: %.1f s over %.1f s wall = %.2f cores busy of %d (%s)%n",
                resources.cpuNanos() / 1e9, resources.wallNanos() / 1e9, (double) resources.cpuNanos() / resources.wallNanos(),
                Runtime.getRuntime().availableProcessors(), resources.inProcessCluster()
                        ? "one JVM: broker, registry, the three services and this bench" : "the three services and this bench");
        printCpuByGroup(out, resources.cpuNanos(), resources.cpuByThreadGroup(), articles, "document");
        out.printf(Locale.ROOT, "Process CPU during the %d-hop ceiling: %.1f s for %d records = %.2f ms per record (the pipeline:"
                        + " %.2f ms per document)%n", ceiling.hops(), ceiling.cpuNanos() / 1e9, ceiling.records(),
                ceiling.cpuNanos() / 1e6 / ceiling.records(), resources.cpuNanos() / 1e6 / articles);
        printCpuByGroup(out, ceiling.cpuNanos(), ceiling.cpuByThreadGroup(), ceiling.records(), "record");
        out.println(resultLine());
        out.flush();
    }

    /** CPU per thread group, largest first, each as a share of {@code cpuNanos} and per document or record. */
    private static void printCpuByGroup(PrintWriter out, long cpuNanos, Map<String, Long> byGroup, long count, String per) {
        out.println("  by thread group (groups under 1 % left out):");
        if (cpuNanos <= 0 || count <= 0) {
            return;
        }
        byGroup.entrySet().stream()
                .filter(e -> e.getValue() * 100 >= cpuNanos)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.printf(Locale.ROOT, "  %5.1f %%  %6.2f ms per %-8s  %s%n",
                        100.0 * e.getValue() / cpuNanos, e.getValue() / 1e6 / count, per, e.getKey()));
    }

    /** Per topic and per document: why the pipeline costs more than the pass-through. */
    private void printTraffic(PrintWriter out, String what, List<Traffic> topics) {
        if (topics.isEmpty()) {
            return;
        }
        long offsets = topics.stream().mapToLong(Traffic::offsets).sum();
        boolean sized = topics.stream().allMatch(t -> t.bytes() >= 0);
        long bytes = topics.stream().mapToLong(Traffic::bytes).sum();
        out.printf(Locale.ROOT, "%s (its topics; commits also write to __consumer_offsets and __transaction_state):"
                        + " %.1f offsets (records and transaction markers) and %s per document, %d topics%n", what,
                (double) offsets / articles, sized ? String.format(Locale.ROOT, "%.1f KB", bytes / 1e3 / articles) : "n/a KB",
                topics.size());
        topics.stream().sorted(java.util.Comparator.comparingLong(Traffic::offsets).reversed()).forEach(t ->
                out.printf(Locale.ROOT, "  %-60s %6.2f offsets %7s KB per document%n", t.topic(), (double) t.offsets() / articles,
                        sized ? String.format(Locale.ROOT, "%.2f", t.bytes() / 1e3 / articles) : "n/a"));
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "-";
    }
}
