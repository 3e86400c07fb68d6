package io.wirestream.ingest.connect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.text.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link FeedConnector} remembers about each feed across restarts: one small JSON file per feed in a
 * state directory ({@code feed-<hash of the feed>.json}), replaced atomically (temp file, then move) so a
 * crash leaves the old or the new state, never half of one. One process per state directory.
 */
public final class FeedStateStore {

    /**
     * @param feed         the feed URL or file as the user named it
     * @param etag         the last 200 response's ETag, sent back as If-None-Match
     * @param lastModified the last 200 response's Last-Modified, sent back as If-Modified-Since
     * @param seen         keys (guid, else link) of the items already emitted, oldest first
     */
    public record FeedState(String feed, String etag, String lastModified, List<String> seen) {
        public FeedState {
            Objects.requireNonNull(feed, "feed");
            seen = seen == null ? List.of() : List.copyOf(seen);
        }

        static FeedState empty(String feed) {
            return new FeedState(feed, null, null, List.of());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;

    public FeedStateStore(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    public Path dir() {
        return dir;
    }

    /** The state of {@code feed}, or an empty state when it was never polled. */
    public FeedState load(String feed) {
        Path file = file(feed);
        if (!Files.exists(file)) {
            return FeedState.empty(feed);
        }
        try {
            FeedState state = JSON.readValue(file.toFile(), FeedState.class);
            if (!feed.equals(state.feed())) {
                throw new IllegalStateException("feed state " + file + " belongs to " + state.feed() + ", not " + feed);
            }
            return state;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read feed state " + file + " (delete it to start over): "
                    + e.getMessage(), e);
        }
    }

    public void save(FeedState state) {
        Path file = file(state.feed());
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), state);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write feed state " + file + ": " + e.getMessage(), e);
        }
    }

    /** The state file of {@code feed}. */
    public Path file(String feed) {
        return dir.resolve("feed-" + Hashing.sha256Hex(10, feed) + ".json");
    }
}
