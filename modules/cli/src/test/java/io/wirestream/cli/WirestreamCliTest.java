package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class WirestreamCliTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = WirestreamCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryCommand() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("demo", "up", "topics", "ingest", "ingest-service", "dedup", "tagger");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"demo", "up", "topics", "ingest", "ingest-service", "dedup", "tagger"}) {
            Run r = run(command, "--help");
            assertThat(r.exit()).as(command).isZero();
            assertThat(r.out()).as(command).contains("Usage:");
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = run("demo", "--no-such-option");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option");
    }

    @Test
    void demoCommandRunsThePipelineAndPrintsEveryStage() {
        Run r = run("demo", "--partitions", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        // 43 JSON Lines articles, 4 HTML pages, 8 feed items, plus the demo's two bad records (malformed JSON, not Avro).
        assertThat(r.out()).containsPattern("news\\.documents\\s+57\\b")
                .containsPattern("news\\.articles\\.raw\\s+55\\b")
                .containsPattern("news\\.dlq\\s+2\\b")
                .containsPattern("news\\.articles\\.duplicates\\s+\\d+\\s+final: \\d+ ORIGINAL")
                .contains("EXACT_DUPLICATE of", "regions:", "actors:");
    }
}
