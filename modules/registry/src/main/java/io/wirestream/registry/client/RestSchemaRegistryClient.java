package io.wirestream.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaRegistryClient} over Confluent Schema Registry's REST API, with
 * {@code java.net.http} and Jackson. Works against Confluent, Redpanda, Karapace, Apicurio's
 * ccompat API (give its base path in the URL) and {@code EmbeddedSchemaRegistry}.
 *
 * <p>Ids and the schemas they name are immutable, so {@code register}, {@code lookup} and
 * {@code schemaById} answers are cached without bound; {@code latest} is always asked afresh.
 * Connection failures move on to the next URL; connection failures and 5xx answers are retried
 * with jittered exponential backoff; 4xx answers fail at once. Thread-safe.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    /** Media type of the v1 API, sent as Content-Type and preferred in Accept. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = CONTENT_TYPE
            + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final Logger log = LoggerFactory.getLogger(RestSchemaRegistryClient.class);

    private final SchemaRegistryClientConfig config;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger currentUrl = new AtomicInteger();
    private final Map<String, Map<String, Integer>> registered = new ConcurrentHashMap<>();
    private final Map<String, Map<String, SchemaMetadata>> lookedUp = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(SchemaRegistryClientConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .build();
    }

    /** A client for comma-separated registry URLs, without credentials. */
    public RestSchemaRegistryClient(String urls) {
        this(SchemaRegistryClientConfig.of(urls));
    }

    public SchemaRegistryClientConfig config() {
        return config;
    }

    @Override
    public int register(String subject, Schema schema) {
        String canonical = schema.toString();
        Map<String, Integer> ids = registered.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = ids.get(canonical);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + segment(subject) + "/versions", Map.of("schema", canonical));
        int id = requireInt(answer, "id");
        ids.put(canonical, id);
        schemasById.putIfAbsent(id, schema);
        log.debug("Registered schema {} under subject {} with id {}", schema.getFullName(), subject, id);
        return id;
    }

    @Override
    public SchemaMetadata lookup(String subject, Schema schema) {
        String canonical = schema.toString();
        Map<String, SchemaMetadata> found = lookedUp.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        SchemaMetadata cached = found.get(canonical);
        if (cached != null) {
            return cached;
        }
        SchemaMetadata metadata = metadata(send("POST", "/subjects/" + segment(subject), Map.of("schema", canonical)));
        found.put(canonical, metadata);
        return metadata;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        Schema schema = parse(answer, "schema id " + id);
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    @Override
    public SchemaMetadata latest(String subject) {
        return metadata(send("GET", "/subjects/" + segment(subject) + "/versions/latest", null));
    }

    @Override
    public SchemaMetadata version(String subject, int version) {
        return metadata(send("GET", "/subjects/" + segment(subject) + "/versions/" + version, null));
    }

    @Override
    public List<String> subjects() {
        List<String> out = new ArrayList<>();
        send("GET", "/subjects", null).forEach(n -> out.add(n.asText()));
        return out;
    }

    @Override
    public List<Integer> versions(String subject) {
        return ints(send("GET", "/subjects/" + segment(subject) + "/versions", null));
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, Schema schema) {
        JsonNode answer;
        try {
            answer = send("POST", "/compatibility/subjects/" + segment(subject) + "/versions/latest?verbose=true",
                    Map.of("schema", schema.toString()));
        } catch (SubjectNotFoundException | VersionNotFoundException e) {
            // Older registries answer 404 for a subject without versions: nothing to be incompatible with.
            return CompatibilityResult.ok();
        }
        List<String> messages = new ArrayList<>();
        answer.path("messages").forEach(m -> messages.add(m.asText()));
        return new CompatibilityResult(answer.path("is_compatible").asBoolean(false), messages);
    }

    @Override
    public List<Integer> deleteSubject(String subject) {
        List<Integer> deleted = ints(send("DELETE", "/subjects/" + segment(subject), null));
        registered.remove(subject);
        lookedUp.remove(subject);
        return deleted;
    }

    @Override
    public CompatibilityLevel globalCompatibility() {
        return level(send("GET", "/config", null));
    }

    @Override
    public CompatibilityLevel setGlobalCompatibility(CompatibilityLevel level) {
        return level(send("PUT", "/config", Map.of("compatibility", level.name())));
    }

    @Override
    public CompatibilityLevel compatibility(String subject) {
        return level(send("GET", "/config/" + segment(subject) + "?defaultToGlobal=true", null));
    }

    @Override
    public CompatibilityLevel setCompatibility(String subject, CompatibilityLevel level) {
        return level(send("PUT", "/config/" + segment(subject), Map.of("compatibility", level.name())));
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient" + config.urls();
    }

    // --- HTTP ---------------------------------------------------------------------------------

    /** Sends a request, retrying connection failures and 5xx answers with jittered exponential backoff. */
    private JsonNode send(String method, String pathAndQuery, Object body) {
        byte[] payload;
        try {
            payload = body == null ? null : json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return sendOnce(method, pathAndQuery, payload);
            } catch (SchemaRegistryServerException | SchemaRegistryUnavailableException e) {
                if (attempt >= config.maxRetries()) {
                    throw e;
                }
                long waitMs = backoffMillis(attempt);
                log.warn("Schema registry {} {} failed ({}); retry {} of {} in {} ms", method, pathAndQuery,
                        e.getMessage(), attempt + 1, config.maxRetries(), waitMs);
                try {
                    Thread.sleep(waitMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new SchemaRegistryUnavailableException("Interrupted while waiting to retry " + method
                            + " " + pathAndQuery, ie);
                }
            }
        }
    }

    private long backoffMillis(int attempt) {
        return backoffMillis(attempt, config.retryWait().toMillis(), config.retryMaxWait().toMillis(),
                ThreadLocalRandom.current());
    }

    /**
     * Exponential backoff capped at {@code maxMillis}, with "equal jitter": uniformly random in the
     * upper half of that wait, so that clients failing together do not retry in lock-step.
     */
    static long backoffMillis(int attempt, long baseMillis, long maxMillis, RandomGenerator random) {
        long wait = attempt >= 30 || baseMillis > (Long.MAX_VALUE >> attempt) ? Long.MAX_VALUE : baseMillis << attempt;
        long capped = Math.min(wait, maxMillis);
        long half = capped / 2;
        return half + random.nextLong(capped - half + 1);
    }

    /** One attempt: each URL in turn from the last one that answered, until one answers. */
    private JsonNode sendOnce(String method, String pathAndQuery, byte[] payload) {
        List<URI> urls = config.urls();
        int start = currentUrl.get();
        IOException lastFailure = null;
        for (int i = 0; i < urls.size(); i++) {
            int index = (start + i) % urls.size();
            URI target = URI.create(urls.get(index) + pathAndQuery);
            HttpResponse<byte[]> response;
            try {
                response = http.send(request(method, target, payload), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                log.debug("Schema registry {} unreachable for {} {}: {}", urls.get(index), method, pathAndQuery,
                        e.toString());
                lastFailure = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryUnavailableException("Interrupted during " + method + " " + target, e);
            }
            currentUrl.set(index);
            return answer(method, target, response);
        }
        throw new SchemaRegistryUnavailableException("No schema registry answered " + method + " " + pathAndQuery
                + " at " + urls + ": " + lastFailure, lastFailure);
    }

    private HttpRequest request(String method, URI target, byte[] payload) {
        HttpRequest.Builder b = HttpRequest.newBuilder(target)
                .timeout(config.requestTimeout())
                .header("Accept", ACCEPT)
                .method(method, payload == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(payload));
        if (payload != null) {
            b.header("Content-Type", CONTENT_TYPE);
        }
        config.authorization().ifPresent(a -> b.header("Authorization", a));
        config.headers().forEach(b::header);
        return b.build();
    }

    private JsonNode answer(String method, URI target, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        byte[] body = response.body();
        if (status >= 200 && status < 300) {
            try {
                return body.length == 0 ? NullNode.getInstance() : json.readTree(body);
            } catch (IOException e) {
                throw new SchemaRegistryException(status, status, "Unreadable answer to " + method + " " + target
                        + ": " + e.getMessage(), e);
            }
        }
        int errorCode = status;
        String message = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode error = json.readTree(body);
            if (error != null && error.isObject()) {
                errorCode = error.path("error_code").asInt(status);
                message = error.path("message").asText(message);
            }
        } catch (IOException e) {
            // not JSON (a proxy's HTML page): keep the raw text, shortened
        }
        if (message.length() > 500) {
            message = message.substring(0, 500) + "...";
        }
        throw SchemaRegistryException.of(status, errorCode, message + " [" + method + " " + target + "]");
    }

    // --- JSON ---------------------------------------------------------------------------------

    private static SchemaMetadata metadata(JsonNode n) {
        String subject = n.path("subject").asText();
        return new SchemaMetadata(subject, requireInt(n, "id"), requireInt(n, "version"),
                parse(n, "subject " + subject));
    }

    private static Schema parse(JsonNode n, String what) {
        String type = n.path("schemaType").asText("AVRO");
        if (!type.equalsIgnoreCase("AVRO")) {
            throw new InvalidSchemaException(what + " is a " + type + " schema; only AVRO is supported");
        }
        JsonNode schema = n.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new SchemaRegistryException(200, 200, "Registry answer for " + what + " has no schema: " + n);
        }
        try {
            return new Schema.Parser().parse(schema.asText());
        } catch (SchemaParseException e) {
            throw new InvalidSchemaException("Registry answer for " + what + " is not a valid Avro schema: "
                    + e.getMessage());
        }
    }

    private static int requireInt(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt()) {
            throw new SchemaRegistryException(200, 200, "Registry answer lacks integer field '" + field + "': " + n);
        }
        return v.asInt();
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asInt()));
        return out;
    }

    private static CompatibilityLevel level(JsonNode n) {
        JsonNode v = n.has("compatibilityLevel") ? n.get("compatibilityLevel") : n.get("compatibility");
        return CompatibilityLevel.parse(v == null ? null : v.asText());
    }

    /** Percent-encodes one path segment (a subject may hold '/', ':' or spaces). */
    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
