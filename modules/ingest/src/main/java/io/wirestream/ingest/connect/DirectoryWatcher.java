package io.wirestream.ingest.connect;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import io.wirestream.model.SourceDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches directory trees and emits, through {@link DocumentReader}, the documents of files created or
 * modified after it was opened (and, with {@link #scan()}, of the files already there). New subdirectories
 * are watched as they appear. A file is read once its events have been quiet for the settle time, so a
 * file still being written is not read half-way; a document already emitted for a file (same location
 * and bytes, hence same id) is not emitted again, so appending to a {@code .jsonl} file emits only the new
 * lines. When the OS drops events (overflow) every tree is rescanned.
 *
 * <p>{@link #run()} blocks until {@link #close()}; the sink is called on the thread running it.
 */
public final class DirectoryWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DirectoryWatcher.class);

    private final List<Path> roots;
    private final String source;
    private final Clock clock;
    private final Duration settle;
    private final Consumer<SourceDocument> sink;
    private final BiConsumer<Path, String> skipped;
    private final WatchService watcher;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    /** Files with pending events → System.nanoTime() of their last event. */
    private final Map<Path, Long> pending = new LinkedHashMap<>();
    private final Map<Path, Set<String>> emitted = new HashMap<>();

    /**
     * Starts watching {@code roots} (directories) at once: events from here on are not missed, though
     * they are only read by {@link #run()}.
     *
     * @param source  source name of the documents (each root's path when null)
     * @param settle  how long a file's events must be quiet before it is read
     * @param skipped hears about files that are not read, and why
     */
    public DirectoryWatcher(List<Path> roots, String source, Clock clock, Duration settle,
            Consumer<SourceDocument> sink, BiConsumer<Path, String> skipped) throws IOException {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.source = source;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settle = Objects.requireNonNull(settle, "settle");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.skipped = Objects.requireNonNull(skipped, "skipped");
        for (Path root : this.roots) {
            if (!Files.isDirectory(root)) {
                throw new IllegalArgumentException("not a directory: " + root);
            }
        }
        this.watcher = this.roots.isEmpty() ? null : this.roots.get(0).getFileSystem().newWatchService();
        for (Path root : this.roots) {
            registerTree(root);
        }
    }

    /** Emits the documents of every file already under the roots. */
    public void scan() {
        for (Path root : roots) {
            DocumentReader.files(root).forEach(this::readFile);
        }
    }

    /** Reads events until {@link #close()}; throws what the sink throws. */
    public void run() {
        if (watcher == null) {
            return;
        }
        try {
            while (true) {
                WatchKey key = pending.isEmpty()
                        ? watcher.take()
                        : watcher.poll(settle.toMillis(), TimeUnit.MILLISECONDS);
                if (key != null) {
                    handle(key);
                }
                readSettled();
            }
        } catch (ClosedWatchServiceException e) {
            log.debug("directory watcher closed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }

    private void handle(WatchKey key) {
        Path dir = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                log.warn("directory watcher overflowed: rescanning {}", roots);
                roots.forEach(r -> DocumentReader.files(r).forEach(this::touch));
                continue;
            }
            if (dir == null) {
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            if (Files.isDirectory(path)) {
                if (event.kind() == ENTRY_CREATE) {
                    // Files may have landed in it before it was registered.
                    registerTree(path);
                    DocumentReader.files(path).forEach(this::touch);
                }
            } else {
                touch(path);
            }
        }
        if (!key.reset()) {
            keys.remove(key);
        }
    }

    private void touch(Path file) {
        pending.put(file, System.nanoTime());
    }

    private void readSettled() {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<Path, Long>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Long> e = it.next();
            if (now - e.getValue() >= settle.toNanos()) {
                it.remove();
                if (Files.isRegularFile(e.getKey())) {
                    readFile(e.getKey());
                }
            }
        }
    }

    private void readFile(Path file) {
        Set<String> ids = emitted.computeIfAbsent(file, f -> new HashSet<>());
        DocumentReader reader = new DocumentReader(source != null ? source : rootOf(file).toString(), clock.instant());
        reader.read(file, doc -> {
            if (ids.add(doc.getDocumentId())) {
                sink.accept(doc);
            }
        }, skipped);
    }

    private Path rootOf(Path file) {
        return roots.stream().filter(file::startsWith).findFirst().orElse(file.getParent());
    }

    private void registerTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path d : (Iterable<Path>) walk.filter(Files::isDirectory)::iterator) {
                if (!keys.containsValue(d)) {
                    keys.put(d.register(watcher, ENTRY_CREATE, ENTRY_MODIFY), d);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + dir, e);
        }
    }
}
