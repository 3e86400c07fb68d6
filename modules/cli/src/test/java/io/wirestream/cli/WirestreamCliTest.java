package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WirestreamCliTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void helpListsEveryCommand() {
        CliRun r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("demo", "up", "topics", "ingest", "ingest-service", "dedup", "tagger");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"demo", "up", "topics", "ingest", "ingest-service", "dedup", "tagger"}) {
            CliRun r = run(command, "--help");
            assertThat(r.exit()).as(command).isZero();
            assertThat(r.out()).as(command).contains("Usage:");
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun r = run("demo", "--no-such-option");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option");
    }

    @Test
    void demoCommandRunsThePipelineAndPrintsEveryStage() {
        CliRun r = run("demo", "--partitions", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        // 43 JSON Lines articles, 4 HTML pages, 8 feed items, plus the demo's two bad records (malformed JSON, not Avro).
        assertThat(r.out()).containsPattern("news\\.documents\\s+57\\b")
                .containsPattern("news\\.articles\\.raw\\s+55\\b")
                .containsPattern("news\\.dlq\\s+2\\b")
                .containsPattern("news\\.articles\\.duplicates\\s+\\d+\\s+final: \\d+ ORIGINAL")
                .contains("EXACT_DUPLICATE of", "regions:", "actors:");
    }
}
