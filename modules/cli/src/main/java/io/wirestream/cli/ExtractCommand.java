package io.wirestream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.ingest.connect.DocumentReader;
import io.wirestream.ingest.extract.ExtractionException;
import io.wirestream.ingest.extract.Extractor;
import io.wirestream.ingest.extract.ExtractorConfig;
import io.wirestream.model.RawArticle;
import io.wirestream.model.SourceDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs the ingest service's extractor over files, without Kafka: one JSON line per article on standard
 * output, one {@code {"file", "error"}} line per file that cannot be extracted on standard error (exit 1
 * after the others). Each file becomes a document as the file connector makes it, fetched at the file's
 * last-modified time, so the output is reproducible.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract articles from .txt, .html/.htm and .json files and print one JSON line per file:",
                "{\"id\",\"title\",\"body\",\"byline\",\"captions\",\"credits\",\"published\",\"publishedApproximate\","
                        + "\"url\",\"source\",\"language\",\"revision\"}. No Kafka needed."})
final class ExtractCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", paramLabel = "NAME", description = "Source name recorded on each document (default: the file path).")
    String source;

    @Option(names = "--max-bytes", paramLabel = "N", description = "Reject files larger than this (default: ${DEFAULT-VALUE}).")
    int maxBytes = ExtractorConfig.DEFAULT_MAX_BYTES;

    @Option(names = "--min-body-chars", paramLabel = "N",
            description = "Reject articles whose cleaned body is shorter (default: ${DEFAULT-VALUE}).")
    int minBodyChars = ExtractorConfig.DEFAULT_MIN_BODY_CHARS;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = ".txt, .html/.htm or .json files.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Extractor extractor;
        try {
            extractor = new Extractor(new ExtractorConfig(maxBytes, minBodyChars));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        int failed = 0;
        for (Path file : files) {
            try {
                out.println(JSON.writeValueAsString(line(extractor.extract(document(file, source)))));
            } catch (ExtractionException | IOException e) {
                failed++;
                ObjectNode error = JSON.createObjectNode().put("file", file.toString()).put("error", e.getMessage());
                err.println(error);
            }
            out.flush();
            err.flush();
        }
        return failed == 0 ? 0 : 1;
    }

    /** The document the file connector would make, fetched at the file's last-modified time. */
    static SourceDocument document(Path file, String source) throws IOException {
        String type = contentType(file);
        if (type == null) {
            throw new ExtractionException("not a readable article file (.txt .html .htm .json)");
        }
        if (!Files.isRegularFile(file)) {
            throw new ExtractionException("no such file");
        }
        Instant fetchedAt = Files.getLastModifiedTime(file).toInstant();
        DocumentReader reader = new DocumentReader(source != null ? source : file.toString(), fetchedAt);
        return reader.document(file.toString(), type, Files.readAllBytes(file));
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return switch (ext) {
            case "txt" -> "text/plain";
            case "html", "htm" -> "text/html";
            case "json" -> "application/json";
            default -> null;
        };
    }

    static ObjectNode line(RawArticle a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.getArticleId());
        o.put("title", a.getTitle());
        o.put("body", a.getBody());
        o.put("byline", a.getByline());
        ArrayNode captions = o.putArray("captions");
        a.getCaptions().forEach(captions::add);
        ArrayNode credits = o.putArray("credits");
        a.getCredits().forEach(credits::add);
        o.put("published", a.getPublishedAt() == null ? null : a.getPublishedAt().toString());
        o.put("publishedApproximate", a.getPublishedApproximate());
        o.put("url", a.getUrl());
        o.put("source", a.getSource());
        o.put("language", a.getLanguage());
        o.put("revision", a.getRevision());
        return o;
    }
}
