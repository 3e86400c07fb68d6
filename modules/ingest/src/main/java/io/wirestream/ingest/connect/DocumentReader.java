package io.wirestream.ingest.connect;

import io.wirestream.model.SourceDocument;
import io.wirestream.text.Hashing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads documents from files, directories (recursively, in path order) and streams, untouched:
 * {@code .jsonl}/{@code .ndjson} give one JSON document per non-empty line, {@code .json} one document,
 * {@code .txt} plain text, {@code .html}/{@code .htm} HTML. Other files are skipped with a reason reported
 * to the caller, never silently.
 */
public final class DocumentReader {

    private final String source;
    private final Instant fetchedAt;

    /**
     * @param source    the source name written into each document
     * @param fetchedAt the fetch time written into each document (the caller's clock)
     */
    public DocumentReader(String source, Instant fetchedAt) {
        this.source = source;
        this.fetchedAt = fetchedAt;
    }

    /** Reads a file or a directory tree; {@code skipped} hears about files it does not read and why. */
    public void read(Path path, Consumer<SourceDocument> sink, Consumer<String> skipped) {
        files(path).forEach(f -> readFile(f, sink, (file, why) -> skipped.accept(file + ": " + why), false));
    }

    /**
     * Reads a file or a directory tree; {@code skipped} hears about each file it does not read, with a
     * reason that does not repeat the path (so callers can count skips by reason). Unlike
     * {@link #read(Path, Consumer, Consumer)}, a file that cannot be read (vanished, permission denied) is
     * reported as skipped instead of ending the read.
     */
    public void read(Path path, Consumer<SourceDocument> sink, BiConsumer<Path, String> skipped) {
        files(path).forEach(f -> readFile(f, sink, skipped, true));
    }

    /** The files {@link #read} visits under {@code path}, in that order: the file itself, or a directory's tree. */
    public static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }

    /** Reads JSON Lines from a stream (standard input): one document per non-empty line. */
    public void readJsonLines(InputStream in, String location, Consumer<SourceDocument> sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (!line.isBlank()) {
                    sink.accept(document(location + ":" + n, "application/json", line.getBytes(StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    private void readFile(Path file, Consumer<SourceDocument> sink, BiConsumer<Path, String> skipped,
            boolean ioErrorsAsSkips) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        try {
            switch (ext) {
                case "jsonl", "ndjson" -> {
                    try (InputStream in = Files.newInputStream(file)) {
                        readJsonLines(in, file.toString(), sink);
                    }
                }
                case "json" -> sink.accept(document(file.toString(), "application/json", Files.readAllBytes(file)));
                case "txt" -> sink.accept(document(file.toString(), "text/plain", Files.readAllBytes(file)));
                case "html", "htm" -> sink.accept(document(file.toString(), "text/html", Files.readAllBytes(file)));
                default -> skipped.accept(file, NOT_A_DOCUMENT);
            }
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            if (!ioErrorsAsSkips) {
                throw new UncheckedIOException("cannot read " + file, io);
            }
            skipped.accept(file, unreadable(io));
        }
    }

    /** Skip reason of files whose extension is not one Wirestream reads. */
    public static final String NOT_A_DOCUMENT = "not a document type Wirestream reads (.jsonl .ndjson .json .txt .html)";

    private static String unreadable(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "cannot read: vanished before it was read";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot read: permission denied";
        }
        return "cannot read: " + e.getClass().getSimpleName();
    }

    /** A document with a stable id: the same location and bytes always give the same id. */
    public SourceDocument document(String location, String contentType, byte[] content) {
        String contentHex = Hashing.sha256Hex(16, HexFormat.of().formatHex(content));
        return SourceDocument.newBuilder()
                .setDocumentId(Hashing.sha256Hex(12, "file", location, contentHex))
                .setConnector("file")
                .setSource(source)
                .setLocation(location)
                .setContentType(contentType)
                .setContent(ByteBuffer.wrap(content))
                .setFetchedAt(fetchedAt)
                .build();
    }

    /** Reads everything under {@code paths} into a list (small inputs, tests, the demo). */
    public List<SourceDocument> readAll(List<Path> paths, Consumer<String> skipped) {
        List<SourceDocument> docs = new ArrayList<>();
        paths.forEach(p -> read(p, docs::add, skipped));
        return docs;
    }
}
