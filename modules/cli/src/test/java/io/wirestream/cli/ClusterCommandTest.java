package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClusterCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int exit, List<JsonNode> events, String err) {
        /** The last event of each id: its final decision. */
        Map<String, JsonNode> last() {
            Map<String, JsonNode> m = new LinkedHashMap<>();
            events.forEach(e -> m.put(e.get("id").asText(), e));
            return m;
        }
    }

    private static String words(long seed, int n) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append("w").append(Integer.toString(r.nextInt(2000), 36));
        }
        return sb.toString();
    }

    private static final String BODY = words(1, 150);
    private static final String OTHER = words(2, 150);

    private static String line(String id, String title, String text, String published) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("text", text);
        if (published != null) {
            m.put("published", published);
        }
        m.put("source", "test");
        return JSON.writeValueAsString(m);
    }

    private Run cluster(String... lines) throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.write(in, List.of(lines));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = WirestreamCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("cluster", in.toString());
        List<JsonNode> events = new ArrayList<>();
        for (String l : out.toString().split("\n")) {
            if (!l.isBlank()) {
                events.add(JSON.readTree(l));
            }
        }
        return new Run(exit, events, err.toString());
    }

    @Test
    void printsOneDecisionPerArticleWithEveryField() throws IOException {
        Run r = cluster(
                line("a", "Rates rise", BODY, "2024-03-07T10:00:00Z"),
                line("b", "Floods", OTHER, "2024-03-07T10:05:00Z"),
                line("c", "Rates rise", BODY, "2024-03-07T10:10:00Z"),
                line("d", "Bank lifts rate again", BODY + " Copyright Paper D. All rights reserved.", "2024-03-07T11:20:00+01:00"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.events()).hasSize(4);
        JsonNode a = r.events().get(0);
        assertThat(a.fieldNames()).toIterable().containsExactly("id", "status", "duplicateOf", "similarity", "storyId");
        assertThat(a.get("status").asText()).isEqualTo("ORIGINAL");
        assertThat(a.get("duplicateOf").isNull()).isTrue();
        assertThat(a.get("similarity").isNumber()).isTrue();
        assertThat(r.last().get("c").get("status").asText()).isEqualTo("EXACT_DUPLICATE");
        assertThat(r.last().get("c").get("duplicateOf").asText()).isEqualTo("a");
        assertThat(r.last().get("d").get("status").asText()).isEqualTo("NEAR_DUPLICATE");
        assertThat(r.last().get("d").get("storyId").asText()).isEqualTo("story-a");
        assertThat(r.last().get("b").get("storyId").asText()).isEqualTo("story-b");
    }

    @Test
    void lateEarlierCopyCorrectsTheLaterOnes() throws IOException {
        Run r = cluster(
                line("b", "Rates rise", BODY, "2024-03-07T10:10:00Z"),
                line("a", "Rates rise", BODY, "2024-03-07T10:00:00Z"));
        assertThat(r.exit()).isZero();
        assertThat(r.events()).extracting(e -> e.get("id").asText()).containsExactly("b", "a", "b");
        JsonNode correction = r.events().get(2);
        assertThat(correction.get("status").asText()).isEqualTo("EXACT_DUPLICATE");
        assertThat(correction.get("duplicateOf").asText()).isEqualTo("a");
        assertThat(correction.get("storyId").asText()).isEqualTo("story-a");
    }

    @Test
    void missingPublishedMeansTimeZeroOrderedById() throws IOException {
        Run r = cluster(line("z", "Rates rise", BODY, null), line("y", "Rates rise", BODY, null));
        assertThat(r.last().get("z").get("duplicateOf").asText()).isEqualTo("y");
    }

    @Test
    void badLineFailsNamingItsLineNumber() throws IOException {
        Run r = cluster(line("a", "Rates rise", BODY, "2024-03-07T10:00:00Z"), "{\"id\": \"b\", \"title\": ", "");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("in.jsonl:2:", "not valid JSON");
        assertThat(r.events()).isEmpty();
    }

    @Test
    void unreadableDateFailsNamingTheArticle() throws IOException {
        Run r = cluster(line("a", "Rates rise", BODY, "yesterday"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(":1:", "article a", "ISO-8601");
    }

    @Test
    void articleWithoutIdIsRejected() throws IOException {
        Run r = cluster("{\"title\": \"x\", \"text\": \"y\"}");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(":1:", "\"id\"");
    }
}
