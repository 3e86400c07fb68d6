package io.wirestream.cli;

import io.wirestream.ingest.connect.DocumentPublisher;
import io.wirestream.ingest.connect.DocumentReader;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The file and stdin connector: publishes documents, untouched, to {@code news.documents}. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Publish documents from files, directories (recursively) or '-' (JSON Lines on standard input) to news.documents.")
final class IngestCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--source", paramLabel = "NAME", description = "Source name recorded on each document (default: the path).")
    String source;

    @Parameters(arity = "1..*", paramLabel = "PATH|-", description = ".jsonl/.ndjson/.json/.txt/.html files or directories, or - for stdin.")
    List<String> paths;

    @Override
    public Integer call() {
        ServiceSettings settings = connection.settings("connector");
        Topics topics = StreamsService.topics(settings);
        int skippedCount = 0;
        try (DocumentPublisher publisher = new DocumentPublisher(settings.bootstrapServers(), topics.documents())) {
            for (String p : paths) {
                DocumentReader reader = new DocumentReader(source != null ? source : p, Instant.now());
                if (p.equals("-")) {
                    reader.readJsonLines(System.in, "stdin", publisher::send);
                } else if (!Files.exists(Path.of(p))) {
                    System.err.println("no such file or directory: " + p);
                    return 2;
                } else {
                    int[] skipped = {0};
                    reader.read(Path.of(p), publisher::send, why -> {
                        skipped[0]++;
                        System.err.println("skipped " + why);
                    });
                    skippedCount += skipped[0];
                }
            }
            publisher.flush();
            System.out.printf("published %d documents to %s (%d files skipped)%n", publisher.sent(),
                    topics.documents().name(), skippedCount);
        }
        return 0;
    }
}
