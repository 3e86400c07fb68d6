package io.wirestream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.cli.bench.ArticleGenerator;
import io.wirestream.cli.bench.BenchResult;
import io.wirestream.cli.bench.PipelineBench;
import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackConfig;
import io.wirestream.ingest.IngestService;
import io.wirestream.ingest.connect.DocumentPublisher;
import io.wirestream.ingest.connect.DocumentReader;
import io.wirestream.model.topic.TopicProvisioner;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code wirestream bench}: the whole pipeline measured end to end against Kafka (throughput, latency per
 * original, per-stage rates, state, heap, CPU) beside a pass-through application as the ceiling;
 * {@code bench ingest}: the ingest service alone.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the whole pipeline end to end: generate N articles with a share of syndicated copies, publish"
                + " them to news.documents at a rate, run the ingest, dedup and tagger services (exactly-once) until every"
                + " document is decided and every original enriched, then run a pass-through Kafka Streams application over the"
                + " same documents as the ceiling. First the same on --warmup other articles, not measured, so that the measured"
                + " run sees compiled code, and --prime others through the measured run's own services just before it."
                + " Reports per-stage rates, latency, state size, heap, CPU by thread group and what each run wrote to"
                + " Kafka per topic. Runs on the in-process dev stack unless --bootstrap-servers is given;"
                + " every run uses topics and application ids under a fresh prefix.",
                "The last line is: RESULT articles_per_s=… ceiling_per_s=… ratio=… p50_ms=… p95_ms=… p99_ms=…"},
        subcommands = {BenchCommand.Ingest.class})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "5000", description = "Articles to generate (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--rate", paramLabel = "R|max", defaultValue = "max",
            description = "Documents per second, on a wall-clock schedule, or max (default: ${DEFAULT-VALUE}).")
    String rate;

    @Option(names = "--duplicates", paramLabel = "SHARE", defaultValue = "0.3",
            description = "Share of the articles that are near-copies of earlier originals, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double duplicates;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "6", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--words", defaultValue = "400", description = "Body words per original (default: ${DEFAULT-VALUE}).")
    int words;

    @Option(names = "--seed", defaultValue = "7", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timeout", defaultValue = "PT10M", description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2000",
            description = "Articles to run through the pipeline and the pass-through first, not measured, so that the measured"
                    + " run sees compiled code as a long-running service does; 0, with --prime 0, measures a cold JVM (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--prime", paramLabel = "N", defaultValue = "1000",
            description = "Articles to run through the measured run's own services and topics, at its rate, just before the"
                    + " measured articles and left out of every figure but state size and heap, so that these meet services"
                    + " already at work, as in a deployment, rather than just started; 0 measures from the services' start"
                    + " (default: ${DEFAULT-VALUE}).")
    int prime;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Write a CPU profile of the measured run (async-profiler: every thread, Java, native and, with perf"
                    + " events, kernel frames; Linux x64 and arm64) to FILE, and one of the 7-hop ceiling beside it (FILE with"
                    + " -ceiling before the extension): .html is a flame graph, .collapsed one line per stack. Sampling costs"
                    + " CPU: compare such runs with each other only.")
    Path profile;

    @Option(names = "--keep-topics", description = "On a given cluster, keep the run's topics and consumer groups (deleted by default).")
    boolean keepTopics;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PipelineBench.Config config;
        try {
            config = new PipelineBench.Config(articles, parseRate(rate), duplicates, partitions, words, seed, timeout, keepTopics, warmup, prime,
                    profile);
            PipelineBench.checkProfiler(config);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Properties cluster = connection.properties();
        cluster.remove(ServiceSettings.TOPICS_PREFIX);
        String basePrefix = connection.topicPrefix == null ? "" : connection.topicPrefix;
        Path work = Files.createTempDirectory("wirestream-bench-");
        try {
            out.printf(Locale.ROOT, "Wirestream bench: %d articles (%.0f%% copies), rate %s, %d partitions, on %s%n", articles,
                    duplicates * 100, rate, partitions, cluster.getProperty(ServiceSettings.BOOTSTRAP_SERVERS) == null
                            ? "the in-process dev stack" : cluster.getProperty(ServiceSettings.BOOTSTRAP_SERVERS));
            out.flush();
            // The environment's WIRESTREAM_* keys describe a real cluster: not for the dev stack.
            Map<String, String> env = cluster.getProperty(ServiceSettings.BOOTSTRAP_SERVERS) == null ? Map.of() : System.getenv();
            BenchResult result = new PipelineBench(config, cluster, env, basePrefix, work).run(line -> {
                out.println("  " + line);
                out.flush();
            });
            result.print(out);
            return 0;
        } finally {
            DemoCommand.deleteTree(work);
        }
    }

    private static double parseRate(String rate) {
        if (rate.equalsIgnoreCase("max")) {
            return 0;
        }
        try {
            double r = Double.parseDouble(rate);
            if (r > 0 && Double.isFinite(r)) {
                return r;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--rate must be a positive number of documents per second or 'max', was '" + rate + "'");
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Generate N article files in a directory, publish them with the file connector and run the ingest"
                    + " service until every one is on news.articles.raw; report articles/s and MB/s.")
    static final class Ingest implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--articles", defaultValue = "10000", description = "Articles to generate (default: ${DEFAULT-VALUE}).")
        int articles;

        @Option(names = "--words", defaultValue = "500", description = "Words per article (default: ${DEFAULT-VALUE}).")
        int words;

        @Option(names = "--partitions", defaultValue = "6", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
        int partitions;

        @Option(names = "--timeout", defaultValue = "PT10M", description = "Give up after this long (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path work = Files.createTempDirectory("wirestream-bench-");
            try {
                Path dir = Files.createDirectories(work.resolve("articles"));
                long bytes = writeArticles(dir);
                out.printf(Locale.ROOT, "generated %d article files, %.1f MB, in %s%n", articles, bytes / 1e6, dir);
                out.flush();
                try (DevStack stack = DevStack.start(DevStackConfig.defaults().withDataDir(work.resolve("stack")))) {
                    Properties p = new Properties();
                    p.setProperty(ServiceSettings.BOOTSTRAP_SERVERS, stack.bootstrapServers());
                    p.setProperty(ServiceSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
                    p.setProperty(ServiceSettings.STATE_DIR, work.resolve("state").toString());
                    p.setProperty(ServiceSettings.TOPICS_PARTITIONS, Integer.toString(partitions));
                    ServiceSettings settings = ServiceSettings.parse(IngestService.NAME, p, Map.of());
                    Topics topics = StreamsService.topics(settings);
                    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
                        TopicProvisioner.createMissing(admin, topics.all());
                    }
                    try (StreamsService ingest = IngestService.start(settings)) {
                        if (!ingest.awaitRunning(Duration.ofMinutes(1))) {
                            throw new IllegalStateException("ingest service did not start: " + ingest.state());
                        }
                        long t0 = System.nanoTime();
                        AtomicLong published = new AtomicLong();
                        try (DocumentPublisher publisher = new DocumentPublisher(stack.bootstrapServers(), topics.documents())) {
                            new DocumentReader("bench", Instant.now()).read(dir, d -> {
                                publisher.send(d);
                                published.incrementAndGet();
                            }, why -> { });
                            publisher.flush();
                        }
                        double publishSeconds = (System.nanoTime() - t0) / 1e9;
                        out.printf(Locale.ROOT, "connector: %d documents in %.2f s = %.0f docs/s, %.1f MB/s%n", published.get(),
                                publishSeconds, published.get() / publishSeconds, bytes / 1e6 / publishSeconds);
                        out.flush();
                        long raw = awaitRaw(stack, topics.articlesRaw().name(), published.get(), t0);
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        out.printf(Locale.ROOT, "ingest service: %d articles on %s %.2f s after the first document = %.0f articles/s, %.1f MB/s"
                                        + " (exactly-once, %d partitions, one instance, 2 hops of repartitioning)%n",
                                raw, topics.articlesRaw().name(), seconds, raw / seconds, bytes / 1e6 / seconds, partitions);
                        out.printf(Locale.ROOT, "RESULT articles=%d seconds=%.2f articles_per_s=%.0f mb_per_s=%.2f connector_docs_per_s=%.0f%n",
                                raw, seconds, raw / seconds, bytes / 1e6 / seconds, published.get() / publishSeconds);
                        out.flush();
                    }
                }
                return 0;
            } finally {
                DemoCommand.deleteTree(work);
            }
        }

        private long writeArticles(Path dir) throws IOException {
            ObjectMapper json = new ObjectMapper();
            List<ObjectNode> generated = new ArticleGenerator(7).generate(articles, 0.3, words);
            long bytes = 0;
            for (int i = 0; i < generated.size(); i++) {
                byte[] content = json.writeValueAsBytes(generated.get(i));
                Files.write(dir.resolve(String.format(Locale.ROOT, "article-%06d.json", i)), content);
                bytes += content.length;
            }
            return bytes;
        }

        private long awaitRaw(DevStack stack, String topic, long expected, long t0) {
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + System.nanoTime(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(topic));
                long count = 0;
                while (count < expected) {
                    if (System.nanoTime() - t0 > timeout.toNanos()) {
                        throw new IllegalStateException("only " + count + " of " + expected + " articles arrived within " + timeout);
                    }
                    count += consumer.poll(Duration.ofMillis(200)).count();
                }
                return count;
            }
        }
    }
}
