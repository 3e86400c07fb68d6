package io.wirestream.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.dedup.core.DedupConfig;
import io.wirestream.dedup.core.OfflineDeduplicator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Offline near-duplicate clustering: the dedup service's decisions, computed in memory over a JSON Lines
 * file in feed order. Every input line is validated before any output is written.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"Deduplicate JSON Lines articles {\"id\",\"title\",\"text\",\"published\",\"source\"} in the given order "
                + "and print one JSON line per decision: {\"id\",\"status\",\"duplicateOf\",\"similarity\",\"storyId\"}.",
                "An article that arrives late but was published earlier makes later copies its duplicates: their "
                        + "corrected decisions follow its own. The last line for an id is its final decision.",
                "'published' is ISO-8601; without it an article has time 0 (ordered by id)."})
final class ClusterCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--threshold", paramLabel = "T",
            description = "Jaccard similarity at or above which an article is a near-duplicate (default: ${DEFAULT-VALUE}).")
    double threshold = DedupConfig.defaults().threshold();

    @Parameters(arity = "0..1", paramLabel = "FILE|-", defaultValue = "-", description = "JSON Lines input; - (default) for stdin.")
    String input;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        DedupConfig config;
        try {
            config = DedupConfig.defaults().withThreshold(threshold);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threshold: " + e.getMessage());
        }
        List<OfflineDeduplicator.Article> articles;
        try (BufferedReader reader = open(input)) {
            articles = read(reader, input.equals("-") ? "stdin" : input);
        } catch (NoSuchFileException e) {
            err.println("no such file: " + input);
            err.flush();
            return 1;
        } catch (BadLine e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
        OfflineDeduplicator dedup = new OfflineDeduplicator(config);
        PrintWriter out = spec.commandLine().getOut();
        for (OfflineDeduplicator.Article a : articles) {
            for (OfflineDeduplicator.Event e : dedup.process(a)) {
                out.println(toJson(e));
            }
        }
        out.flush();
        return 0;
    }

    private static BufferedReader open(String input) throws IOException {
        return input.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
    }

    /** An input line that is not a valid article. */
    static final class BadLine extends Exception {
        BadLine(String name, int line, String why) {
            super(name + ":" + line + ": " + why);
        }
    }

    /** Every non-blank line as an article; the first bad one fails the whole input. */
    static List<OfflineDeduplicator.Article> read(BufferedReader reader, String name) throws IOException, BadLine {
        List<OfflineDeduplicator.Article> articles = new ArrayList<>();
        int lineNo = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            if (!line.isBlank()) {
                articles.add(parse(line, name, lineNo));
            }
        }
        return articles;
    }

    static OfflineDeduplicator.Article parse(String line, String name, int lineNo) throws BadLine {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadLine(name, lineNo, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadLine(name, lineNo, "expected a JSON object");
        }
        JsonNode id = node.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isEmpty()) {
            throw new BadLine(name, lineNo, "\"id\" must be a non-empty string");
        }
        String title = optionalText(node, "title", name, lineNo);
        String text = optionalText(node, "text", name, lineNo);
        if (title.isEmpty() && text.isEmpty()) {
            throw new BadLine(name, lineNo, "article " + id.asText() + " has neither \"title\" nor \"text\"");
        }
        String published = optionalText(node, "published", name, lineNo);
        long time;
        try {
            time = published.isEmpty() ? 0 : epochMillis(published);
        } catch (DateTimeParseException e) {
            throw new BadLine(name, lineNo, "article " + id.asText() + ": \"published\" is not ISO-8601: " + published);
        }
        return new OfflineDeduplicator.Article(id.asText(), title, text, time, optionalText(node, "source", name, lineNo));
    }

    private static String optionalText(JsonNode node, String field, String name, int lineNo) throws BadLine {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw new BadLine(name, lineNo, "\"" + field + "\" must be a string, was " + v.getNodeType().name().toLowerCase());
        }
        return v.asText();
    }

    /** ISO-8601 instant, offset date-time, or local date-time / date read as UTC. */
    static long epochMillis(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s).toEpochMilli();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
                } catch (DateTimeParseException e3) {
                    return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                }
            }
        }
    }

    static String toJson(OfflineDeduplicator.Event e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", e.id());
        o.put("status", e.status().name());
        if (e.duplicateOf() == null) {
            o.putNull("duplicateOf");
        } else {
            o.put("duplicateOf", e.duplicateOf());
        }
        o.put("similarity", e.similarity());
        o.put("storyId", e.storyId());
        return o.toString();
    }
}
