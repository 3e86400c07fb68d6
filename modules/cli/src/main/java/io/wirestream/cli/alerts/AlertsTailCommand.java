package io.wirestream.cli.alerts;

import io.wirestream.alerts.AlertJson;
import io.wirestream.cli.ConnectionOptions;
import io.wirestream.cli.CtrlC;
import io.wirestream.client.Durations;
import io.wirestream.client.subscribe.StartPosition;
import io.wirestream.client.subscribe.Subscriber;
import io.wirestream.client.subscribe.SubscriberException;
import io.wirestream.model.Alert;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wirestream alerts tail}: prints alerts as they fire. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print alerts from news.alerts as they fire (Ctrl-C stops; --max or --idle-timeout end it by themselves).")
public final class AlertsTailCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { PRETTY, JSON }

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--from-beginning", description = "Start at the oldest alert kept rather than the next one (without --group; a group resumes where it stopped).")
    boolean fromBeginning;

    @Option(names = "--format", defaultValue = "pretty", paramLabel = "pretty|json", description = "pretty (default) or json: one JSON object per line.")
    Format format;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N alerts.")
    Integer max;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", description = "Stop when no alert came for this long (30s, 5m, PT1M).")
    String idleTimeout;

    @Option(names = "--rule", split = ",", paramLabel = "ID", description = "Only alerts of these rules.")
    List<String> rules = new ArrayList<>();

    @Option(names = "--group", paramLabel = "NAME", description = "Consumer group: commit what was printed and resume from there next time.")
    String group;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (max != null && max < 1) {
            throw new ParameterException(spec.commandLine(), "--max must be >= 1, was " + max);
        }
        Duration idle;
        try {
            idle = idleTimeout == null ? null : Durations.parse(idleTimeout, "--idle-timeout");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ServiceSettings settings = connection.settings("alerts-tail");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // The key of an alert is its rule id: --rule is decided on the key, without deserialising.
        Subscriber<Alert> subscriber = Subscriber.builder(Alert.class).topics(Topics.ALERTS)
                .topicPrefix(settings.topics().prefix())
                .bootstrapServers(settings.bootstrapServers()).schemaRegistryUrl(settings.schemaRegistryUrl())
                .serdeConfig(settings.serdeConfig())
                .keys(rules).groupId(group)
                .startAt(fromBeginning ? StartPosition.earliest() : StartPosition.latest())
                .maxRecords(max == null ? 0 : max).idleTimeout(idle)
                .onValue(a -> {
                    out.print(format == Format.JSON ? AlertJson.line(a) + "\n" : AlertJson.pretty(a));
                    out.flush();
                })
                .build();
        // Ctrl-C: stop, commit and close before the JVM exits.
        try (CtrlC ctrlC = CtrlC.install("alerts-tail-stop", subscriber::close, Duration.ofSeconds(10))) {
            try {
                long printed = subscriber.run().matched();
                err.printf("%d alert%s%n", printed, printed == 1 ? "" : "s");
                return 0;
            } catch (SubscriberException e) {
                err.println("error: " + e.getMessage());
                return 1;
            }
        }
    }
}
