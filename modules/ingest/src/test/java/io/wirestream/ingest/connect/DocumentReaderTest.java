package io.wirestream.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.model.SourceDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {

    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader("test", Instant.parse("2026-11-20T12:00:00Z"));

    @Test
    void skippedFilesAreReportedWithAReasonWithoutThePath() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "text");
        Files.writeString(dir.resolve("b.png"), "image");
        List<SourceDocument> docs = new ArrayList<>();
        Map<Path, String> skipped = new LinkedHashMap<>();

        reader.read(dir, docs::add, skipped::put);

        assertThat(docs).hasSize(1);
        assertThat(skipped).containsExactly(Map.entry(dir.resolve("b.png"), DocumentReader.NOT_A_DOCUMENT));
    }

    @Test
    void vanishedFileIsSkippedNotFatal() {
        Map<Path, String> skipped = new LinkedHashMap<>();

        reader.read(dir.resolve("gone.txt"), d -> { }, skipped::put);

        assertThat(skipped).containsValue("cannot read: vanished before it was read");
    }

    @Test
    void filesListsADirectoryTreeInPathOrder() throws IOException {
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/x.txt"), "x");
        Files.writeString(dir.resolve("a.txt"), "a");

        assertThat(DocumentReader.files(dir)).containsExactly(dir.resolve("a.txt"), dir.resolve("b/x.txt"));
    }

    @Test
    void sameLocationAndBytesGiveTheSameId() {
        assertThat(reader.document("x.txt", "text/plain", new byte[] {1, 2}).getDocumentId())
                .isEqualTo(new DocumentReader("other", Instant.EPOCH).document("x.txt", "text/plain", new byte[] {1, 2})
                        .getDocumentId());
    }
}
