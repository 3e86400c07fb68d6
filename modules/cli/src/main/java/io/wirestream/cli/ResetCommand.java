package io.wirestream.cli;

import io.wirestream.client.replay.PointInTime;
import io.wirestream.client.reset.GroupActiveException;
import io.wirestream.client.reset.ResetPlan;
import io.wirestream.client.reset.StreamsReset;
import io.wirestream.dedup.DedupService;
import io.wirestream.ingest.IngestService;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.tagger.TaggerService;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wirestream reset SERVICE}: what Kafka's application reset tool does, for our services, whose input
 * topics the catalogue knows: input offsets back to the start (or a time), internal topics and local state
 * deleted, so that the next run reprocesses. Refuses while an instance runs.
 */
@Command(name = "reset", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Reset a service so that its next run reprocesses its input: committed input offsets to the"
                + " earliest (or a time), internal changelog/repartition topics and the local state directory deleted."
                + " Stop every instance first. Output topics are left alone.")
final class ResetCommand implements Callable<Integer> {

    /** A service's inputs: topics read from outside, and topics it writes and reads back itself. */
    record Inputs(List<String> inputs, List<String> intermediate) {
    }

    @Parameters(index = "0", paramLabel = "SERVICE", description = "ingest-service, dedup, tagger or alerts.")
    String service;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--application-id", paramLabel = "ID",
            description = "Application id to reset (default <topic prefix>wirestream-<service>, as the service uses).")
    String applicationId;

    @ArgGroup(exclusive = true)
    Position position = new Position();

    static final class Position {
        @Option(names = "--to-earliest", description = "Reprocess everything still on the input topics (the default).")
        boolean earliest;

        @Option(names = "--to-datetime", paramLabel = "TIME",
                description = "Reprocess from the first record stamped at or after TIME (ISO time, or an age such as 2h).")
        String datetime;
    }

    @Option(names = "--input-topics", paramLabel = "TOPICS", split = ",",
            description = "Input topics instead of the service's own (full names).")
    List<String> inputTopics;

    @Option(names = "--dry-run", description = "Print what would be done, change nothing.")
    boolean dryRun;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "0s",
            description = "Wait up to DURATION (e.g. 60s) for stopped instances to leave the group (default: ${DEFAULT-VALUE}: refuse at once).")
    String await;

    @Spec
    CommandSpec spec;

    /** The input topics of {@code service} under {@code prefix}, for {@code applicationId}. */
    static Inputs inputsOf(String service, String prefix, String applicationId) {
        return switch (service) {
            case IngestService.NAME, "ingest-service" -> new Inputs(List.of(prefix + Topics.DOCUMENTS), List.of());
            case DedupService.NAME -> new Inputs(List.of(prefix + Topics.ARTICLES_RAW),
                    List.of(DedupService.signalsTopic(applicationId)));
            case TaggerService.NAME -> new Inputs(List.of(prefix + Topics.ARTICLES_DEDUPED), List.of());
            // the rules are a global table: its position lives in the state directory, deleted with it
            case "alerts" -> new Inputs(List.of(prefix + Topics.ENRICHED, prefix + Topics.DUPLICATES), List.of());
            default -> throw new IllegalArgumentException("unknown service '" + service
                    + "': one of ingest-service, dedup, tagger, alerts");
        };
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = service.equals("ingest-service") ? IngestService.NAME : service;
        ServiceSettings settings;
        StreamsReset.Request request;
        Duration wait;
        try {
            wait = PointInTime.duration(await);
            settings = connection.settings(name, withRegistryFallback(System.getenv()));
            String id = applicationId != null ? applicationId : settings.applicationId();
            Inputs inputs = inputsOf(name, settings.topics().prefix(), id);
            Optional<Instant> at = Optional.ofNullable(position.datetime)
                    .map(t -> PointInTime.parse(t, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            request = new StreamsReset.Request(id, inputTopics != null ? inputTopics : inputs.inputs(),
                    inputs.intermediate(), at, settings.stateDir());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
        Map<String, Object> client = new HashMap<>(settings.streamsOverrides());
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            StreamsReset reset = new StreamsReset(admin, client);
            ResetPlan plan = planWhenInactive(reset, request, wait, err);
            if (!dryRun) {
                reset.apply(plan);
            }
            plan.describe(dryRun).forEach(out::println);
            out.println(dryRun ? "dry run: nothing changed" : "reset " + plan.applicationId()
                    + ": its next run reprocesses " + String.join(", ", request.inputTopics())
                    + request.toDatetime().map(t -> " from " + t).orElse(" from the start"));
            out.flush();
            return 0;
        } catch (GroupActiveException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IllegalStateException | KafkaException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    /** The plan, retrying every second up to {@code wait} while the group still has members. */
    private static ResetPlan planWhenInactive(StreamsReset reset, StreamsReset.Request request, Duration wait,
                                              PrintWriter err) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (true) {
            try {
                return reset.plan(request);
            } catch (GroupActiveException e) {
                if (System.nanoTime() >= deadline) {
                    throw e;
                }
                if (!told) {
                    err.println("waiting up to " + wait.toSeconds() + " s for " + request.applicationId()
                            + "'s group to empty...");
                    err.flush();
                    told = true;
                }
                Thread.sleep(1_000);
            }
        }
    }

    /** Reset needs no registry; settings require a URL, so a placeholder stands in when none is given. */
    private static Map<String, String> withRegistryFallback(Map<String, String> env) {
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent(ServiceSettings.envName(ServiceSettings.SCHEMA_REGISTRY_URL), "mock://reset-unused");
        return e;
    }
}
