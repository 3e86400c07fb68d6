package io.wirestream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.ingest.extract.ExtractionException;
import io.wirestream.ingest.extract.Extractor;
import io.wirestream.ingest.extract.ExtractorConfig;
import io.wirestream.model.RawArticle;
import io.wirestream.tagger.Analysis;
import io.wirestream.tagger.TagJson;
import io.wirestream.tagger.Tagger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wirestream analyze}: the tagger offline, same code as the service. Files (.txt, .html, .json) are
 * extracted as the ingest service would (so bylines, credits and site furniture are gone) and their output
 * also carries the extracted {@code title} and {@code text} that the offsets point into; {@code -} reads
 * JSON Lines {@code {"id","title","text","published"}} and tags the text as given.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Tag articles with regions and actors and print one JSON line per article:",
                "{\"id\", \"regions\": [{\"code\",\"name\",\"kind\",\"country\",\"lat\",\"lon\",\"focus\",\"salience\",\"confidence\",\"rule\",\"mentions\"}],",
                " \"actors\": [{\"id\",\"name\",\"kind\",\"country\",\"role\",\"code\",\"confidence\",\"rule\",\"mentions\"}]}.",
                "Mentions are {\"start\",\"end\",\"text\",\"rule\"} (Java String offsets; \"field\":\"title\" for the title). No Kafka needed."})
final class AnalyzeCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|-",
            description = "Article files (.txt, .html/.htm, .json), or - for JSON Lines on standard input.")
    List<String> inputs;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Tagger tagger = Tagger.shared();
        Extractor extractor = extractor();
        int failed = 0;
        for (String input : inputs) {
            if (input.equals("-")) {
                failed += jsonLines(tagger, out, err);
                continue;
            }
            Path file = Path.of(input);
            try {
                RawArticle a = extractor.extract(ExtractCommand.document(file, null));
                Analysis analysis = tagger.analyze(a.getTitle(), a.getBody(), a.getPublishedAt());
                ObjectNode line = TagJson.line(file.getFileName().toString(), analysis);
                line.put("title", a.getTitle());
                line.put("text", a.getBody());
                out.println(JSON.writeValueAsString(line));
            } catch (ExtractionException | IOException e) {
                failed++;
                err.println(JSON.createObjectNode().put("file", input).put("error", e.getMessage()));
            }
            out.flush();
        }
        return failed == 0 ? 0 : 1;
    }

    /** The extractor analyze (and 'eval tags --gold') reads files with: no body-length minimum beyond one char. */
    static Extractor extractor() {
        return new Extractor(new ExtractorConfig(ExtractorConfig.DEFAULT_MAX_BYTES, 1));
    }

    private int jsonLines(Tagger tagger, PrintWriter out, PrintWriter err) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int failed = 0;
        int lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode o = JSON.readTree(line);
                if (o == null || !o.isObject()) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                String id = o.path("id").asText(String.valueOf(lineNo));
                Instant published = published(o.path("published").asText(null));
                Analysis analysis = tagger.analyze(o.path("title").asText(""), o.path("text").asText(""), published);
                out.println(JSON.writeValueAsString(TagJson.line(id, analysis)));
            } catch (IOException | IllegalArgumentException e) {
                failed++;
                err.println(JSON.createObjectNode().put("line", lineNo).put("error", e.getMessage()));
            }
            out.flush();
        }
        return failed;
    }

    private static Instant published(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("published is not an ISO-8601 instant: " + s);
        }
    }
}
