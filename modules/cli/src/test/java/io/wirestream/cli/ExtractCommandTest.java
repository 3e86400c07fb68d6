package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORY = "Ferry crews on the northern route returned to work on Friday after the operator agreed "
            + "to restore the night shift allowance, ending a week of cancelled crossings.";

    @TempDir
    Path dir;

    private record Run(int exit, List<String> out, List<String> err) {
    }

    private static Run run(String... args) {
        CliRun r = CliRun.of(args);
        return new Run(r.exit(), r.outLines(), r.errLines());
    }

    private Path file(String name, String content, Instant modified) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        Files.setLastModifiedTime(f, FileTime.from(modified));
        return f;
    }

    @Test
    void printsOneJsonLinePerFileWithTheCleanedArticle() throws IOException {
        Instant modified = Instant.parse("2026-05-10T12:00:00Z");
        Path txt = file("ferry.txt", "Ferry Crews End Strike\n\n2 days ago 4\n\n" + STORY + "\n\nRead Entire Article\n", modified);
        Path json = file("ferry.json", "{\"title\":\"Ferries sail again\",\"text\":\"" + STORY + "\",\"url\":\"https://news.example/f\"}",
                modified);

        Run r = run("extract", txt.toString(), json.toString());

        assertThat(r.exit()).as(String.join("\n", r.err())).isZero();
        assertThat(r.out()).hasSize(2);
        JsonNode a = JSON.readTree(r.out().get(0));
        assertThat(a.fieldNames()).toIterable().containsExactly("id", "title", "body", "byline", "captions", "credits",
                "published", "publishedApproximate", "url", "source", "language", "revision");
        assertThat(a.get("title").asText()).isEqualTo("Ferry Crews End Strike");
        assertThat(a.get("body").asText()).isEqualTo(STORY);
        assertThat(a.get("published").asText()).isEqualTo("2026-05-08T12:00:00Z");
        assertThat(a.get("publishedApproximate").asBoolean()).isTrue();
        assertThat(a.get("byline").isNull()).isTrue();
        assertThat(a.get("captions").isArray()).isTrue();
        assertThat(a.get("language").asText()).isEqualTo("en");
        assertThat(a.get("revision").asInt()).isEqualTo(1);
        JsonNode b = JSON.readTree(r.out().get(1));
        assertThat(b.get("url").asText()).isEqualTo("https://news.example/f");
        assertThat(b.get("published").isNull()).isTrue();
    }

    @Test
    void failedFileIsReportedOnStandardErrorAndTheOthersStillPrint() throws IOException {
        Instant modified = Instant.parse("2026-05-10T12:00:00Z");
        Path empty = file("empty.txt", "", modified);
        Path good = file("good.txt", "Ferry Crews End Strike\n\n" + STORY, modified);
        Path pdf = file("paper.pdf", "%PDF", modified);

        Run r = run("extract", empty.toString(), good.toString(), pdf.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).hasSize(1);
        assertThat(r.err()).hasSize(2);
        JsonNode error = JSON.readTree(r.err().get(0));
        assertThat(error.get("file").asText()).isEqualTo(empty.toString());
        assertThat(error.get("error").asText()).contains("empty");
        assertThat(JSON.readTree(r.err().get(1)).get("error").asText()).contains("not a readable article file");
    }

    @Test
    void sameFileGivesTheSameOutput() throws IOException {
        Path txt = file("ferry.txt", "Ferry Crews End Strike\n\n" + STORY, Instant.parse("2026-05-10T12:00:00Z"));
        assertThat(run("extract", txt.toString()).out()).isEqualTo(run("extract", txt.toString()).out());
    }
}
