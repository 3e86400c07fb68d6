package io.wirestream.cli;

import io.wirestream.runtime.ServiceSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Options every command that talks to a cluster shares. Precedence: command-line option, then the
 * {@code --config} file, then the environment ({@code WIRESTREAM_BOOTSTRAP_SERVERS}, ...), then defaults.
 */
public final class ConnectionOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (Kafka Streams, client and Wirestream keys).")
    Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka bootstrap servers (env WIRESTREAM_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL", description = "Confluent-compatible Schema Registry URL (env WIRESTREAM_SCHEMA_REGISTRY_URL).")
    String schemaRegistryUrl;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", description = "Prefix of every topic name, e.g. 'v2.' for a reprocessing run beside the live one.")
    String topicPrefix;

    /** The properties these options describe. */
    public Properties properties() {
        Properties p = new Properties();
        if (config != null) {
            try (Reader r = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --config " + config + ": " + e.getMessage(), e);
            }
        }
        if (bootstrapServers != null) {
            p.setProperty(ServiceSettings.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        if (schemaRegistryUrl != null) {
            p.setProperty(ServiceSettings.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        }
        if (topicPrefix != null) {
            p.setProperty(ServiceSettings.TOPICS_PREFIX, topicPrefix);
        }
        return p;
    }

    /** Settings of {@code service} from these options and the process environment. */
    public ServiceSettings settings(String service) {
        return ServiceSettings.parse(service, properties(), System.getenv());
    }

    /** Settings of {@code service} from these options and the given environment (tests). */
    public ServiceSettings settings(String service, Map<String, String> env) {
        return ServiceSettings.parse(service, properties(), env);
    }
}
