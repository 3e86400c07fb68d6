package io.wirestream.cli.alerts;

import io.wirestream.alerts.AlertJson;
import io.wirestream.client.Durations;
import io.wirestream.cli.ConnectionOptions;
import io.wirestream.model.Alert;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
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
        Topics topics = StreamsService.topics(settings);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        if (group != null) {
            c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
            c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        }
        int printed = 0;
        CountDownLatch closed = new CountDownLatch(1);
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(c, topics.alerts().keySerde().deserializer(),
                topics.alerts().valueSerde().deserializer())) {
            if (consumer.partitionsFor(topics.alerts().name()).isEmpty()) {
                spec.commandLine().getErr().printf("error: topic %s does not exist (start the alerts service, or"
                        + " `wirestream topics create`)%n", topics.alerts().name());
                return 1;
            }
            // Ctrl-C: wake the loop and wait until it has committed and closed before the JVM exits.
            Thread hook = new Thread(() -> {
                consumer.wakeup();
                try {
                    closed.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "alerts-tail-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            if (group != null) {
                consumer.subscribe(List.of(topics.alerts().name()));
            } else {
                List<TopicPartition> parts = consumer.partitionsFor(topics.alerts().name()).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(parts);
                if (fromBeginning) {
                    consumer.seekToBeginning(parts);
                } else {
                    consumer.seekToEnd(parts);
                    parts.forEach(consumer::position);
                }
            }
            long lastAlert = System.nanoTime();
            try {
                while (max == null || printed < max) {
                    for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(250))) {
                        Alert a = r.value();
                        boolean shown = a != null && (rules.isEmpty() || rules.contains(a.getRuleId()));
                        if (shown) {
                            out.print(format == Format.JSON ? AlertJson.line(a) + "\n" : AlertJson.pretty(a));
                            out.flush();
                            lastAlert = System.nanoTime();
                            printed++;
                        }
                        if (group != null) {
                            // filtered-out alerts too: a restart resumes after everything looked at
                            consumer.commitSync(Map.of(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1)));
                        }
                        if (max != null && printed >= max) {
                            break;
                        }
                    }
                    if (idle != null && System.nanoTime() - lastAlert > idle.toNanos()) {
                        break;
                    }
                }
            } catch (WakeupException e) {
                // Ctrl-C
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // already shutting down
                }
            }
        } finally {
            closed.countDown();     // after the consumer has closed (try-with-resources closes it first)
        }
        spec.commandLine().getErr().printf("%d alert%s%n", printed, printed == 1 ? "" : "s");
        return 0;
    }
}
