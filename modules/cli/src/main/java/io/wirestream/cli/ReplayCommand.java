package io.wirestream.cli;

import io.wirestream.client.replay.NdjsonSink;
import io.wirestream.client.replay.PointInTime;
import io.wirestream.client.replay.ReplayRequest;
import io.wirestream.client.replay.ReplaySink;
import io.wirestream.client.replay.ReplayStatus;
import io.wirestream.client.replay.ReplaySummary;
import io.wirestream.client.replay.Replayer;
import io.wirestream.client.replay.Speed;
import io.wirestream.client.replay.TopicSink;
import io.wirestream.client.replay.UnknownTopicException;
import io.wirestream.model.topic.TopicProvisioner;
import io.wirestream.model.topic.Topics;
import io.wirestream.registry.serde.GenericAvroSerde;
import io.wirestream.runtime.ServiceSettings;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirestream replay}: a time range of a topic, in event-time order across partitions, optionally
 * filtered on the record headers, re-published into a topic or written as NDJSON, at the original pace, a
 * multiple of it, or as fast as possible. Progress goes to standard error, the summary to standard output
 * (standard error when the records themselves go to standard output).
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Replay a time range of a topic (default the archive news.articles.raw) in event-time order:"
                + " re-publish it into a topic (keys, values, timestamps and headers unchanged) or write it as NDJSON."
                + " Filters apply to the record headers (set by the tagger on news.events.enriched).")
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    FilterOptions filters;

    @Option(names = "--topic", paramLabel = "TOPIC",
            description = "Topic to read (default: news.articles.raw under --topic-prefix).")
    String topic;

    @Option(names = "--from", paramLabel = "TIME", required = true,
            description = "Start of the range, inclusive: ISO time (2026-11-20T10:00Z; a bare date is midnight UTC) or an age (2h, 3d).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", defaultValue = "now",
            description = "End of the range, exclusive (default: ${DEFAULT-VALUE}).")
    String to;

    @ArgGroup(exclusive = true)
    Target target = new Target();

    static final class Target {
        @Option(names = "--into", paramLabel = "TOPIC",
                description = "Re-publish into this topic (created with the source's partition count if missing).")
        String into;

        @Option(names = "--out", paramLabel = "FILE",
                description = "Write NDJSON (one JSON object per record, value decoded from Avro) to FILE, '-' for standard output (the default).")
        String out;
    }

    @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "max",
            description = "max, or a multiple of the original pace such as 1x, 10x, 0.5x (default: ${DEFAULT-VALUE}).")
    String speed;

    @Option(names = "--no-progress", description = "No progress line on standard error.")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReplayRequest request;
        ServiceSettings settings;
        try {
            Properties props = connection.properties();
            if (target.into != null && props.getProperty(ServiceSettings.SCHEMA_REGISTRY_URL) == null
                    && System.getenv(ServiceSettings.envName(ServiceSettings.SCHEMA_REGISTRY_URL)) == null) {
                // re-publishing copies bytes: no registry needed
                props.setProperty(ServiceSettings.SCHEMA_REGISTRY_URL, "mock://replay-unused");
            }
            settings = ServiceSettings.parse("replay", props, System.getenv());
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String source = topic != null ? topic : settings.topics().prefix() + Topics.ARTICLES_RAW;
            request = new ReplayRequest(source, PointInTime.parse(from, now), PointInTime.parse(to, now),
                    filters.filter(), Speed.parse(speed));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
        Map<String, Object> client = new HashMap<>(settings.streamsOverrides());
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        boolean recordsOnStdout = target.into == null && (target.out == null || target.out.equals("-"));
        PrintWriter summaryOut = recordsOnStdout ? err : out;
        try {
            Replayer replayer = Replayer.create(client);
            if (replayer.plan(request).isEmpty()) {
                return nothingInRange(request, err);
            }
            ReplaySummary summary;
            try (ReplaySink sink = sink(request, settings, client, out, summaryOut)) {
                Progress p = new Progress(err, !noProgress, System.console() != null);
                summary = replayer.run(request, sink, p::show);
                p.end();
            }
            summaryOut.println(summary.line());
            summaryOut.flush();
            if (summary.status().matched() == 0 && summary.status().filtered() == 0) {
                return nothingInRange(request, err);
            }
            return 0;
        } catch (UnknownTopicException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IllegalStateException | IllegalArgumentException | KafkaException | IOException e) {
            err.println();
            err.println("error: " + e.getMessage());
            for (Throwable also : e.getSuppressed()) {
                err.println("also: " + also.getMessage()); // e.g. the sink's send failure, met when it was closed
            }
            err.flush();
            return 1;
        }
    }

    private static int nothingInRange(ReplayRequest request, PrintWriter err) {
        err.printf("error: no records stamped in [%s, %s) on %s%n", request.from(), request.to(), request.topic());
        err.flush();
        return 1;
    }

    private ReplaySink sink(ReplayRequest request, ServiceSettings settings, Map<String, Object> client, PrintWriter out,
                            PrintWriter messages) throws IOException, InterruptedException {
        if (target.into != null) {
            if (target.into.equals(request.topic())) {
                throw new IllegalStateException("--into " + target.into + " is the topic being replayed: that would feed the"
                        + " replay its own output");
            }
            boolean samePartitions = ensureTopic(client, request.topic(), target.into, messages);
            return TopicSink.create(target.into, client, samePartitions);
        }
        GenericAvroSerde serde = new GenericAvroSerde();
        serde.configure(settings.serdeConfig(), false);
        if (target.out == null || target.out.equals("-")) {
            return NdjsonSink.of(out, "standard output", serde.deserializer(), false);
        }
        Path file = Path.of(target.out);
        Writer w = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8);
        return NdjsonSink.of(w, "file " + file, serde.deserializer(), true);
    }

    /**
     * Creates {@code into} with {@code source}'s partition count, replication factor and topic settings when
     * it does not exist; true when both have as many partitions (records then keep their partition number).
     */
    private static boolean ensureTopic(Map<String, Object> client, String source, String into, PrintWriter messages)
            throws InterruptedException {
        try (Admin admin = Admin.create(client)) {
            TopicDescription d = admin.describeTopics(List.of(source)).allTopicNames().get().get(source);
            int partitions = d.partitions().size();
            boolean samePartitions = true;
            if (admin.listTopics().names().get().contains(into)) {
                int have = admin.describeTopics(List.of(into)).allTopicNames().get().get(into).partitions().size();
                if (have != partitions) {
                    messages.printf("note: %s has %d partitions, %s %d: records are partitioned by key%n", into, have,
                            source, partitions);
                }
                samePartitions = have == partitions;
            } else {
                short rf = (short) d.partitions().get(0).replicas().size();
                // The source's own settings (retention, cleanup policy, timestamp type, ...): with the broker's default
                // retention, records replayed with their old timestamps would be deleted soon after they are written.
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, source);
                Map<String, String> configs = new LinkedHashMap<>();
                admin.describeConfigs(List.of(resource)).all().get().get(resource).entries().stream()
                        .filter(e -> e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG && e.value() != null)
                        .forEach(e -> configs.put(e.name(), e.value()));
                admin.createTopics(List.of(new NewTopic(into, partitions, rf).configs(configs))).all().get();
                messages.printf("created topic %s with %d partitions and the settings of %s %s%n", into, partitions, source,
                        configs);
                messages.flush();
            }
            // Created now or moments ago (by a script, or the test harness): its leader may not serve it yet.
            TopicProvisioner.awaitReady(admin, List.of(into), TopicProvisioner.READY_TIMEOUT);
            return samePartitions;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot prepare --into " + into + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Progress on standard error: rewritten in place on a terminal, one line every few seconds otherwise. */
    static final class Progress {
        private final PrintWriter err;
        private final boolean enabled;
        private final boolean terminal;
        private long shown;
        private boolean dirty;

        Progress(PrintWriter err, boolean enabled, boolean terminal) {
            this.err = err;
            this.enabled = enabled;
            this.terminal = terminal;
        }

        void show(ReplayStatus s) {
            if (!enabled) {
                return;
            }
            if (terminal) {
                err.print("\r" + s.line() + "   ");
                dirty = true;
            } else if (++shown % 5 == 1) {
                err.println(s.line());
            }
            err.flush();
        }

        void end() {
            if (dirty) {
                err.println();
                err.flush();
            }
        }
    }
}
