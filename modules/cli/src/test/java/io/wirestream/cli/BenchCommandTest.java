package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code wirestream bench} once, small, on the in-process dev stack: the whole pipeline and the
 * pass-through ceiling, end to end.
 */
class BenchCommandTest {

    private static final Pattern RESULT = Pattern.compile(
            "RESULT articles_per_s=(\\S+) ceiling_per_s=(\\S+) ratio=(\\S+) p50_ms=(\\S+) p95_ms=(\\S+) p99_ms=(\\S+)");

    private static CliRun run;
    private static List<Double> numbers;

    @BeforeAll
    static void runBench() {
        run = CliRun.of("bench", "--articles", "120", "--warmup", "30", "--duplicates", "0.25", "--partitions", "2",
                "--prime", "40", "--timeout", "PT90S");
        List<String> lines = run.outLines();
        Matcher m = RESULT.matcher(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
        numbers = m.matches() ? IntStream.rangeClosed(1, 6).mapToObj(i -> Double.parseDouble(m.group(i))).toList() : null;
    }

    @Test
    void benchExitsZeroWithTheResultLineLast() {
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(numbers).as("last line of:%n%s", run.out()).isNotNull();
    }

    @Test
    void everyResultNumberIsPositiveAndFinite() {
        assertThat(numbers).as(run.out()).isNotNull().allSatisfy(v -> assertThat(v).isPositive().isFinite());
    }

    @Test
    void latencyPercentilesAreOrdered() {
        assertThat(numbers).as(run.out()).isNotNull();
        assertThat(numbers.get(3)).as("p50 <= p95").isLessThanOrEqualTo(numbers.get(4));
        assertThat(numbers.get(4)).as("p95 <= p99").isLessThanOrEqualTo(numbers.get(5));
    }

    @Test
    void everyDocumentIsAccountedFor() {
        assertThat(run.out()).contains("Accounted for: 120 of 120 documents (120 decided, 0 dead letters)");
    }

    @Test
    void theMachinesSpeedIsMeasuredBeforeBetweenAndAfter() {
        assertThat(run.out()).containsPattern("machine speed: fingerprinting one generated article took [0-9.]+ / [0-9.]+ / [0-9.]+ µs");
    }

    @Test
    void theDecisionsAreCountedOnceThePipelineHasSettled() {
        assertThat(run.out()).containsPattern("settled [0-9.]+ s after done \\(no topic of the run took a record for 1000 ms\\): [0-9]+"
                + " decisions arrived after done");
    }

    @Test
    void anUnknownProfileFormatIsRefusedBeforeAnythingRuns() {
        CliRun bad = CliRun.of("bench", "--profile", "profile.svg");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--profile writes .html (flame graph) or .collapsed (one line per stack); not profile.svg");
    }

    @Test
    void theWarmUpRunsFirstOnTopicsOfItsOwn() {
        assertThat(run.out()).containsPattern("warm-up, not measured: 30 other articles .* topic prefix bench-\\S+-warmup\\.")
                .containsPattern("warm-up done \\(cold JVM\\): [0-9.]+ articles/s");
        // the measured run's topics are its own: 120 documents, not 150
        assertThat(run.out()).containsPattern("\\n  news\\.documents +1\\.00 offsets");
    }

    @Test
    void thePrimingArticlesGoThroughTheSameServicesFirstAndAreLeftOutOfTheMeasuredFigures() {
        assertThat(run.out()).contains("primed the running services with 40 other articles");
        // 120 documents measured, not 160: in both traffic tables (each table's lines only) and in the ceiling's count
        assertThat(run.out()).containsPattern("Written to Kafka by the pipeline[^\\n]*\\n(  [^\\n]*\\n)*?  news\\.documents +1\\.00 offsets")
                .containsPattern("Written to Kafka by the pass-through application[^\\n]*\\n(  [^\\n]*\\n)*?  news\\.documents +1\\.00 offsets")
                .containsPattern("documents → 7 topics [^\\n]*: 120 records ")
                // the ceiling starts after the priming documents: its last hop took 120 records and a few transaction
                // markers, under 1.33 offsets per document, which 160 records would be without the markers
                .containsPattern("\\n  bench\\.passthrough-7\\.7 +1\\.[0-2]\\d offsets");
    }

    @Test
    void whatEachRunWroteToKafkaIsListedPerTopic() {
        assertThat(run.out()).containsPattern("Written to Kafka by the pipeline \\(its topics; [^)]*\\): [0-9.]+ offsets")
                .containsPattern("\\n  news\\.articles\\.raw +[1-9]\\.\\d\\d offsets")   // records and markers
                .containsPattern("\\n  wirestream-dedup-dedup-signals +[1-9][0-9.]* offsets")
                .containsPattern("Written to Kafka by the pass-through application \\(its topics; [^)]*\\): [0-9.]+ offsets")
                .containsPattern("\\n  bench\\.passthrough-7\\.7 +[1-9]\\.\\d\\d offsets");
    }

    @Test
    void theCeilingHasThePipelinesSevenHopsAndTheThreeHopCeilingOfEarlierRoundsIsPrintedBesideIt() {
        assertThat(run.out()).containsPattern("Ceiling: pass-through Kafka Streams application, documents → 7 topics .* = [0-9.]+ records/s")
                .containsPattern("with 3 hops \\(one per service, the ceiling of earlier rounds\\): [0-9.]+ records/s");
    }

    @Test
    void theCpuIsBrokenDownByThreadGroup() {
        assertThat(run.out()).containsPattern("%  +[0-9.]+ ms per document  wirestream-dedup-StreamThread-N");
        // and the 7-hop ceiling's, per record, beside it
        assertThat(run.out()).containsPattern("Process CPU during the 7-hop ceiling: [0-9.]+ s for 120 records = [0-9.]+ ms per record")
                .containsPattern("%  +[0-9.]+ ms per record    wirestream-bench-passthrough-N-StreamThread-N");
    }

    @Test
    void aRateThatIsNotANumberIsAUsageError() {
        CliRun bad = CliRun.of("bench", "--rate", "fast");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--rate must be a positive number of documents per second or 'max'");
    }
}
