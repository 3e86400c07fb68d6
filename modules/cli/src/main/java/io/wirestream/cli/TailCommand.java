package io.wirestream.cli;

import io.wirestream.cli.tail.TailLines;
import io.wirestream.cli.tail.TimeArguments;
import io.wirestream.client.HeaderFilter;
import io.wirestream.client.subscribe.AvroJson;
import io.wirestream.client.subscribe.Received;
import io.wirestream.client.subscribe.StartPosition;
import io.wirestream.client.subscribe.StoryCounts;
import io.wirestream.client.subscribe.Subscriber;
import io.wirestream.client.subscribe.SubscriberException;
import io.wirestream.client.subscribe.SubscriberStats;
import io.wirestream.model.Alert;
import io.wirestream.model.DedupedArticle;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.RawArticle;
import io.wirestream.model.SourceDocument;
import io.wirestream.model.Story;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wirestream tail}: follow a topic (default {@code news.events.enriched}) filtered on its headers, as
 * readable lines or JSON, from a start position or where a consumer group left off. Stops on Ctrl-C,
 * {@code --max} or {@code --idle-timeout}, and always ends with a summary line on stderr.
 */
@Command(name = "tail", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Follow a Wirestream topic, filtered on record headers (records that do not match are never "
                + "deserialised), as readable lines or JSON Lines on stdout; a summary goes to stderr when it stops.",
                "",
                "Without --group nothing is committed and reading starts at the end (new records only) unless "
                        + "--from-beginning, --since or --from says otherwise. With --group, offsets are committed "
                        + "after each printed batch and a restart resumes where the group left off; the start "
                        + "options then apply only to partitions the group has no committed offset for "
                        + "(--ignore-committed overrides that).",
                "",
                "Pretty lines of news.events.enriched: time, focus region, title, top actors, story id and the "
                        + "story's duplicate count as known when the line is printed (read from news.stories; "
                        + "'?' when the story is not known yet).",
                "",
                "Examples:",
                "  wirestream tail --region AM,AZ --from-beginning",
                "  wirestream tail --actor putin --since 2h --format json | jq .title",
                "  wirestream tail --group my-desk --lang en",
                "  wirestream tail news.stories --from 2022-11-23T00:00Z --max 20"})
final class TailCommand implements Callable<Integer> {

    /** Value classes of the topics tail can read, by topic name without prefix. */
    static final Map<String, Class<? extends SpecificRecord>> VALUE_TYPES = valueTypes();

    enum Format { pretty, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TOPIC", defaultValue = Topics.ENRICHED,
            description = "Topic without prefix (default: ${DEFAULT-VALUE}); one of: ${COMPLETION-CANDIDATES}.",
            completionCandidates = TopicNames.class)
    String topic;

    @Mixin
    FilterOptions filter;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Start start;

    static final class Start {
        @Option(names = "--from-beginning", required = true, description = "Start at the oldest record still kept.")
        boolean fromBeginning;

        @Option(names = "--since", required = true, paramLabel = "DURATION", converter = TimeArguments.DurationConverter.class,
                description = "Start each partition at its first record stamped this long ago or later: 30s, 15m, 2h, 1d, 1h30m or PT2H.")
        Duration since;

        @Option(names = "--from", required = true, paramLabel = "TIME", converter = TimeArguments.InstantConverter.class,
                description = "Start each partition at its first record stamped at or after TIME: 2022-11-23T00:00Z, 2022-11-23T09:30+02:00 or 2022-11-23 (UTC midnight).")
        Instant from;

        StartPosition position() {
            return fromBeginning ? StartPosition.earliest() : since != null ? StartPosition.ago(since)
                    : StartPosition.at(from);
        }
    }

    @Option(names = "--group", paramLabel = "NAME", description = "Consumer group: commit offsets and resume from them.")
    String group;

    @Option(names = "--ignore-committed", description = "With --group: start at the start option even where the group has committed offsets.")
    boolean ignoreCommitted;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "pretty",
            description = "pretty (one readable line per record) or json (the record value as one JSON object per line); default ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--max", paramLabel = "N", description = "Stop after printing N records.")
    Long max;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = TimeArguments.DurationConverter.class,
            description = "Stop when no record arrived for this long, e.g. 5s.")
    Duration idleTimeout;

    @Option(names = "--dup-counts", negatable = true, defaultValue = "true",
            description = "Pretty lines of news.events.enriched show the story's duplicate count from news.stories (default: ${DEFAULT-VALUE}).")
    boolean dupCounts;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Class<? extends SpecificRecord> type = VALUE_TYPES.get(topic);
        String problem = type == null ? "unknown topic '" + topic + "' (give it without --topic-prefix); tail reads: "
                + String.join(", ", VALUE_TYPES.keySet())
                : max != null && max < 1 ? "--max must be at least 1, was " + max
                : ignoreCommitted && group == null ? "--ignore-committed needs --group" : null;
        if (problem != null) {
            err.println(problem);
            err.flush();
            return 2;
        }
        ServiceSettings settings;
        try {
            settings = connection.settings("tail");
        } catch (RuntimeException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        return tail(type, settings, out, err);
    }

    private <V extends SpecificRecord> int tail(Class<V> type, ServiceSettings settings, PrintWriter out, PrintWriter err) {
        HeaderFilter headerFilter = filter.filter();
        StartPosition position = start == null ? StartPosition.latest() : start.position();
        Map<String, Object> consumerProperties = new LinkedHashMap<>();
        settings.streamsOverrides().forEach((k, v) -> {
            if (ConsumerConfig.configNames().contains(k)) {
                consumerProperties.put(k, v);
            }
        });
        String prefix = settings.topics().prefix();
        StoryCounts counts = null;
        if (format == Format.pretty && type == EnrichedArticle.class && dupCounts) {
            try {
                counts = StoryCounts.start(settings.bootstrapServers(), settings.serdeConfig(), consumerProperties,
                        prefix + Topics.STORIES, Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                err.println("duplicate counts unavailable (" + e.getMessage() + "); showing dups=?");
            }
        }
        StoryCounts storyCounts = counts;
        Subscriber.Builder<V> b = Subscriber.builder(type).topics(topic).topicPrefix(prefix)
                .bootstrapServers(settings.bootstrapServers()).schemaRegistryUrl(settings.schemaRegistryUrl())
                .serdeConfig(settings.serdeConfig()).consumerProperties(consumerProperties)
                .filter(headerFilter).groupId(group).startAt(position)
                .maxRecords(max == null ? 0 : max).idleTimeout(idleTimeout)
                .onUndecodable(u -> {
                    err.println("skipped a record that cannot be deserialised: " + u.describe());
                    err.flush();
                });
        if (ignoreCommitted) {
            b.ignoreCommitted();
        }
        AtomicReference<Subscriber<V>> self = new AtomicReference<>();
        b.handler(r -> {
            out.println(line(r, storyCounts));
            out.flush();
            if (out.checkError() || System.out.checkError()) {
                // stdout went away (| head): stop cleanly. picocli's writer wraps System.out, whose
                // PrintStream swallows the broken pipe, so ask it too.
                self.get().close();
            }
        });
        Subscriber<V> subscriber = b.build();
        self.set(subscriber);
        // Ctrl-C: the subscriber stops, commits and closes, and the summary is printed before the JVM exits.
        try (CtrlC ctrlC = CtrlC.install("wirestream-tail-shutdown", subscriber::close, Duration.ofSeconds(30))) {
            err.println("tailing " + prefix + topic + " from " + (group == null ? position.describe() + " (no group)"
                    : "group " + group + "'s committed offsets, else " + position.describe())
                    + ", filter " + headerFilter.describe() + "; Ctrl-C stops");
            err.flush();
            int exit = 0;
            try {
                subscriber.run();
            } catch (SubscriberException e) {
                err.println(e.getMessage());
                exit = 1;
            } finally {
                if (storyCounts != null) {
                    storyCounts.close();
                }
                SubscriberStats s = subscriber.stats();
                err.println("shown " + s.matched() + ", skipped by filter " + s.skipped()
                        + (s.undecodable() > 0 ? ", undecodable " + s.undecodable() : ""));
                err.flush();
            }
            return exit;
        }
    }

    private <V extends SpecificRecord> String line(Received<V> r, StoryCounts counts) {
        if (format == Format.json) {
            return AvroJson.toJson(r.value());
        }
        if (r.value() instanceof EnrichedArticle a) {
            OptionalInt dups = counts == null ? OptionalInt.empty() : counts.duplicates(a.getStoryId());
            return TailLines.enriched(a, r.timestamp(), dups);
        }
        return TailLines.other(r);
    }

    private static Map<String, Class<? extends SpecificRecord>> valueTypes() {
        Map<String, Class<? extends SpecificRecord>> m = new LinkedHashMap<>();
        m.put(Topics.ENRICHED, EnrichedArticle.class);
        m.put(Topics.STORIES, Story.class);
        m.put(Topics.ALERTS, Alert.class);
        m.put(Topics.ARTICLES_RAW, RawArticle.class);
        m.put(Topics.ARTICLES_DEDUPED, DedupedArticle.class);
        m.put(Topics.DUPLICATES, DuplicateDecision.class);
        m.put(Topics.DOCUMENTS, SourceDocument.class);
        return m;
    }

    /** Topic names for the help text. */
    static final class TopicNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return VALUE_TYPES.keySet().iterator();
        }
    }
}
