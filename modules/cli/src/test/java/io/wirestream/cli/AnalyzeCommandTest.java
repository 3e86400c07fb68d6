package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLISHED = "2026-06-01T08:00:00Z";

    private static final String EMOJI_TEXT = "🌊🌧️ Flooding in Bangladesh forced thousands from their homes near Dhaka, officials said.";
    private static final String EMPTY_TEXT = "";
    private static final String TITLE_MENTION = "Macron lands in Kenya for climate talks";
    private static final String TITLE_MENTION_TEXT = "The French president met officials in Nairobi on Tuesday to discuss adaptation funding.";

    private static final List<String> THREE_ARTICLES = List.of(
            line("flood-1", "Floods displace thousands", EMOJI_TEXT),
            line("empty-2", "Markets were quiet", EMPTY_TEXT),
            line("visit-3", TITLE_MENTION, TITLE_MENTION_TEXT));

    private static final List<String> REGION_KEYS = List.of("code", "name", "kind", "country", "lat", "lon", "focus",
            "confidence", "rule", "mentions");
    private static final List<String> ACTOR_KEYS = List.of("id", "name", "kind", "country", "role", "code", "confidence",
            "rule", "mentions");

    @TempDir
    Path dir;

    private static String line(String id, String title, String text) {
        return JSON.createObjectNode().put("id", id).put("title", title).put("text", text).put("published", PUBLISHED)
                .toString();
    }

    /** Runs the CLI with {@code stdin} as standard input; System.in is restored afterwards. */
    private static CliRun runWithStdin(String stdin, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(original);
        }
    }

    private static List<JsonNode> json(List<String> lines) {
        List<JsonNode> out = new ArrayList<>();
        for (String l : lines) {
            try {
                out.add(JSON.readTree(l));
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + l, e);
            }
        }
        return out;
    }

    private static List<JsonNode> tags(JsonNode line) {
        List<JsonNode> out = new ArrayList<>();
        line.get("regions").forEach(out::add);
        line.get("actors").forEach(out::add);
        return out;
    }

    private static List<String> names(JsonNode line, String array) {
        List<String> out = new ArrayList<>();
        line.get(array).forEach(n -> out.add(n.get("name").asText()));
        return out;
    }

    /** Every mention's [start, end) of its field (text, or title with "field":"title") as "expected -> actual". */
    private static List<String> misplacedMentions(JsonNode line, String title, String text) {
        List<String> bad = new ArrayList<>();
        for (JsonNode tag : tags(line)) {
            for (JsonNode m : tag.get("mentions")) {
                String source = "title".equals(m.path("field").asText()) ? title : text;
                int start = m.get("start").asInt();
                int end = m.get("end").asInt();
                String found = 0 <= start && start <= end && end <= source.length() ? source.substring(start, end) : "<out of range>";
                if (!found.equals(m.get("text").asText())) {
                    bad.add(m + " -> " + found);
                }
            }
        }
        return bad;
    }

    // ---- analyze - -------------------------------------------------------------------------------------------

    @Test
    void stdinGivesOneLinePerArticleInInputOrder() {
        CliRun r = runWithStdin(String.join("\n", THREE_ARTICLES) + "\n", "analyze", "-");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.errLines()).isEmpty();
        assertThat(json(r.outLines())).extracting(n -> n.get("id").asText()).containsExactly("flood-1", "empty-2", "visit-3");
    }

    @Test
    void stdinMentionOffsetsPointIntoTheTextOrTheTitle() {
        CliRun r = runWithStdin(String.join("\n", THREE_ARTICLES) + "\n", "analyze", "-");
        List<JsonNode> out = json(r.outLines());

        assertThat(misplacedMentions(out.get(0), "Floods displace thousands", EMOJI_TEXT)).isEmpty();
        assertThat(misplacedMentions(out.get(1), "Markets were quiet", EMPTY_TEXT)).isEmpty();
        assertThat(misplacedMentions(out.get(2), TITLE_MENTION, TITLE_MENTION_TEXT)).isEmpty();
    }

    @Test
    void placeAfterAnEmojiIsTaggedAtItsUtf16Offset() {
        CliRun r = runWithStdin(String.join("\n", THREE_ARTICLES) + "\n", "analyze", "-");
        JsonNode flood = json(r.outLines()).get(0);

        JsonNode bangladesh = null;
        for (JsonNode region : flood.get("regions")) {
            if (region.get("code").asText().equals("BD")) {
                bangladesh = region;
            }
        }
        assertThat(bangladesh).as(flood.toString()).isNotNull();
        assertThat(bangladesh.get("mentions")).extracting(m -> m.get("start").asInt())
                .contains(EMOJI_TEXT.indexOf("Bangladesh"));
    }

    @Test
    void titleMentionsAreMarkedWithTheirField() {
        CliRun r = runWithStdin(String.join("\n", THREE_ARTICLES) + "\n", "analyze", "-");
        JsonNode visit = json(r.outLines()).get(2);

        List<String> titleMentions = new ArrayList<>();
        for (JsonNode tag : tags(visit)) {
            for (JsonNode m : tag.get("mentions")) {
                if ("title".equals(m.path("field").asText())) {
                    titleMentions.add(m.get("text").asText());
                }
            }
        }
        assertThat(titleMentions).as(visit.toString()).contains("Kenya");
    }

    @Test
    void articleWithEmptyTextStillGetsALineWithEmptyTagLists() {
        CliRun r = runWithStdin(line("empty", "", "") + "\n", "analyze", "-");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode empty = json(r.outLines()).get(0);
        assertThat(empty.get("id").asText()).isEqualTo("empty");
        assertThat(empty.get("regions").isArray()).isTrue();
        assertThat(empty.get("regions")).isEmpty();
        assertThat(empty.get("actors").isArray()).isTrue();
        assertThat(empty.get("actors")).isEmpty();
    }

    @Test
    void everyRegionAndActorCarriesTheDocumentedKeys() {
        CliRun r = runWithStdin(String.join("\n", THREE_ARTICLES) + "\n", "analyze", "-");
        List<JsonNode> out = json(r.outLines());

        int regions = 0;
        int actors = 0;
        for (JsonNode line : out) {
            assertThat(line.fieldNames()).toIterable().contains("id", "regions", "actors");
            for (JsonNode region : line.get("regions")) {
                assertThat(region.fieldNames()).toIterable().as(region.toString()).containsAll(REGION_KEYS);
                regions++;
            }
            for (JsonNode actor : line.get("actors")) {
                assertThat(actor.fieldNames()).toIterable().as(actor.toString()).containsAll(ACTOR_KEYS);
                actors++;
            }
        }
        assertThat(regions).isPositive();
        assertThat(actors).as("Macron should be tagged: " + out.get(2)).isPositive();
    }

    @Test
    void mentionsCarryStartEndAndText() {
        CliRun r = runWithStdin(String.join("\n", THREE_ARTICLES) + "\n", "analyze", "-");

        for (JsonNode line : json(r.outLines())) {
            for (JsonNode tag : tags(line)) {
                assertThat(tag.get("mentions")).as(tag.toString()).isNotEmpty();
                for (JsonNode m : tag.get("mentions")) {
                    assertThat(m.fieldNames()).toIterable().contains("start", "end", "text");
                }
            }
        }
    }

    @Test
    void malformedLineIsReportedWithItsNumberAndTheOthersAreStillTagged() {
        String stdin = THREE_ARTICLES.get(0) + "\n{\"id\": \"broken\", \"text\": \n" + THREE_ARTICLES.get(2) + "\n";

        CliRun r = runWithStdin(stdin, "analyze", "-");

        assertThat(r.exit()).isNotZero();
        assertThat(json(r.outLines())).extracting(n -> n.get("id").asText()).containsExactly("flood-1", "visit-3");
        assertThat(r.errLines()).hasSize(1);
        JsonNode error = json(r.errLines()).get(0);
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("error").asText()).isNotBlank();
    }

    // ---- analyze FILE ----------------------------------------------------------------------------------------

    private static final String FILE_TITLE = "Kenya Opens Climate Talks in Nairobi";
    private static final String FILE_BODY = "Delegates from more than 40 countries gathered in Nairobi on Monday for a week of talks "
            + "on drought and adaptation funding, Kenya's environment ministry said.";

    private Path article() throws IOException {
        Path f = dir.resolve("talks.txt");
        Files.writeString(f, FILE_TITLE + "\n\nBy Jane Roe\n\nJane Roe/AFP via Getty Images\n\n" + FILE_BODY + "\n");
        return f;
    }

    @Test
    void fileIsExtractedAndTheOutputCarriesItsTitleAndText() throws IOException {
        CliRun r = CliRun.of("analyze", article().toString());

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode line = json(r.outLines()).get(0);
        assertThat(line.get("id").asText()).isEqualTo("talks.txt");
        assertThat(line.get("title").asText()).isEqualTo(FILE_TITLE);
        assertThat(line.get("text").asText()).isEqualTo(FILE_BODY);
    }

    @Test
    void fileBylineAndPhotoCreditAreNotTaggedAsActors() throws IOException {
        CliRun r = CliRun.of("analyze", article().toString());
        JsonNode line = json(r.outLines()).get(0);

        assertThat(names(line, "actors")).as(line.toString())
                .noneMatch(n -> n.contains("Getty") || n.contains("Agence France") || n.contains("AFP") || n.contains("Jane Roe"));
        assertThat(names(line, "regions")).as(line.toString()).contains("Kenya", "Nairobi");
    }

    @Test
    void fileMentionOffsetsPointIntoTheExtractedText() throws IOException {
        CliRun r = CliRun.of("analyze", article().toString());
        JsonNode line = json(r.outLines()).get(0);

        assertThat(tags(line)).isNotEmpty();
        assertThat(misplacedMentions(line, line.get("title").asText(), line.get("text").asText())).isEmpty();
    }

    @Test
    void unreadableFileIsReportedAndTheOthersAreStillTagged() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");

        CliRun r = CliRun.of("analyze", empty.toString(), article().toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(json(r.outLines())).extracting(n -> n.get("id").asText()).containsExactly("talks.txt");
        assertThat(json(r.errLines())).extracting(n -> n.get("file").asText()).containsExactly(empty.toString());
    }

    @Test
    void sameStdinGivesTheSameOutput() {
        CliRun once = runWithStdin(THREE_ARTICLES.get(0) + "\n", "analyze", "-");
        CliRun again = runWithStdin(THREE_ARTICLES.get(0) + "\n", "analyze", "-");

        assertThat(once.out()).isNotBlank().isEqualTo(again.out());
    }
}
