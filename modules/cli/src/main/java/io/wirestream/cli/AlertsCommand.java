package io.wirestream.cli;

import io.wirestream.alerts.AlertsService;
import io.wirestream.client.Durations;
import io.wirestream.alerts.webhook.WebhookConfig;
import io.wirestream.alerts.webhook.WebhookSink;
import io.wirestream.cli.alerts.AlertsTailCommand;
import io.wirestream.cli.alerts.RulesCommand;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wirestream alerts}: the alerts service, its rules, and a real-time alert consumer. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Real-time alerts: watch rules (every match, bursts, new stories) over the enriched events.",
        subcommands = {AlertsCommand.Run.class, RulesCommand.class, AlertsTailCommand.class})
final class AlertsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Run the alerts service: rules from news.alert-rules over news.events.enriched and the copies on"
                    + " news.articles.duplicates -> news.alerts.",
                    "With --webhook, also POST every alert as JSON to each URL (retries with exponential backoff; given up -> news.dlq)."})
    static final class Run extends ServiceCommands.Base {
        @Option(names = "--webhook", paramLabel = "URL", description = "POST each alert as JSON here (repeatable).")
        List<URI> webhooks = new ArrayList<>();

        @Option(names = "--webhook-attempts", defaultValue = "5", paramLabel = "N", description = "Attempts per alert and URL (default: ${DEFAULT-VALUE}).")
        int attempts;

        @Option(names = "--webhook-backoff", defaultValue = "1s", paramLabel = "DURATION", description = "Wait after the first failure, doubled after each further one (default: ${DEFAULT-VALUE}).")
        String backoff;

        @Option(names = "--webhook-max-backoff", defaultValue = "30s", paramLabel = "DURATION", description = "Longest wait between attempts (default: ${DEFAULT-VALUE}).")
        String maxBackoff;

        @Option(names = "--webhook-timeout", defaultValue = "10s", paramLabel = "DURATION", description = "Timeout of one request (default: ${DEFAULT-VALUE}).")
        String timeout;

        @Option(names = "--webhook-group", defaultValue = "wirestream-alerts-webhook", paramLabel = "NAME", description = "Consumer group of the webhook sink (default: ${DEFAULT-VALUE}).")
        String group;

        @Option(names = "--webhook-from-beginning", description = "A new webhook group starts with the oldest alert kept, not the next one.")
        boolean fromBeginning;

        @Spec
        CommandSpec spec;

        Run() {
            super(AlertsService.NAME, AlertsService::start);
        }

        @Override
        public Integer call() throws Exception {
            if (webhooks.isEmpty()) {
                return super.call();
            }
            WebhookConfig config;
            try {
                config = new WebhookConfig(webhooks, attempts, Durations.parse(backoff, "--webhook-backoff"),
                        Durations.parse(maxBackoff, "--webhook-max-backoff"), Durations.parse(timeout, "--webhook-timeout"),
                        group, fromBeginning);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            ServiceSettings settings = connection.settings(AlertsService.NAME);
            try (WebhookSink sink = new WebhookSink(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()),
                    StreamsService.topics(settings), config)) {
                Thread t = new Thread(sink, "alerts-webhook");
                t.setDaemon(true);
                t.start();
                System.out.printf("webhook sink: POSTing alerts to %s (%d attempts, backoff %s..%s)%n", webhooks, attempts,
                        backoff, maxBackoff);
                return super.call();
            }
        }
    }
}
