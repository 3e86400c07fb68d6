package io.wirestream.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ingest.connect.FeedStateStore.FeedState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedStateStoreTest {

    @TempDir
    Path dir;

    @Test
    void savedStateIsLoadedBackAndNoTempFileRemains() throws IOException {
        FeedStateStore store = new FeedStateStore(dir.resolve("connectors"));
        FeedState state = new FeedState("https://news.example/rss", "\"v1\"", "Fri, 20 Nov 2026 09:30:00 GMT",
                List.of("urn:1", "urn:2"));

        store.save(state);
        store.save(state);

        assertThat(new FeedStateStore(dir.resolve("connectors")).load("https://news.example/rss")).isEqualTo(state);
        try (Stream<Path> files = Files.list(dir.resolve("connectors"))) {
            assertThat(files).singleElement().satisfies(f -> assertThat(f.toString()).endsWith(".json"));
        }
    }

    @Test
    void unknownFeedHasEmptyState() {
        FeedState state = new FeedStateStore(dir).load("feed.xml");

        assertThat(state.seen()).isEmpty();
        assertThat(state.etag()).isNull();
    }
}
