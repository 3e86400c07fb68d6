package io.wirestream.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.dedup.DedupService;
import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackConfig;
import io.wirestream.ingest.IngestService;
import io.wirestream.ingest.connect.DocumentPublisher;
import io.wirestream.ingest.connect.DocumentReader;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.DuplicateStatus;
import io.wirestream.model.SourceDocument;
import io.wirestream.model.topic.Topic;
import io.wirestream.model.topic.TopicProvisioner;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import io.wirestream.tagger.TaggerService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The whole pipeline measured end to end: generated articles published at a given rate through the
 * connectors' publisher to {@code news.documents}, the ingest, dedup and tagger services running with
 * exactly-once on topics under a fresh prefix, the output watched until every document is decided and
 * every original enriched; then, in the same run, a pass-through application over the same documents as the
 * ceiling. On the in-process dev stack unless a cluster is given.
 */
public final class PipelineBench {

    /**
     * How long every topic of a run must stay unchanged before the pipeline counts as settled, at least: twenty of
     * the services' default 50 ms commit intervals, and so several trips around dedup's loop ({@link #quiet}).
     */
    static final Duration QUIET = Duration.ofSeconds(1);
    /** How many of the articles decided otherwise than the generator made them the report lists (lowest generated numbers). */
    static final int MAX_WRONG = 10;

    /**
     * What to run.
     *
     * @param articles   documents to generate and publish
     * @param rate       documents per second, 0 for as fast as possible
     * @param duplicates share of the documents that are copies of earlier originals, in [0, 1)
     * @param partitions partitions of every topic
     * @param words      body words per original
     * @param seed       generator seed
     * @param timeout    how long to wait for the pipeline, and for the pass-through application
     * @param keepTopics on a given cluster, keep the run's topics (they are deleted otherwise)
     * @param warmup     articles to run through the pipeline and the pass-through first, unmeasured, so that
     *                   the measured run sees compiled code, as a long-running service does (0: none)
     * @param prime      articles to run through the measured run's own services and topics, at its rate, before
     *                   the measured articles, and left out of every figure but state size and heap: the measured
     *                   articles then meet services that are already processing, as in a deployment, not ones
     *                   that have just started (0: none)
     * @param profile    where to write a CPU profile of the measured run (async-profiler, every thread), and of the
     *                   7-hop ceiling beside it ({@code name-ceiling.ext}); null: none
     */
    public record Config(int articles, double rate, double duplicates, int partitions, int words, long seed,
                         Duration timeout, boolean keepTopics, int warmup, int prime, Path profile) {
        public Config {
            if (articles < 1) {
                throw new IllegalArgumentException("--articles must be >= 1, was " + articles);
            }
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("--rate must be a positive number of documents per second or 'max', was " + rate);
            }
            if (!(duplicates >= 0 && duplicates < 1)) {
                throw new IllegalArgumentException("--duplicates must be in [0, 1), was " + duplicates);
            }
            if (partitions < 1) {
                throw new IllegalArgumentException("--partitions must be >= 1, was " + partitions);
            }
            if (warmup < 0) {
                throw new IllegalArgumentException("--warmup must be >= 0, was " + warmup);
            }
            if (prime < 0) {
                throw new IllegalArgumentException("--prime must be >= 0, was " + prime);
            }
        }

        /** As above, without a profile. */
        public Config(int articles, double rate, double duplicates, int partitions, int words, long seed,
                      Duration timeout, boolean keepTopics, int warmup, int prime) {
            this(articles, rate, duplicates, partitions, words, seed, timeout, keepTopics, warmup, prime, null);
        }

        /** The warm-up run: {@code warmup} other articles (another seed), not primed, the same settings otherwise. */
        Config warmupRun() {
            return new Config(warmup, rate, duplicates, partitions, words, seed + 1, timeout, keepTopics, 0, 0);
        }

        /** The priming articles (when {@code prime > 0}): {@code prime} others again (a third seed), at the run's rate. */
        Config primingRun() {
            return new Config(prime, rate, duplicates, partitions, words, seed + 2, timeout, keepTopics, 0, 0);
        }
    }

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final List<String> SERVICES = List.of(IngestService.NAME, DedupService.NAME, TaggerService.NAME);

    private final Config config;
    private final Properties connection;
    private final Map<String, String> env;
    private final Path workDir;
    private final String prefix;
    /** Null unless {@code config.profile()} names a file. */
    private final Profiler profiler;

    /**
     * Fails fast on a {@code --profile} the bench could not write (an unknown format, a directory it cannot write to),
     * or no profiler library for this platform.
     *
     * @throws IllegalArgumentException saying why
     */
    public static void checkProfiler(Config config) {
        if (config.profile() != null) {
            Profiler.load(config.profile());
        }
    }

    /**
     * @param connection properties naming a cluster ({@code bootstrap.servers}, {@code schema.registry.url},
     *                   auth, any client keys), or none of them for the in-process dev stack
     * @param env        environment fallbacks for a given cluster ({@code WIRESTREAM_…})
     * @param basePrefix prefix put before the run's own ({@code bench-<time>-<random>.})
     * @param workDir    broker data and the services' state (deleted by the caller)
     */
    public PipelineBench(Config config, Properties connection, Map<String, String> env, String basePrefix, Path workDir) {
        this(config, connection, env, workDir, basePrefix + "bench-" + RUN_ID.format(Instant.now()) + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000)) + ".");
    }

    private PipelineBench(Config config, Properties connection, Map<String, String> env, Path workDir, String prefix) {
        this.config = config;
        this.connection = connection;
        this.env = env;
        this.workDir = workDir;
        this.prefix = prefix;
        this.profiler = config.profile() == null ? null : Profiler.load(config.profile());
    }

    /** Runs the bench (first the warm-up, when asked for); {@code progress} hears what happens. */
    public BenchResult run(Consumer<String> progress) throws InterruptedException {
        boolean devStack = connection.getProperty(ServiceSettings.BOOTSTRAP_SERVERS) == null;
        long t0 = System.currentTimeMillis();
        try (DevStack stack = devStack ? DevStack.start(DevStackConfig.defaults().withDataDir(workDir.resolve("devstack"))) : null) {
            Properties base = new Properties();
            base.putAll(connection);
            if (stack != null) {
                base.setProperty(ServiceSettings.BOOTSTRAP_SERVERS, stack.bootstrapServers());
                base.setProperty(ServiceSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
                progress.accept("dev stack up: Kafka " + stack.bootstrapServers() + " (KRaft, in-process), schema registry "
                        + stack.schemaRegistryUrl() + " in " + (System.currentTimeMillis() - t0) + " ms");
            }
            if (config.warmup() > 0) {
                PipelineBench warm = new PipelineBench(config.warmupRun(), connection, env, workDir,
                        prefix.substring(0, prefix.length() - 1) + "-warmup.");
                progress.accept("warm-up, not measured: " + config.warmup() + " other articles through the pipeline and the"
                        + " pass-through, topic prefix " + warm.prefix);
                BenchResult w;
                try {
                    // Its own progress is left out, but not what it could not clean up.
                    w = warm.measure(base, devStack, line -> {
                        if (line.startsWith("could not")) {
                            progress.accept("warm-up: " + line);
                        }
                    });
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("warm-up failed: " + e.getMessage(), e);
                }
                Long jit = w.resources().cpuByThreadGroup().get(ThreadCpu.JIT);
                progress.accept(String.format(Locale.ROOT, "warm-up done (cold JVM): %.1f articles/s, ceiling %.1f/s, ratio %.3f,"
                                + " p99 %.0f ms; JIT compiler threads %s of its CPU", w.articlesPerSecond(), w.ceiling().perSecond(),
                        w.ratio(), w.latency().p99(), jit == null || w.resources().cpuNanos() <= 0 ? "n/a"
                                : String.format(Locale.ROOT, "%.0f %%", 100.0 * jit / w.resources().cpuNanos())));
            }
            return measure(base, devStack, progress);
        }
    }

    /** One run under this bench's prefix: generate, publish, process, collect, then the pass-through. */
    private BenchResult measure(Properties base, boolean devStack, Consumer<String> progress) throws InterruptedException {
        List<ArticleGenerator.Article> articles = new ArticleGenerator(config.seed())
                .articles(config.articles(), config.duplicates(), config.words());
        List<SourceDocument> documents = documents(articles);
        progress.accept(String.format(Locale.ROOT, "generated %d articles (%d copies of earlier originals), %.1f MB of JSON",
                articles.size(), articles.stream().filter(a -> !a.original()).count(),
                documents.stream().mapToLong(d -> d.getContent().remaining()).sum() / 1e6));
        ServiceSettings benchSettings = settings(base, "bench");
        progress.accept("cluster " + benchSettings.bootstrapServers() + ", topic prefix " + prefix);
        try {
            return run(base, benchSettings, articles, documents, devStack, progress);
        } finally {
            if (!devStack && !config.keepTopics()) {
                deleteRunTopics(benchSettings, progress);
            }
        }
    }

    private BenchResult run(Properties base, ServiceSettings benchSettings, List<ArticleGenerator.Article> articles,
                            List<SourceDocument> documents, boolean devStack, Consumer<String> progress) throws InterruptedException {
        Topics topics = StreamsService.topics(benchSettings);
        List<Topic<String, SourceDocument>> hops = new ArrayList<>(PassThrough.hops(topics, prefix, PassThrough.PIPELINE_HOPS));
        hops.addAll(PassThrough.hops(topics, prefix, PassThrough.SERVICE_HOPS));
        List<Topic<?, ?>> terminal = List.of(topics.enriched(), hops.get(PassThrough.PIPELINE_HOPS - 1), hops.get(hops.size() - 1));
        try (Admin admin = Admin.create(adminConfig(benchSettings))) {
            // Terminal topics get the broker's clock, so a consumer reads append times off them.
            createWithLogAppendTime(admin, terminal);
            TopicProvisioner.createMissing(admin, topics.all());
            TopicProvisioner.createMissing(admin, List.copyOf(hops));
        }
        progress.accept(String.format(Locale.ROOT, "created %d topics with %d partitions each (%s with"
                + " message.timestamp.type=LogAppendTime)", topics.all().size() + hops.size(), config.partitions(),
                terminal.stream().map(Topic::name).collect(Collectors.joining(", "))));

        Map<String, ServiceSettings> serviceSettings = new LinkedHashMap<>();
        SERVICES.forEach(s -> serviceSettings.put(s, settings(base, s)));
        long[] stateBytes = new long[SERVICES.size()];
        List<StreamsService> services = new ArrayList<>();
        StageCollector collector;
        Map<String, Long> sentAt = new HashMap<>();
        long firstSend;
        ThreadCpu.Used used;
        long heapUsed;
        Map<TopicPartition, Long> primed = Map.of();
        Calibration calibration = new Calibration();
        double[] speed = new double[3];
        try {
            long t0 = System.currentTimeMillis();
            services.add(IngestService.start(serviceSettings.get(IngestService.NAME)));
            services.add(DedupService.start(serviceSettings.get(DedupService.NAME)));
            services.add(TaggerService.start(serviceSettings.get(TaggerService.NAME)));
            for (StreamsService s : services) {
                if (!s.awaitRunning(config.timeout())) {
                    throw new IllegalStateException(s.settings().service() + " did not reach RUNNING within " + config.timeout()
                            + " (state " + s.state() + ")");
                }
            }
            progress.accept("services running: ingest, dedup, tagger (exactly_once_v2, one stream thread each) in "
                    + (System.currentTimeMillis() - t0) + " ms");
            Set<String> primedArticles = Set.of();
            if (config.prime() > 0) {
                primedArticles = prime(benchSettings, topics, services, progress);
                primed = endOffsets(benchSettings);
            }

            // After priming, from the offsets it left (those the traffic tables count from): the measured articles only.
            collector = new StageCollector(benchSettings.bootstrapServers(), topics, documents.size(), primed, primedArticles);
            try (collector) {
                collector.start();
                speed[0] = calibration.microsPerArticle();
                ThreadCpu.Window window = ThreadCpu.Window.open();
                if (profiler != null) {
                    profiler.start();
                }
                try {
                    firstSend = publish(benchSettings.bootstrapServers(), topics.documents(), documents, sentAt, progress);
                    awaitPipeline(collector, services, firstSend, documents.size());
                    used = window.close(prefix);
                } finally {
                    if (profiler != null) {
                        progress.accept("profile of the measured run: " + profiler.stop(config.profile()));
                    }
                }
                Runtime rt = Runtime.getRuntime();
                heapUsed = rt.totalMemory() - rt.freeMemory();
                progress.accept(String.format(Locale.ROOT, "pipeline done %.2f s after the first send",
                        (System.currentTimeMillis() - firstSend) / 1000.0));
                progress.accept(settle(benchSettings, collector));
            }
        } finally {
            services.forEach(StreamsService::close);
        }
        for (int i = 0; i < SERVICES.size(); i++) {
            ServiceSettings s = serviceSettings.get(SERVICES.get(i));
            stateBytes[i] = size(s.stateDir().resolve(s.applicationId()));
        }
        if (!collector.enrichedLogAppendTime) {
            throw new IllegalStateException("records on " + topics.enriched().name() + " do not carry the broker's LogAppendTime"
                    + " although the bench created the topic with it; latencies would be wrong");
        }

        String passThroughTopics = prefix + PassThrough.topicPrefix(PassThrough.PIPELINE_HOPS);
        List<BenchResult.Traffic> traffic = traffic(benchSettings, name -> !name.startsWith(prefix + "bench.passthrough-"), primed);

        String documentsTopic = topics.documents().name();
        Map<TopicPartition, Long> measuredDocuments = primed.entrySet().stream().filter(e -> e.getKey().topic().equals(documentsTopic))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<BenchResult.Ceiling> ceilings = new ArrayList<>();
        speed[1] = calibration.microsPerArticle();
        for (int n : new int[] {PassThrough.PIPELINE_HOPS, PassThrough.SERVICE_HOPS}) {
            progress.accept("pass-through application over the same " + documents.size() + " documents, " + n + " hops");
            boolean profiled = profiler != null && n == PassThrough.PIPELINE_HOPS;
            if (profiled) {
                profiler.start();
            }
            try {
                ceilings.add(PassThrough.run(settings(base, PassThrough.service(n)), prefix, n, measuredDocuments, documents.size(),
                        config.timeout()));
            } finally {
                if (profiled) {
                    progress.accept("profile of the " + n + "-hop ceiling: "
                            + profiler.stop(Profiler.withSuffix(config.profile(), "ceiling")));
                }
            }
        }
        speed[2] = calibration.microsPerArticle();
        progress.accept(speedLine(speed));
        List<BenchResult.Traffic> ceilingTraffic = traffic(benchSettings,
                name -> name.startsWith(passThroughTopics) || name.equals(documentsTopic), primed);

        // The end, as for the ceiling: the last record on the last hop (every original enriched), or the last
        // decision if that came later (the last documents may all be copies).
        long pipelineEnd = Math.max(collector.lastNewDecisionAt,
                collector.enrichedAt.values().stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE));
        return new BenchResult(documents.size(), (int) articles.stream().filter(a -> !a.original()).count(),
                collector.accounted(), collector.deadLetterReasons.size(), quality(articles, documents, collector.decisions, collector.documentOf, collector.corrections),
                stages(collector), latency(collector, sentAt),
                documents.size() * 1000.0 / Math.max(1, pipelineEnd - firstSend),
                pipelineEnd - firstSend, ceilings.get(0), ceilings.get(1),
                new BenchResult.Resources(stateBytes, heapUsed, Runtime.getRuntime().maxMemory(), used.cpuNanos(),
                        used.wallNanos(), devStack, used.byGroup()), traffic, ceilingTraffic);
    }

    /**
     * What the run's topics accepted since {@code before} (end offsets after priming; none: since they were
     * created): offsets used (records and transaction markers) and log bytes on the brokers (what is left:
     * repartition topics are purged as they are consumed; after priming, the share of the log its offsets
     * make), for the run's topics that {@code include} names and that took anything.
     */
    private List<BenchResult.Traffic> traffic(ServiceSettings settings, java.util.function.Predicate<String> include,
                                              Map<TopicPartition, Long> before) throws InterruptedException {
        try (Admin admin = Admin.create(adminConfig(settings))) {
            Map<TopicPartition, Integer> leaders = new HashMap<>();
            Map<TopicPartition, Long> ends = endOffsets(admin, include, leaders);
            // The run created these topics, so offsets count from 0; the log start offset only tells what is still
            // on disk, because Kafka Streams deletes what it has consumed from its repartition topics.
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            ends.keySet().forEach(tp -> earliest.put(tp, OffsetSpec.earliest()));
            Map<String, Long> kept = new HashMap<>();
            admin.listOffsets(earliest).all().get().forEach((tp, info) -> kept.merge(tp.topic(), ends.get(tp) - info.offset(), Long::sum));
            Map<String, Long> since = new HashMap<>();
            ends.forEach((tp, end) -> since.merge(tp.topic(), end - before.getOrDefault(tp, 0L), Long::sum));
            Map<String, Long> bytes = leaderLogBytes(admin, leaders);
            // After priming, the measured share of what is on disk: all of it once the priming records are purged.
            return since.keySet().stream().filter(n -> since.get(n) > 0).sorted()
                    .map(n -> new BenchResult.Traffic(n.substring(prefix.length()), since.get(n), bytes == null ? -1
                            : Math.round(bytes.getOrDefault(n, 0L) * Math.min(1.0, (double) since.get(n) / Math.max(1L, kept.get(n))))))
                    .toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the run's topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** End offsets of every partition of the run's topics. */
    private Map<TopicPartition, Long> endOffsets(ServiceSettings settings) throws InterruptedException {
        try (Admin admin = Admin.create(adminConfig(settings))) {
            return endOffsets(admin, name -> true, new HashMap<>());
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the run's topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** End offsets of the partitions of the run's topics that {@code include} names; fills in their leaders. */
    private Map<TopicPartition, Long> endOffsets(Admin admin, java.util.function.Predicate<String> include,
                                                 Map<TopicPartition, Integer> leaders) throws ExecutionException, InterruptedException {
        List<String> names = admin.listTopics().names().get().stream()
                .filter(n -> n.startsWith(prefix) && include.test(n)).sorted().toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(names).allTopicNames().get().values().forEach(d -> d.partitions().forEach(p -> {
            TopicPartition tp = new TopicPartition(d.name(), p.partition());
            latest.put(tp, OffsetSpec.latest());
            leaders.put(tp, p.leader() == null ? -1 : p.leader().id());
        }));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /**
     * Publishes the priming articles at the run's rate through the measured run's topics and waits until each
     * is decided and every original enriched. They have their own seed and their own addresses, so no
     * measured article is a revision or a copy of one.
     *
     * @return the priming articles' ids
     */
    private Set<String> prime(ServiceSettings settings, Topics topics, List<StreamsService> services, Consumer<String> progress)
            throws InterruptedException {
        Config p = config.primingRun();
        List<ArticleGenerator.Article> articles = new ArticleGenerator(p.seed()).articles(p.articles(), p.duplicates(), p.words());
        articles.forEach(a -> a.json().put("url", a.json().get("url").asText().replace("/world/", "/world/priming-")));
        List<SourceDocument> docs = documents(articles);
        long t0 = System.currentTimeMillis();
        Set<String> articleIds;
        StageCollector primingCollector = new StageCollector(settings.bootstrapServers(), topics, docs.size(), Map.of(), Set.of());
        try (primingCollector) {
            primingCollector.start();
            long first = publish(settings.bootstrapServers(), topics.documents(), docs, new HashMap<>(), line -> { });
            awaitPipeline(primingCollector, services, first, docs.size());
            settle(settings, primingCollector);
        }
        articleIds = Set.copyOf(primingCollector.documentOf.keySet());      // the collector is closed: safe to read
        progress.accept(String.format(Locale.ROOT, "primed the running services with %d other articles through the run's topics"
                + " at its rate, done in %.1f s; they are left out of every figure below but state size and heap", docs.size(),
                (System.currentTimeMillis() - t0) / 1000.0));
        return articleIds;
    }

    /**
     * The machine's speed at the three points {@link Calibration} measures, and a warning when it changed by more
     * than a fifth: the pipeline and its ceiling then ran on a different machine, in effect.
     */
    static String speedLine(double[] micros) {
        double min = Math.min(micros[0], Math.min(micros[1], micros[2]));
        double max = Math.max(micros[0], Math.max(micros[1], micros[2]));
        String line = String.format(Locale.ROOT, "machine speed: fingerprinting one generated article took %.1f / %.1f / %.1f µs of"
                + " one thread's CPU before the measured run, between it and the ceiling, after the ceiling (best of %d rounds)",
                micros[0], micros[1], micros[2], Calibration.ROUNDS);
        return max > 1.2 * min
                ? line + String.format(Locale.ROOT, "; WARNING: %.0f %% apart, so the machine ran at different speeds during this"
                        + " run and the ratio to the ceiling is not reliable", 100 * (max / min - 1))
                : line;
    }

    /**
     * After the collector is done (where the run's figures end): waits until the pipeline has settled, that is
     * until no topic of the run has taken a record for the quiet time ({@link #QUIET}, or twenty commit intervals
     * if those are longer) and the collector has read all of them, so that a correction still in the dedup loop when
     * the last article was decided is counted. Fails after the timeout, or when the collector failed. Returns a
     * line saying how long that took and what came late.
     */
    private String settle(ServiceSettings settings, StageCollector collector) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + config.timeout().toNanos();
        Duration quiet = quiet(settings);
        try (Admin admin = Admin.create(adminConfig(settings))) {
            Map<TopicPartition, Long> ends = endOffsets(admin, name -> true, new HashMap<>());
            while (true) {
                LockSupport.parkNanos(quiet.toNanos());
                Map<TopicPartition, Long> again = endOffsets(admin, name -> true, new HashMap<>());
                if (again.equals(ends) && collector.awaitRead(ends, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                    // What the collector waited for may have started more work.
                    again = endOffsets(admin, name -> true, new HashMap<>());
                    if (again.equals(ends)) {
                        break;
                    }
                }
                collector.rethrowFailure();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the pipeline did not settle within " + config.timeout()
                            + ": its topics kept taking records, or the collector could not read them");
                }
                ends = again;
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the run's topics: " + e.getCause().getMessage(), e.getCause());
        }
        collector.close();
        return String.format(Locale.ROOT, "settled %.1f s after done (no topic of the run took a record for %d ms): %d decisions"
                        + " arrived after done, counted in the decisions below but not in the rates and latencies",
                (System.nanoTime() - start) / 1e9, quiet.toMillis(), collector.decisionsAfterDone);
    }

    /** {@link #QUIET}, or twenty of the services' commit intervals if that is longer (a commit gates what is visible). */
    static Duration quiet(ServiceSettings settings) {
        String interval = settings.streamsProperties("dlq").getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                ServiceSettings.DEFAULT_COMMIT_INTERVAL_MS);
        Duration twenty = Duration.ofMillis(20 * Long.parseLong(interval.strip()));
        return twenty.compareTo(QUIET) > 0 ? twenty : QUIET;
    }

    /** Waits for the collector, failing fast when a service stops or the timeout passes. */
    private void awaitPipeline(StageCollector collector, List<StreamsService> services, long firstSend, int documents)
            throws InterruptedException {
        long deadline = firstSend + config.timeout().toMillis();
        while (!collector.await(Duration.ofMillis(500))) {
            String stopped = services.stream().filter(s -> s.state() == KafkaStreams.State.ERROR
                            || s.state() == KafkaStreams.State.PENDING_ERROR || s.state() == KafkaStreams.State.NOT_RUNNING)
                    .map(s -> s.settings().service() + " " + s.state()).collect(Collectors.joining(", "));
            if (!stopped.isEmpty() || System.currentTimeMillis() > deadline) {
                collector.close();
                throw new IllegalStateException(String.format(Locale.ROOT, "pipeline not done %s: %d of %d documents decided,"
                                + " %d dead letters, %d enriched", stopped.isEmpty() ? "within " + config.timeout()
                                : "(service stopped: " + stopped + ")", collector.decisions.size(), documents,
                        collector.deadLetterReasons.size(), collector.enrichedAt.size()));
            }
        }
    }

    /** The generated articles as the file connector would read them, one JSON document each. */
    static List<SourceDocument> documents(List<ArticleGenerator.Article> articles) {
        ObjectMapper json = new ObjectMapper();
        DocumentReader reader = new DocumentReader("bench", Instant.now());
        List<SourceDocument> docs = new ArrayList<>(articles.size());
        for (ArticleGenerator.Article a : articles) {
            try {
                docs.add(reader.document(String.format(Locale.ROOT, "bench/article-%06d.json", a.index()), "application/json",
                        json.writeValueAsBytes(a.json())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return docs;
    }

    /**
     * Publishes on a wall-clock schedule (document i is due i/rate seconds after the first; when behind, the
     * due ones go out at once), each stamped with its send time as fetch time and so as record timestamp.
     * Returns the first send time.
     */
    private long publish(String bootstrapServers, Topic<String, SourceDocument> topic, List<SourceDocument> documents,
                         Map<String, Long> sentAt, Consumer<String> progress) {
        long start = System.nanoTime();
        long first = System.currentTimeMillis();
        try (DocumentPublisher publisher = new DocumentPublisher(bootstrapServers, topic)) {
            for (int i = 0; i < documents.size(); i++) {
                if (config.rate() > 0) {
                    long due = start + (long) (i * 1e9 / config.rate());
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                }
                long now = System.currentTimeMillis();
                SourceDocument d = SourceDocument.newBuilder(documents.get(i)).setFetchedAt(Instant.ofEpochMilli(now)).build();
                publisher.send(d);
                sentAt.put(d.getDocumentId(), now);
            }
            publisher.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.accept(String.format(Locale.ROOT, "published %d documents to %s in %.2f s = %.0f documents/s (rate %s)",
                documents.size(), topic.name(), seconds, documents.size() / seconds,
                config.rate() > 0 ? String.format(Locale.ROOT, "%.0f/s", config.rate()) : "max"));
        return first;
    }

    /**
     * The final decisions against the generator's truth.
     *
     * @param decisions  article id → its last decision
     * @param documentOf article id → the document it came from
     */
    static BenchResult.Quality quality(List<ArticleGenerator.Article> articles, List<SourceDocument> documents,
                                       Map<String, DuplicateDecision> decisions, Map<String, String> documentOf, int corrections) {
        Map<String, Integer> indexOfDocument = new HashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            indexOfDocument.put(documents.get(i).getDocumentId(), i);
        }
        int originals = 0;
        int originalsKept = 0;
        int copiesFound = 0;
        int decidedOriginals = 0;
        TreeMap<Integer, String> wrong = new TreeMap<>();      // by generated number
        int exact = 0;
        int near = 0;
        for (DuplicateDecision d : decisions.values()) {
            Integer index = indexOfDocument.get(documentOf.get(d.getArticleId()));
            if (index == null) {
                continue;
            }
            ArticleGenerator.Article a = articles.get(index);
            switch (d.getStatus()) {
                case ORIGINAL -> decidedOriginals++;
                case EXACT_DUPLICATE -> exact++;
                case NEAR_DUPLICATE -> near++;
                default -> { }
            }
            Integer of = d.getDuplicateOf() == null ? null : indexOfDocument.get(documentOf.get(d.getDuplicateOf()));
            boolean right = a.original() ? d.getStatus() == DuplicateStatus.ORIGINAL
                    : d.getStatus() != DuplicateStatus.ORIGINAL && of != null && of == a.copyOf();
            if (a.original()) {
                originalsKept += right ? 1 : 0;
            } else {
                copiesFound += right ? 1 : 0;
            }
            if (!right) {
                wrong.put(index, String.format(Locale.ROOT, "article %s (generated #%d, %s%s) decided %s%s: %s", d.getArticleId(), index,
                        a.variant(), a.original() ? "" : " of #" + a.copyOf(), d.getStatus(),
                        d.getDuplicateOf() == null ? "" : " of " + d.getDuplicateOf() + (of == null ? " (not a measured article)"
                                : " (generated #" + of + ")"), d.getReason()));
            }
        }
        for (ArticleGenerator.Article a : articles) {
            originals += a.original() ? 1 : 0;
        }
        return new BenchResult.Quality(originalsKept, originals, copiesFound, decidedOriginals, exact, near, corrections,
                wrong.values().stream().limit(MAX_WRONG).toList());
    }

    private static List<BenchResult.Stage> stages(StageCollector c) {
        String visible = "time visible to a read_committed consumer";
        return List.of(
                stage(Topics.DOCUMENTS, c.documentTraffic, "send time: record timestamp set by the publisher"),
                stage(Topics.ARTICLES_RAW, c.rawTraffic, visible),
                stage(Topics.DUPLICATES, c.decisionTraffic, visible),
                stage(Topics.ARTICLES_DEDUPED, c.dedupedTraffic, visible),
                stage(Topics.ENRICHED, c.enrichedTraffic, "broker log-append time"));
    }

    private static BenchResult.Stage stage(String topic, StageCollector.Traffic t, String clock) {
        return new BenchResult.Stage(topic, t.records, t.first, t.last, clock);
    }

    /** Send → enriched append time for every article whose final decision is ORIGINAL, in send order. */
    private static BenchResult.Latency latency(StageCollector c, Map<String, Long> sentAt) {
        long[] millis = c.decisions.values().stream()
                .filter(d -> d.getStatus() == DuplicateStatus.ORIGINAL)
                .map(d -> new long[] {sentAt.get(c.documentOf.get(d.getArticleId())), c.enrichedAt.get(d.getArticleId())})
                .sorted(Comparator.comparingLong(sentAndAppended -> sentAndAppended[0]))
                .mapToLong(sentAndAppended -> sentAndAppended[1] - sentAndAppended[0])
                .toArray();
        return BenchResult.Latency.of(millis);
    }

    /** Settings of one service under the run's prefix: its own topics, application id and state. */
    private ServiceSettings settings(Properties base, String service) {
        Properties p = new Properties();
        p.putAll(base);
        p.setProperty(ServiceSettings.TOPICS_PREFIX, prefix);
        p.setProperty(ServiceSettings.TOPICS_PARTITIONS, Integer.toString(config.partitions()));
        p.setProperty(ServiceSettings.APPLICATION_ID, prefix + "wirestream-" + service);
        p.setProperty(ServiceSettings.STATE_DIR, workDir.resolve("state").toString());
        return ServiceSettings.parse(service, p, env);
    }

    /** An admin client's configuration for the cluster {@code settings} name, with its client overrides (security). */
    static Map<String, Object> adminConfig(ServiceSettings settings) {
        Map<String, Object> config = new HashMap<>(settings.streamsOverrides());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        return config;
    }

    private static void createWithLogAppendTime(Admin admin, List<Topic<?, ?>> topics) {
        List<NewTopic> requests = topics.stream().map(t -> {
            Map<String, String> configs = new LinkedHashMap<>(t.configs());
            configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, TimestampType.LOG_APPEND_TIME.name);
            return new NewTopic(t.name(), t.partitions(), t.replicationFactor()).configs(configs);
        }).toList();
        try {
            admin.createTopics(requests).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create " + topics.stream().map(Topic::name).toList() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** On a given cluster: deletes every topic and consumer group of this run (they all start with its prefix). */
    private void deleteRunTopics(ServiceSettings settings, Consumer<String> progress) {
        try (Admin admin = Admin.create(adminConfig(settings))) {
            List<String> names = admin.listTopics().names().get().stream().filter(n -> n.startsWith(prefix)).sorted().toList();
            admin.deleteTopics(names).all().get();
            List<String> groups = Stream.concat(SERVICES.stream(),
                            Stream.of(PassThrough.service(PassThrough.PIPELINE_HOPS), PassThrough.service(PassThrough.SERVICE_HOPS)))
                    .map(s -> prefix + "wirestream-" + s).toList();
            try {
                admin.deleteConsumerGroups(groups).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException || e.getCause() instanceof GroupNotEmptyException)) {
                    throw e;
                }
            }
            progress.accept("deleted the run's " + names.size() + " topics and its consumer groups (schemas stay registered"
                    + " under " + prefix + "*-value)");
        } catch (ExecutionException e) {
            progress.accept("could not delete the run's topics (" + prefix + "*): " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Log bytes per topic on the partitions' leaders (so not multiplied by the replication factor), or null where
     * the cluster does not describe its log directories (permissions, some managed services): the sizes are a
     * nice-to-have, the run is not lost for them.
     */
    private static Map<String, Long> leaderLogBytes(Admin admin, Map<TopicPartition, Integer> leaders) throws InterruptedException {
        try {
            Map<String, Long> bytes = new HashMap<>();
            List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(org.apache.kafka.common.Node::id).toList();
            admin.describeLogDirs(brokers).allDescriptions().get().forEach((broker, dirs) -> dirs.values().forEach(dir ->
                    dir.replicaInfos().forEach((tp, replica) -> {
                        if (broker.equals(leaders.get(tp)) && !replica.isFuture()) {
                            bytes.merge(tp.topic(), replica.size(), Long::sum);
                        }
                    })));
            return bytes;
        } catch (ExecutionException e) {
            return null;
        }
    }

    private static long size(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;        // a file RocksDB removed while we walked
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("cannot measure " + dir + ": " + e.getMessage(), e);
        }
    }
}
