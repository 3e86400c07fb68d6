package io.wirestream.cli;

import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackConfig;
import io.wirestream.model.topic.TopicProvisioner;
import io.wirestream.model.topic.Topics;
import io.wirestream.registry.serde.AvroSerdes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wirestream up}: the dev stack (broker + registry) with every topic, until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start an embedded Kafka broker (KRaft) and schema registry with every topic, print their"
                + " addresses and keep running until Ctrl-C.")
final class UpCommand implements Callable<Integer> {

    @Option(names = "--data-dir", description = "Keep broker data here across restarts (default: a temporary directory).")
    Path dataDir;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Broker port, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Override
    public Integer call() throws Exception {
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("wirestream-up-") : dataDir;
        CountDownLatch stop = new CountDownLatch(1);
        DevStack stack = DevStack.start(DevStackConfig.defaults().withDataDir(dir).withKafkaPort(kafkaPort).withRegistryPort(registryPort));
        Thread hook = new Thread(() -> {
            stack.close();
            if (temporary) {
                DemoCommand.deleteTree(dir);
            }
            stop.countDown();
        }, "wirestream-up-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Topics topics = Topics.create(new Topics.Settings("", partitions, (short) 1),
                new AvroSerdes(Map.of("schema.registry.url", stack.schemaRegistryUrl())));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            TopicProvisioner.createMissing(admin, topics.all());
        }
        System.out.println("Kafka (KRaft, in-process)  " + stack.bootstrapServers());
        System.out.println("Schema registry            " + stack.schemaRegistryUrl());
        System.out.println("Data                       " + dir + (temporary ? " (deleted on exit)" : ""));
        System.out.println("export WIRESTREAM_BOOTSTRAP_SERVERS=" + stack.bootstrapServers()
                + " WIRESTREAM_SCHEMA_REGISTRY_URL=" + stack.schemaRegistryUrl());
        System.out.println("Ctrl-C stops it.");
        stop.await();
        return 0;
    }
}
