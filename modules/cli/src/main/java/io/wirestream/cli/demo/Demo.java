package io.wirestream.cli.demo;

import io.wirestream.alerts.AlertsService;
import io.wirestream.alerts.rules.RuleFiles;
import io.wirestream.alerts.rules.RuleTopic;
import io.wirestream.alerts.stream.AlertsConfig;
import io.wirestream.dedup.DedupService;
import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackConfig;
import io.wirestream.ingest.IngestService;
import io.wirestream.ingest.connect.DocumentPublisher;
import io.wirestream.ingest.connect.DocumentReader;
import io.wirestream.ingest.connect.FeedConnector;
import io.wirestream.ingest.connect.FeedStateStore;
import io.wirestream.model.Alert;
import io.wirestream.model.AlertRule;
import io.wirestream.model.DedupedArticle;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.RawArticle;
import io.wirestream.model.SourceDocument;
import io.wirestream.model.Story;
import io.wirestream.model.topic.Topic;
import io.wirestream.model.topic.TopicProvisioner;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import io.wirestream.tagger.TaggerService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one process: embedded KRaft broker and schema registry, every service as a real
 * Kafka Streams application with exactly-once, the bundled sample articles (plus one malformed document
 * to show the dead-letter path) published through the file connector, and the output of every stage
 * read back with a read-committed consumer once it has settled.
 */
public final class Demo {

    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    /** The demo's {@code dedup.publish.delay}. */
    static final Duration PUBLISH_DELAY = Duration.ofSeconds(3);
    /** How long the outputs must stay quiet before the pipeline counts as settled (corrections travel several hops). */
    private static final Duration QUIET = Duration.ofMillis(1500);
    /** Alerts come two repartition hops after the enriched events: quiet for this long after the last of either. */
    private static final Duration ALERTS_QUIET = Duration.ofSeconds(3);
    /** The sample rules the demo installs before the alerts service starts (bundled resource). */
    public static final String SAMPLE_RULES = "/alerts/sample-rules.yaml";
    /** A record that is not Avro at all (written without the registry serializer): a deserialization dead letter. */
    static final byte[] NOT_AVRO = "<rss><item>raw feed bytes</item></rss>".getBytes(StandardCharsets.UTF_8);
    /** A document that is not JSON although it says so: it must end up on the DLQ, not stop anything. */
    static final byte[] MALFORMED = "{\"title\": \"Truncated feed item\", \"text\": \"The connection dro".getBytes(StandardCharsets.UTF_8);

    private final Path workDir;
    private final int partitions;
    private final Duration timeout;

    /**
     * @param workDir    where broker data and state go (deleted by the caller)
     * @param partitions partitions of every topic
     * @param timeout    how long to wait for the pipeline to settle
     */
    public Demo(Path workDir, int partitions, Duration timeout) {
        this.workDir = workDir;
        this.partitions = partitions;
        this.timeout = timeout;
    }

    /** Runs the pipeline over the bundled samples; {@code progress} hears what happens. */
    public DemoResult run(java.util.function.Consumer<String> progress) throws InterruptedException {
        Instant started = Instant.now();
        try (DevStack stack = DevStack.start(DevStackConfig.defaults().withDataDir(workDir.resolve("devstack")))) {
            progress.accept("dev stack up: Kafka " + stack.bootstrapServers() + " (KRaft, in-process), schema registry "
                    + stack.schemaRegistryUrl() + " in " + Duration.between(started, Instant.now()).toMillis() + " ms");
            Function<String, ServiceSettings> settingsOf = service -> settings(stack, service);
            Topics topics = StreamsService.topics(settingsOf.apply("demo"));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
                TopicProvisioner.createMissing(admin, topics.all());
            }
            progress.accept("created " + topics.all().size() + " topics with " + partitions + " partitions each");

            List<AlertRule> rules = sampleRules();
            new RuleTopic(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), topics.alertRules()).put(rules);
            progress.accept("wrote " + rules.size() + " sample alert rules (" + SAMPLE_RULES.substring(1) + ") to "
                    + topics.alertRules().name() + ": " + rules.stream().map(AlertRule::getRuleId).collect(Collectors.joining(", ")));

            List<StreamsService> services = new ArrayList<>();
            try {
                services.add(IngestService.start(settingsOf.apply(IngestService.NAME)));
                services.add(DedupService.start(settingsOf.apply(DedupService.NAME)));
                services.add(TaggerService.start(settingsOf.apply(TaggerService.NAME)));
                services.add(AlertsService.start(settingsOf.apply(AlertsService.NAME)));
                for (StreamsService s : services) {
                    if (!s.awaitRunning(timeout)) {
                        throw new IllegalStateException(s.settings().service() + " did not reach RUNNING within " + timeout
                                + " (state " + s.state() + ")");
                    }
                }
                progress.accept("services running: ingest, dedup, tagger, alerts (exactly_once_v2)");

                List<SourceDocument> docs = sampleDocuments(workDir);
                try (DocumentPublisher publisher = new DocumentPublisher(stack.bootstrapServers(), topics.documents())) {
                    docs.forEach(publisher::send);
                    publisher.flush();
                }
                publishNotAvro(stack, topics);
                progress.accept("published " + (docs.size() + 1) + " records to " + topics.documents().name()
                        + " (" + (docs.size() - 1) + " sample documents: JSON Lines articles, HTML pages, RSS and Atom items;"
                        + " 1 malformed JSON document; 1 record that is not Avro)");
                DemoResult result = collect(stack, topics, docs.size() + 1, rules);
                progress.accept("pipeline settled in " + Duration.between(started, Instant.now()).toMillis() + " ms from start");
                progress.accept(result.alerts().size() + " alerts fired on " + topics.alerts().name()
                        + (result.alerts().isEmpty() ? "" : " (wirestream alerts tail shows them as they come):"));
                for (Alert a : result.alerts()) {
                    progress.accept("  [" + a.getRuleId() + "] " + a.getExplanation());
                }
                return result;
            } finally {
                services.forEach(StreamsService::close);
            }
        }
    }

    /** The bundled sample rules, validated. */
    public static List<AlertRule> sampleRules() {
        try (InputStream in = Demo.class.getResourceAsStream(SAMPLE_RULES)) {
            if (in == null) {
                throw new IllegalStateException("sample rules missing from the class path: " + SAMPLE_RULES);
            }
            return RuleFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SAMPLE_RULES.substring(1),
                    Instant.parse("2026-11-22T12:00:00Z"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SAMPLE_RULES, e);
        }
    }

    private ServiceSettings settings(DevStack stack, String service) {
        Properties p = new Properties();
        p.setProperty(ServiceSettings.BOOTSTRAP_SERVERS, stack.bootstrapServers());
        p.setProperty(ServiceSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
        p.setProperty(ServiceSettings.STATE_DIR, workDir.resolve("state").toString());
        p.setProperty(ServiceSettings.TOPICS_PARTITIONS, Integer.toString(partitions));
        // Everything arrives in one burst: hold would-be originals briefly so earlier copies can claim them.
        p.setProperty("dedup.publish.delay", PUBLISH_DELAY.toString());
        // The samples span two weeks of event time and arrive in seconds: remember stories for longer than that.
        p.setProperty(AlertsConfig.STATE_RETENTION, "60d");
        return ServiceSettings.parse(service, p, Map.of());
    }

    private static void publishNotAvro(DevStack stack, Topics topics) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.documents().name(), "not-avro".getBytes(StandardCharsets.UTF_8), NOT_AVRO)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish the non-Avro record: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The bundled samples as documents (JSON Lines articles, HTML pages, and the items of an RSS and an
     * Atom feed, read by the same connectors a user runs), plus the malformed one.
     */
    static List<SourceDocument> sampleDocuments(Path workDir) {
        Path dir = copySamples(workDir.resolve("samples"));
        DocumentReader reader = new DocumentReader("wirestream-samples", Instant.parse("2026-11-22T12:00:00Z"));
        List<SourceDocument> docs = new ArrayList<>();
        reader.read(dir.resolve("articles.jsonl"), docs::add, why -> {
            throw new IllegalStateException("sample skipped: " + why);
        });
        reader.read(dir.resolve("html"), docs::add, why -> {
            throw new IllegalStateException("sample skipped: " + why);
        });
        FeedStateStore feedState = new FeedStateStore(workDir.resolve("feed-state"));
        for (Path feed : DocumentReader.files(dir.resolve("feeds"))) {
            new FeedConnector(feed.toString(), feedState).poll(docs::add);
        }
        docs.add(reader.document("samples/malformed.json", "application/json", MALFORMED));
        return docs;
    }

    /** Copies the samples listed in {@code /samples/index.txt} out of the class path. */
    private static Path copySamples(Path dir) {
        try (InputStream index = Demo.class.getResourceAsStream("/samples/index.txt")) {
            if (index == null) {
                throw new IllegalStateException("sample index missing from the class path: /samples/index.txt");
            }
            for (String name : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (name.isBlank()) {
                    continue;
                }
                try (InputStream in = Demo.class.getResourceAsStream("/samples/" + name.strip())) {
                    if (in == null) {
                        throw new IllegalStateException("sample listed in index.txt but missing: " + name);
                    }
                    Path target = dir.resolve(name.strip());
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the samples to " + dir, e);
        }
    }

    /** Reads every output topic until each document is accounted for and every original is tagged. */
    private DemoResult collect(DevStack stack, Topics topics, int documents, List<AlertRule> rules) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "wirestream-demo-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, RawArticle> raw = new LinkedHashMap<>();
        Map<String, DuplicateDecision> decisions = new LinkedHashMap<>();
        Map<String, Story> stories = new LinkedHashMap<>();
        List<String> originals = new ArrayList<>();
        Map<String, EnrichedArticle> enriched = new LinkedHashMap<>();
        Map<String, String> regionHeaders = new LinkedHashMap<>();
        List<Map<String, String>> deadLetters = new ArrayList<>();
        Map<String, Alert> alerts = new LinkedHashMap<>();
        int corrections = 0;
        int rawRecords = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topics.articlesRaw().name(), topics.duplicates().name(), topics.stories().name(),
                    topics.articlesDeduped().name(), topics.enriched().name(), topics.dlq().name(), topics.alerts().name()));
            long lastRecordAt = System.nanoTime();
            long lastEnrichedOrAlertAt = System.nanoTime();
            while (!(settled(documents, rawRecords, raw, decisions, originals, enriched, deadLetters, stories) && atEnd(consumer)
                    && System.nanoTime() - lastRecordAt > QUIET.toNanos()
                    && System.nanoTime() - lastEnrichedOrAlertAt > ALERTS_QUIET.toNanos())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(String.format("pipeline did not settle within %s: %d documents, %d raw,"
                                    + " %d decided, %d originals, %d enriched, %d dead letters", timeout, documents, rawRecords,
                            decisions.size(), originals.size(), enriched.size(), deadLetters.size()));
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    lastRecordAt = System.nanoTime();
                    String topic = r.topic();
                    if (topic.equals(topics.articlesRaw().name())) {
                        RawArticle a = value(topics.articlesRaw(), r);
                        raw.put(a.getArticleId(), a);
                        rawRecords++;
                    } else if (topic.equals(topics.duplicates().name())) {
                        DuplicateDecision d = value(topics.duplicates(), r);
                        decisions.put(d.getArticleId(), d);
                        corrections += d.getCorrection() ? 1 : 0;
                    } else if (topic.equals(topics.stories().name())) {
                        Story s = value(topics.stories(), r);
                        String storyId = new String(r.key(), StandardCharsets.UTF_8);
                        if (s == null) {
                            stories.remove(storyId);
                        } else {
                            stories.put(storyId, s);
                        }
                    } else if (topic.equals(topics.articlesDeduped().name())) {
                        DedupedArticle d = value(topics.articlesDeduped(), r);
                        if (!originals.contains(d.getArticleId())) {
                            originals.add(d.getArticleId());
                        }
                    } else if (topic.equals(topics.alerts().name())) {
                        lastEnrichedOrAlertAt = System.nanoTime();
                        Alert a = value(topics.alerts(), r);
                        alerts.put(a.getAlertId(), a);
                    } else if (topic.equals(topics.enriched().name()) && r.value() == null) {
                        // A retraction: dedup found an earlier copy of an article it had published as an original.
                        String id = new String(r.key(), StandardCharsets.UTF_8);
                        enriched.remove(id);
                        regionHeaders.remove(id);
                    } else if (topic.equals(topics.enriched().name())) {
                        lastEnrichedOrAlertAt = System.nanoTime();
                        EnrichedArticle e = value(topics.enriched(), r);
                        enriched.put(e.getArticleId(), e);
                        Header h = r.headers().lastHeader(TaggerService.HEADER_REGIONS);
                        regionHeaders.put(e.getArticleId(), h == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                    } else if (topic.equals(topics.dlq().name())) {
                        Map<String, String> headers = new LinkedHashMap<>();
                        for (Header h : r.headers()) {
                            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                        }
                        deadLetters.add(headers);
                    }
                }
            }
        }
        LOG.debug("demo collected {} raw, {} decisions, {} enriched", raw.size(), decisions.size(), enriched.size());
        return new DemoResult(documents, rawRecords, raw, decisions, corrections, stories, originals, enriched, regionHeaders, deadLetters,
                rules, alerts.values().stream().sorted(Comparator.comparing(Alert::getFiredAt).thenComparing(Alert::getRuleId)
                        .thenComparing(Alert::getAlertId)).toList());
    }

    private static boolean settled(int documents, int rawRecords, Map<String, RawArticle> raw, Map<String, DuplicateDecision> decisions,
                                   List<String> originals, Map<String, EnrichedArticle> enriched, List<Map<String, String>> dlq,
                                   Map<String, Story> stories) {
        Map<String, Long> members = decisions.values().stream()
                .collect(Collectors.groupingBy(DuplicateDecision::getStoryId, Collectors.counting()));
        return rawRecords + dlq.size() >= documents
                && decisions.keySet().containsAll(raw.keySet())
                && enriched.keySet().containsAll(originals)
                && !originals.isEmpty()
                && stories.keySet().equals(members.keySet())
                && members.entrySet().stream().allMatch(e -> stories.get(e.getKey()).getMemberCount() == e.getValue());
    }

    /**
     * Whether the consumer has read every committed record: once every document is accounted for, the
     * corrections written in the same transactions may still sit in partitions not read yet.
     */
    private static boolean atEnd(KafkaConsumer<byte[], byte[]> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
        return !assigned.isEmpty() && assigned.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
    }

    private static <V> V value(Topic<String, V> topic, ConsumerRecord<byte[], byte[]> r) {
        return topic.valueSerde().deserializer().deserialize(r.topic(), r.headers(), r.value());
    }
}
