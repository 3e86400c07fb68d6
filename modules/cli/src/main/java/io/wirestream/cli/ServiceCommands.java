package io.wirestream.cli;

import io.wirestream.dedup.DedupService;
import io.wirestream.model.topic.TopicProvisioner;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import io.wirestream.tagger.TaggerService;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** One sub-command per service: each runs that service as its own Kafka Streams application until stopped. */
final class ServiceCommands {

    private ServiceCommands() {
    }

    abstract static class Base implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Option(names = "--application-id", paramLabel = "ID", description = "Kafka Streams application id (default <topic prefix>wirestream-<service>); a new id reprocesses from the start.")
        String applicationId;

        @Option(names = "--create-topics", description = "Create missing topics before starting (default: ${DEFAULT-VALUE}).", defaultValue = "true", negatable = true)
        boolean createTopics;

        private final String service;
        private final Function<ServiceSettings, StreamsService> starter;

        Base(String service, Function<ServiceSettings, StreamsService> starter) {
            this.service = service;
            this.starter = starter;
        }

        @Override
        public Integer call() throws Exception {
            ServiceSettings settings = connection.settings(service);
            if (applicationId != null) {
                settings = settings.withApplicationId(applicationId);
            }
            if (createTopics) {
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
                    TopicProvisioner.createMissing(admin, StreamsService.topics(settings).all());
                }
            }
            StreamsService running = starter.apply(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, service + "-shutdown"));
            System.out.printf("%s running as %s against %s (registry %s); Ctrl-C stops it%n", service,
                    settings.applicationId(), settings.bootstrapServers(), settings.schemaRegistryUrl());
            running.awaitStopped();
            return running.state() == KafkaStreams.State.ERROR ? 1 : 0;
        }
    }

    @Command(name = "ingest-service", mixinStandardHelpOptions = true,
            description = "Run the ingest service: news.documents -> extracted articles -> news.articles.raw (bad documents -> news.dlq).")
    static final class IngestService extends Base {
        IngestService() {
            super(io.wirestream.ingest.IngestService.NAME, io.wirestream.ingest.IngestService::start);
        }
    }

    @Command(name = "dedup", mixinStandardHelpOptions = true,
            description = "Run the dedup service: news.articles.raw -> decisions, originals and stories.")
    static final class Dedup extends Base {
        Dedup() {
            super(DedupService.NAME, DedupService::start);
        }
    }

    @Command(name = "tagger", mixinStandardHelpOptions = true,
            description = "Run the tagger service: news.articles.deduped -> regions and actors -> news.events.enriched.")
    static final class Tagger extends Base {
        Tagger() {
            super(TaggerService.NAME, TaggerService::start);
        }
    }
}
