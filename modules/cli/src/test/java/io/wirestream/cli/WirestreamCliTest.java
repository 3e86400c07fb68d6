package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.cli.demo.Demo;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
    void demoCommandRunsThePipelineAndPrintsEveryStage() throws IOException {
        long samples;
        try (InputStream in = Demo.class.getResourceAsStream(Demo.SAMPLES)) {
            samples = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count();
        }
        Run r = run("demo", "--partitions", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        // Every sample plus the demo's two bad records (malformed JSON, not Avro) reach news.documents.
        assertThat(r.out()).containsPattern("news\\.documents\\s+" + (samples + 2) + "\\b")
                .containsPattern("news\\.articles\\.raw\\s+" + samples + "\\b")
                .containsPattern("news\\.dlq\\s+2\\b")
                .containsPattern("news\\.articles\\.duplicates\\s+" + samples + "\\b")
                .contains("EXACT_DUPLICATE of", "regions:", "actors:");
    }
}
