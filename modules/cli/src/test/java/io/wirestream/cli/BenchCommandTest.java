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
        run = CliRun.of("bench", "--articles", "120", "--duplicates", "0.25", "--partitions", "2", "--timeout", "PT90S");
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
    void aRateThatIsNotANumberIsAUsageError() {
        CliRun bad = CliRun.of("bench", "--rate", "fast");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--rate must be a positive number of documents per second or 'max'");
    }
}
