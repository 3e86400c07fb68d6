package io.wirestream.registry.client;

import java.util.List;
import java.util.Map;

/** Makes the client a serde configuration asks for: in memory for {@code mock://scope}, else over HTTP. */
public final class SchemaRegistryClients {

    public static final String MOCK_SCHEME = "mock://";

    private SchemaRegistryClients() {
    }

    /**
     * The client for {@code schema.registry.url}: {@code mock://<scope>} gives the shared
     * {@link InMemorySchemaRegistryClient} of that scope, like Confluent's MockSchemaRegistry;
     * anything else a {@link RestSchemaRegistryClient}.
     */
    public static SchemaRegistryClient create(Map<String, ?> configs) {
        List<String> urls = SchemaRegistryClientConfig.urlList(configs.get(SchemaRegistryClientConfig.URL));
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(SchemaRegistryClientConfig.URL
                    + " is required, e.g. http://localhost:8081 or mock://tests");
        }
        String first = urls.get(0);
        if (first.startsWith(MOCK_SCHEME)) {
            if (urls.size() > 1) {
                throw new IllegalArgumentException(SchemaRegistryClientConfig.URL
                        + ": a mock:// URL cannot be combined with others, was " + urls);
            }
            return InMemorySchemaRegistryClient.forScope(first.substring(MOCK_SCHEME.length()));
        }
        return new RestSchemaRegistryClient(SchemaRegistryClientConfig.parse(configs));
    }
}
