package io.wirestream.cli;

import io.wirestream.ingest.connect.ConnectorException;
import io.wirestream.ingest.connect.DirectoryWatcher;
import io.wirestream.ingest.connect.DocumentPublisher;
import io.wirestream.ingest.connect.DocumentReader;
import io.wirestream.ingest.connect.FeedConnector;
import io.wirestream.ingest.connect.FeedStateStore;
import io.wirestream.ingest.connect.HttpPushServer;
import io.wirestream.model.SourceDocument;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The connectors as a command: files, directories and stdin once; directories watched ({@code --watch});
 * RSS/Atom feeds polled ({@code --feed}); articles pushed over HTTP ({@code --http-port}). Everything is
 * published, untouched, to {@code news.documents}. Long-running modes stop on Ctrl-C, or with exit code 1
 * when a document could not be published.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Publish documents to news.documents from files, directories (recursively) or '-' (JSON Lines "
                + "on standard input); keep watching directories (--watch); poll RSS/Atom feeds (--feed); accept "
                + "articles over HTTP (--http-port).",
                "",
                "Examples:",
                "  wirestream ingest articles/ more.jsonl",
                "  wirestream ingest --watch inbox/",
                "  wirestream ingest --feed https://news.example/rss --feed saved.atom --interval PT2M",
                "  wirestream ingest --feed https://news.example/rss --once",
                "  wirestream ingest --http-port 8088   # curl -XPOST localhost:8088/articles -d '{\"title\":..,\"text\":..}'"})
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--source", paramLabel = "NAME", description = "Source name recorded on each document (default: the path, feed or 'http').")
    String source;

    @Option(names = "--watch", description = "After publishing the given directories, keep publishing files created or modified in them.")
    boolean watch;

    @Option(names = "--feed", paramLabel = "URL|FILE", description = "RSS 2.0 or Atom feed to poll (repeatable).")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "PT5M", description = "Feed polling interval, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where feed state (seen items, ETags) is kept (default: ~/.wirestream/connectors).")
    Path stateDir;

    @Option(names = "--once", description = "Poll each feed once and exit.")
    boolean once;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Accept POST /articles (JSON article or array) on this port; 0 picks a free one.")
    Integer httpPort;

    @Option(names = "--http-host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Address the HTTP endpoint binds to (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String httpHost;

    @Option(names = "--http-max-body", paramLabel = "BYTES", defaultValue = "8388608", description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
    int httpMaxBody;

    @Parameters(arity = "0..*", paramLabel = "PATH|-", description = ".jsonl/.ndjson/.json/.txt/.html files or directories, or - for stdin.")
    List<String> paths = new ArrayList<>();

    /** Ctrl-C while connectors run; closed once everything is flushed and closed, which the hook waits for. */
    private CtrlC ctrlC;

    @Override
    public Integer call() {
        try {
            return ingest();
        } finally {
            if (ctrlC != null) {
                ctrlC.close();
            }
        }
    }

    private int ingest() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = validate();
        if (problem != null) {
            err.println(problem);
            err.flush();
            return 2;
        }
        ServiceSettings settings;
        try {
            settings = connection.settings("connector");
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        Topics topics = StreamsService.topics(settings);
        try (DocumentPublisher publisher = new DocumentPublisher(settings.bootstrapServers(), topics.documents())) {
            try {
                List<DirectoryWatcher> watchers = watch ? openWatchers(publisher, out, err) : List.of();
                if (!paths.isEmpty()) {
                    BulkResult bulk = bulk(publisher, err);
                    out.println(bulk.summary(topics.documents().name()));
                    out.flush();
                }
                if (!feeds.isEmpty() && once) {
                    return pollOnce(publisher, out, err);
                }
                if (watch || !feeds.isEmpty() || httpPort != null) {
                    return runUntilStopped(publisher, watchers, out, err);
                }
                return 0;
            } catch (IllegalStateException | KafkaException e) {
                err.println();
                err.println("error: " + e.getMessage());
                err.flush();
                return 1;
            }
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    /** Checks the arguments before anything connects; the message, or null when they make sense. */
    String validate() {
        if (paths.isEmpty() && feeds.isEmpty() && httpPort == null) {
            return "nothing to ingest: give PATH..., '-', --feed URL|FILE or --http-port PORT";
        }
        for (String p : paths) {
            if (p.equals("-")) {
                if (watch) {
                    return "--watch watches directories; it cannot watch standard input ('-')";
                }
            } else if (!Files.exists(Path.of(p))) {
                return "no such file or directory: " + p;
            } else if (watch && !Files.isDirectory(Path.of(p))) {
                return "--watch watches directories; not a directory: " + p;
            }
        }
        if (watch && paths.isEmpty()) {
            return "--watch needs at least one directory";
        }
        if (once && feeds.isEmpty()) {
            return "--once applies to feeds: give --feed URL|FILE";
        }
        if (once && (watch || httpPort != null)) {
            return "--once polls feeds once and exits; it cannot be combined with --watch or --http-port";
        }
        if (interval.isZero() || interval.isNegative()) {
            return "--interval must be positive, was " + interval;
        }
        if (httpPort != null && (httpPort < 0 || httpPort > 65_535)) {
            return "--http-port must be in 0..65535, was " + httpPort;
        }
        if (httpMaxBody < 1) {
            return "--http-max-body must be positive, was " + httpMaxBody;
        }
        for (String f : feeds) {
            String lower = f.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("http://") && !lower.startsWith("https://") && !Files.isRegularFile(Path.of(f))) {
                return "--feed takes an http(s) URL or a feed file; no such file: " + f;
            }
        }
        return null;
    }

    // ---- bulk: files, directories, stdin ----

    /** Published documents and skipped files by reason. */
    record BulkResult(long published, Map<String, Integer> skippedByReason) {
        String summary(String topic) {
            StringBuilder s = new StringBuilder("published " + published + " documents to " + topic);
            int skipped = skippedByReason.values().stream().mapToInt(Integer::intValue).sum();
            if (skipped > 0) {
                s.append("; skipped ").append(skipped).append(skipped == 1 ? " file: " : " files: ")
                        .append(skippedByReason.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                                .collect(Collectors.joining(", ")));
            }
            return s.toString();
        }
    }

    private BulkResult bulk(DocumentPublisher publisher, PrintWriter err) {
        List<Path> files = new ArrayList<>();
        boolean stdin = false;
        for (String p : paths) {
            if (p.equals("-")) {
                stdin = true;
            } else {
                files.addAll(DocumentReader.files(Path.of(p)));
            }
        }
        Progress progress = new Progress(stdin ? -1 : files.size(), System.nanoTime(),
                System.console() != null ? err : null);
        Map<String, Integer> skipped = new LinkedHashMap<>();
        long before = publisher.sent();
        Consumer<SourceDocument> sink = doc -> {
            publisher.send(doc);
            progress.document();
        };
        for (String p : paths) {
            DocumentReader reader = new DocumentReader(source != null ? source : p, Instant.now());
            if (p.equals("-")) {
                reader.readJsonLines(System.in, "stdin", sink);
                continue;
            }
            for (Path file : DocumentReader.files(Path.of(p))) {
                reader.read(file, sink, (f, why) -> {
                    skipped.merge(why, 1, Integer::sum);
                    progress.clear();
                    err.println("skipped " + f + ": " + why);
                    err.flush();
                });
                progress.file();
            }
        }
        publisher.flush();
        progress.done();
        return new BulkResult(publisher.sent() - before, skipped);
    }

    /**
     * The progress line of a bulk ingest on a terminal, overwritten in place with {@code \r}: files done of
     * the total when it is known, documents, rate and ETA. Silent when there is no terminal.
     */
    static final class Progress {
        private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
        private final long totalFiles;
        private final long startNanos;
        private final PrintWriter terminal;
        private long files;
        private long documents;
        private long lastDraw;
        private int lastWidth;

        Progress(long totalFiles, long startNanos, PrintWriter terminal) {
            this.totalFiles = totalFiles;
            this.startNanos = startNanos;
            this.terminal = terminal;
        }

        void document() {
            documents++;
            maybeDraw();
        }

        void file() {
            files++;
            maybeDraw();
        }

        void clear() {
            if (terminal != null && lastWidth > 0) {
                terminal.print("\r" + " ".repeat(lastWidth) + "\r");
                lastWidth = 0;
            }
        }

        void done() {
            if (terminal != null) {
                draw(System.nanoTime());
                terminal.println();
                terminal.flush();
            }
        }

        private void maybeDraw() {
            if (terminal == null) {
                return;
            }
            long now = System.nanoTime();
            if (now - lastDraw >= REDRAW_NANOS) {
                draw(now);
            }
        }

        private void draw(long now) {
            lastDraw = now;
            String line = line(files, totalFiles, documents, Duration.ofNanos(now - startNanos));
            terminal.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            terminal.flush();
            lastWidth = line.length();
        }

        /** One progress line; {@code totalFiles < 0} when the total is unknown (stdin). */
        static String line(long files, long totalFiles, long documents, Duration elapsed) {
            double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
            StringBuilder s = new StringBuilder();
            if (totalFiles >= 0) {
                s.append(files).append('/').append(totalFiles).append(" files, ");
            }
            s.append(documents).append(" documents, ").append(Math.round(documents / seconds)).append("/s");
            if (totalFiles > 0 && files > 0 && files < totalFiles) {
                long etaSeconds = Math.round(seconds * (totalFiles - files) / files);
                s.append(", ETA ").append(clock(etaSeconds));
            }
            return s.toString();
        }

        private static String clock(long seconds) {
            return seconds >= 3600
                    ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                    : String.format("%d:%02d", seconds / 60, seconds % 60);
        }
    }

    // ---- feeds ----

    private List<FeedConnector> feedConnectors() {
        Path dir = stateDir != null ? stateDir : Path.of(System.getProperty("user.home"), ".wirestream", "connectors");
        FeedStateStore store = new FeedStateStore(dir);
        HttpClient http = FeedConnector.defaultHttpClient();
        return feeds.stream()
                .map(f -> new FeedConnector(f, source, store, http, Clock.systemUTC(), FeedConnector.DEFAULT_MAX_SEEN))
                .toList();
    }

    private int pollOnce(DocumentPublisher publisher, PrintWriter out, PrintWriter err) {
        int failed = 0;
        long published = 0;
        for (FeedConnector feed : feedConnectors()) {
            try {
                FeedConnector.PollResult r = feed.poll(publisher::send, publisher::flush);
                published += r.emitted();
                out.println(describe(feed, r));
            } catch (ConnectorException e) {
                failed++;
                err.println("error: " + e.getMessage());
            }
        }
        out.printf("published %d documents from %d feeds%s%n", published, feeds.size(),
                failed > 0 ? " (" + failed + " failed)" : "");
        out.flush();
        err.flush();
        return failed > 0 ? 1 : 0;
    }

    private static String describe(FeedConnector feed, FeedConnector.PollResult r) {
        return r.notModified()
                ? "feed " + feed.feed() + ": not modified"
                : "feed " + feed.feed() + ": " + r.emitted() + " new of " + r.items() + " items";
    }

    // ---- long-running: watch, feeds, http ----

    private List<DirectoryWatcher> openWatchers(DocumentPublisher publisher, PrintWriter out, PrintWriter err) throws IOException {
        List<DirectoryWatcher> watchers = new ArrayList<>();
        for (String p : paths) {
            watchers.add(new DirectoryWatcher(List.of(Path.of(p)), source != null ? source : p, Clock.systemUTC(),
                    Duration.ofMillis(500), doc -> {
                        publisher.send(doc);
                        print(out, "published " + doc.getLocation());
                    }, (f, why) -> {
                        print(err, "skipped " + f + ": " + why);
                    }));
        }
        return watchers;
    }

    private int runUntilStopped(DocumentPublisher publisher, List<DirectoryWatcher> watchers, PrintWriter out,
            PrintWriter err) throws IOException {
        CountDownLatch stop = new CountDownLatch(1);
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        Consumer<Throwable> die = e -> {
            fatal.compareAndSet(null, e);
            stop.countDown();
        };
        ctrlC = CtrlC.install("wirestream-ingest-shutdown", stop::countDown, Duration.ofSeconds(30));

        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "wirestream-ingest-scheduler");
            t.setDaemon(true);
            return t;
        });
        List<Thread> watcherThreads = new ArrayList<>();
        HttpPushServer push = null;
        try {
            for (DirectoryWatcher w : watchers) {
                Thread t = new Thread(() -> {
                    try {
                        w.run();
                    } catch (RuntimeException e) {
                        die.accept(e);
                    }
                }, "wirestream-directory-watcher");
                t.setDaemon(true);
                t.start();
                watcherThreads.add(t);
            }
            if (!watchers.isEmpty()) {
                print(out, "watching " + String.join(", ", paths) + " (Ctrl-C to stop)");
                // Watched files are sent asynchronously; a periodic flush surfaces failed sends.
                scheduler.scheduleWithFixedDelay(guard(publisher::flush, die), 2, 2, TimeUnit.SECONDS);
            }
            if (!feeds.isEmpty()) {
                List<FeedConnector> connectors = feedConnectors();
                scheduler.scheduleWithFixedDelay(guard(() -> {
                    for (FeedConnector feed : connectors) {
                        try {
                            FeedConnector.PollResult r = feed.poll(publisher::send, publisher::flush);
                            if (r.emitted() > 0) {
                                print(out, describe(feed, r));
                            }
                        } catch (ConnectorException e) {
                            print(err, "error: " + e.getMessage() + " (retrying in " + interval + ")");
                        }
                    }
                }, die), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
                print(out, "polling " + feeds.size() + (feeds.size() == 1 ? " feed" : " feeds") + " every " + interval
                        + " (Ctrl-C to stop)");
            }
            if (httpPort != null) {
                push = new HttpPushServer(new InetSocketAddress(httpHost, httpPort), source != null ? source : "http",
                        publisher::send, publisher::flush, Clock.systemUTC(), httpMaxBody).start();
                print(out, "accepting POST http://" + httpHost + ":" + push.port() + "/articles, GET /health (Ctrl-C to stop)");
            }
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (push != null) {
                push.close();
            }
            for (DirectoryWatcher w : watchers) {
                w.close();
            }
        }
        if (fatal.get() != null) {
            print(err, "error: " + fatal.get().getMessage());
            return 1;
        }
        publisher.flush();
        print(out, "stopped; published " + publisher.sent() + " documents in total");
        return 0;
    }

    private static Runnable guard(Runnable task, Consumer<Throwable> die) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                die.accept(e);
            }
        };
    }

    private static void print(PrintWriter w, String line) {
        synchronized (w) {
            w.println(line);
            w.flush();
        }
    }
}
