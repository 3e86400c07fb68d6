package io.wirestream.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.model.SourceDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryWatcherTest {

    private static final long TIMEOUT_SECONDS = 20;

    @TempDir
    Path dir;

    private final BlockingQueue<SourceDocument> docs = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> skipped = new LinkedBlockingQueue<>();
    private DirectoryWatcher watcher;
    private Thread thread;

    private DirectoryWatcher open() throws IOException {
        watcher = new DirectoryWatcher(List.of(dir), "watched", Clock.systemUTC(), Duration.ofMillis(50), docs::add,
                (file, why) -> skipped.add(file.getFileName() + ": " + why));
        return watcher;
    }

    private void run() {
        thread = new Thread(watcher::run, "directory-watcher-test");
        thread.start();
    }

    @AfterEach
    void close() throws Exception {
        if (watcher != null) {
            watcher.close();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        }
    }

    private SourceDocument next() throws InterruptedException {
        SourceDocument doc = docs.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(doc).as("a document within " + TIMEOUT_SECONDS + " s").isNotNull();
        return doc;
    }

    @Test
    void fileCreatedAfterStartIsEmitted() throws Exception {
        Files.writeString(dir.resolve("before.txt"), "already here");
        open();
        run();

        Files.writeString(dir.resolve("story.txt"), "Flood closes bridge");

        SourceDocument doc = next();
        assertThat(doc.getLocation()).isEqualTo(dir.resolve("story.txt").toAbsolutePath().toString());
        assertThat(doc.getContentType()).isEqualTo("text/plain");
        assertThat(doc.getSource()).isEqualTo("watched");
        assertThat(StandardCharsets.UTF_8.decode(doc.getContent()).toString()).isEqualTo("Flood closes bridge");
    }

    @Test
    void initialScanEmitsExistingFiles() throws Exception {
        Files.writeString(dir.resolve("a.html"), "<p>a</p>");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.json"), "{\"title\":\"b\"}");
        List<SourceDocument> scanned = new ArrayList<>();

        open().scan();
        docs.drainTo(scanned);

        assertThat(scanned).extracting(SourceDocument::getContentType).containsExactly("text/html", "application/json");
    }

    @Test
    void fileInNewSubdirectoryIsEmitted() throws Exception {
        open();
        run();

        Path sub = Files.createDirectories(dir.resolve("2026/11"));
        Files.writeString(sub.resolve("late.html"), "<h1>Late</h1>");

        assertThat(next().getLocation()).endsWith("late.html");
    }

    @Test
    void appendedJsonLinesEmitOnlyTheNewLines() throws Exception {
        Path file = dir.resolve("wire.jsonl");
        open();
        run();
        Files.writeString(file, "{\"title\":\"one\"}\n");
        assertThat(next().getLocation()).endsWith("wire.jsonl:1");

        Files.writeString(file, "{\"title\":\"two\"}\n", StandardOpenOption.APPEND);

        assertThat(next().getLocation()).endsWith("wire.jsonl:2");
        assertThat(docs).isEmpty();
    }

    @Test
    void unsupportedFileIsReportedAsSkipped() throws Exception {
        open();
        run();

        Files.writeString(dir.resolve("photo.jpg"), "not text");

        assertThat(skipped.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("photo.jpg: " + DocumentReader.NOT_A_DOCUMENT);
    }
}
