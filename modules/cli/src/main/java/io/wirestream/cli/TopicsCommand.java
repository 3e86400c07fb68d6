package io.wirestream.cli;

import io.wirestream.model.topic.Topic;
import io.wirestream.model.topic.TopicProvisioner;
import io.wirestream.model.topic.Topics;
import io.wirestream.registry.serde.AvroSerdes;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Lists the topic catalogue or creates its missing topics on a cluster. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "The topic catalogue: 'topics list' prints it, 'topics create' creates missing topics.",
        subcommands = {TopicsCommand.ListTopics.class, TopicsCommand.Create.class})
final class TopicsCommand implements Runnable {

    @Override
    public void run() {
        new ListTopics().run();
    }

    /** The default catalogue; listing it needs no registry, so its serdes point at an in-memory one. */
    static Topics defaultCatalogue() {
        return Topics.create(Topics.Settings.defaults(), new AvroSerdes(Map.of("schema.registry.url", "mock://topics-list")));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print every topic with its layout.")
    static final class ListTopics implements Runnable {
        @Override
        public void run() {
            print(defaultCatalogue());
        }

        void print(Topics topics) {
            System.out.printf("%-28s %10s %12s %s%n", "topic", "partitions", "retention", "cleanup");
            for (Topic<?, ?> t : topics.all()) {
                System.out.printf("%-28s %10d %12s %s%n", t.name(), t.partitions(),
                        t.retention().map(d -> d.toDays() + "d").orElse("forever"), t.cleanupPolicy().config());
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create the catalogue's missing topics.")
    static final class Create implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() {
            ServiceSettings settings = connection.settings("topics");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
                List<String> created = TopicProvisioner.createMissing(admin, StreamsService.topics(settings).all());
                System.out.println(created.isEmpty() ? "all topics exist" : "created " + String.join(", ", created));
            }
            return 0;
        }
    }
}
