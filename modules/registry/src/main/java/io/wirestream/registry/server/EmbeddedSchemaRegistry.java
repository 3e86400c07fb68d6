package io.wirestream.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirestream.registry.client.CompatibilityLevel;
import io.wirestream.registry.client.CompatibilityResult;
import io.wirestream.registry.client.InvalidSchemaException;
import io.wirestream.registry.client.InvalidVersionException;
import io.wirestream.registry.client.SchemaMetadata;
import io.wirestream.registry.client.SchemaNotFoundException;
import io.wirestream.registry.client.SchemaRegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A development schema registry: {@link LocalSchemaRegistry} served over HTTP with the JDK's
 * {@code HttpServer}, speaking the subset of Confluent's REST API that Wirestream and Confluent
 * serdes use, with Confluent-shaped answers and errors ({@code {"error_code": 40401, "message": ...}}).
 *
 * <p>Routes: {@code GET /}, {@code GET /subjects}, {@code GET|POST /subjects/{s}/versions},
 * {@code GET /subjects/{s}/versions/{v|latest}[/schema]}, {@code POST|DELETE /subjects/{s}},
 * {@code GET /schemas/ids/{id}}, {@code GET /schemas/types},
 * {@code POST /compatibility/subjects/{s}/versions[/{v|latest}]}, {@code GET|PUT /config[/{s}]}.
 * Avro only.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Server options.
     *
     * @param defaultCompatibility global level until one is set through {@code PUT /config}
     * @param basicAuthUserInfo {@code user:password} every request must present, or null for none
     */
    public record Options(CompatibilityLevel defaultCompatibility, String basicAuthUserInfo) {
        public Options {
            Objects.requireNonNull(defaultCompatibility, "defaultCompatibility");
        }

        /** BACKWARD, no authentication: Confluent's defaults. */
        public static Options defaults() {
            return new Options(CompatibilityLevel.BACKWARD, null);
        }

        public Options withBasicAuth(String userInfo) {
            return new Options(defaultCompatibility, userInfo);
        }

        public Options withDefaultCompatibility(CompatibilityLevel level) {
            return new Options(level, basicAuthUserInfo);
        }
    }

    private final SchemaStore store;
    private final LocalSchemaRegistry registry;
    private final HttpServer server;
    private final ExecutorService executor;
    /** Base64 of {@code user:password} expected after "Basic ", or null when no credentials are required. */
    private final byte[] expectedCredentials;
    private final String url;

    private EmbeddedSchemaRegistry(SchemaStore store, String host, int port, Options options) throws IOException {
        this.store = store;
        this.registry = new LocalSchemaRegistry(store, options.defaultCompatibility());
        this.expectedCredentials = options.basicAuthUserInfo() == null ? null : Base64.getEncoder()
                .encodeToString(options.basicAuthUserInfo().getBytes(StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.US_ASCII);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "schema-registry-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpServer created = null;
        try {
            created = HttpServer.create(new InetSocketAddress(host, port), 0);
            created.setExecutor(executor);
            created.createContext("/", this::handle);
            created.start();
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            if (created != null) {
                try {
                    created.stop(0);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        this.server = created;
        String shownHost = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        this.url = "http://" + (shownHost.contains(":") ? "[" + shownHost + "]" : shownHost) + ":"
                + server.getAddress().getPort();
    }

    /** Starts a registry over {@code store} on {@code host:port} (0 for a free port) with {@link Options#defaults()}. */
    public static EmbeddedSchemaRegistry start(SchemaStore store, String host, int port) {
        return start(store, host, port, Options.defaults());
    }

    /** Starts a registry over {@code store} on {@code host:port} (0 for a free port). */
    public static EmbeddedSchemaRegistry start(SchemaStore store, String host, int port, Options options) {
        try {
            EmbeddedSchemaRegistry r = new EmbeddedSchemaRegistry(store, host, port, options);
            log.info("Schema registry listening on {} over {}", r.url, store);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start schema registry on " + host + ":" + port, e);
        }
    }

    /** Base URL to give as {@code schema.registry.url}, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The registry state served, for in-process inspection. */
    public LocalSchemaRegistry registry() {
        return registry;
    }

    /** Stops serving and closes the store. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        store.close();
        log.info("Schema registry on {} stopped", url);
    }

    // --- HTTP ---------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        try (exchange) {
            if (expectedCredentials != null && !authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"schema-registry\"");
                respond(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            try {
                JsonNode answer = route(method, segments(path), query(exchange.getRequestURI().getRawQuery()),
                        exchange.getRequestBody());
                respond(exchange, 200, answer);
            } catch (SchemaRegistryException e) {
                log.debug("{} {} -> {} {}", method, path, e.httpStatus(), e.getMessage());
                respond(exchange, e.httpStatus(), error(e.errorCode(), e.getMessage()));
            } catch (HttpError e) {
                respond(exchange, e.status, error(e.status, e.getMessage()));
            } catch (RuntimeException e) {
                log.error("{} {} failed", method, path, e);
                respond(exchange, 500, error(500, "Internal Server Error: " + e));
            }
        }
    }

    /** Whether an Authorization header carries the expected credentials: scheme in any case, constant-time compare. */
    private boolean authorized(String header) {
        if (header == null) {
            return false;
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Basic")) {
            return false;
        }
        byte[] presented = value.substring(space + 1).strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expectedCredentials, presented);
    }

    private JsonNode route(String method, List<String> p, Map<String, String> query, InputStream body) {
        int n = p.size();
        if (n == 0) {
            requireMethod(method, "GET");
            return JSON.createObjectNode();
        }
        switch (p.get(0)) {
            case "subjects" -> {
                if (n == 1) {
                    requireMethod(method, "GET");
                    return strings(registry.subjects());
                }
                String subject = p.get(1);
                if (n == 2) {
                    if (method.equals("POST")) {
                        return metadata(registry.lookup(subject, schema(body)));
                    }
                    requireMethod(method, "DELETE");
                    return ints(registry.deleteSubject(subject));
                }
                if (p.get(2).equals("versions")) {
                    if (n == 3) {
                        if (method.equals("POST")) {
                            return JSON.createObjectNode().put("id", registry.register(subject, schema(body)));
                        }
                        requireMethod(method, "GET");
                        return ints(registry.versions(subject));
                    }
                    requireMethod(method, "GET");
                    SchemaMetadata m = version(subject, p.get(3));
                    if (n == 4) {
                        return metadata(m);
                    }
                    if (n == 5 && p.get(4).equals("schema")) {
                        return JSON.getNodeFactory().rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(
                                m.schema().toString()));
                    }
                }
            }
            case "schemas" -> {
                if (n == 2 && p.get(1).equals("types")) {
                    requireMethod(method, "GET");
                    return strings(List.of("AVRO"));
                }
                if (n == 3 && p.get(1).equals("ids")) {
                    requireMethod(method, "GET");
                    int id;
                    try {
                        id = Integer.parseInt(p.get(2));
                    } catch (NumberFormatException e) {
                        throw new SchemaNotFoundException("Schema " + p.get(2) + " not found");
                    }
                    return JSON.createObjectNode().put("schema", registry.schemaById(id).toString());
                }
            }
            case "compatibility" -> {
                if ((n == 4 || n == 5) && p.get(1).equals("subjects") && p.get(3).equals("versions")) {
                    requireMethod(method, "POST");
                    String subject = p.get(2);
                    Schema schema = schema(body);
                    CompatibilityResult result;
                    if (n == 4) {
                        result = registry.testCompatibilityWithAll(subject, schema);
                    } else if (isLatest(p.get(4)) && !registry.subjects().contains(subject)) {
                        result = CompatibilityResult.ok();
                    } else {
                        result = registry.testCompatibility(subject, schema, version(subject, p.get(4)).version());
                    }
                    ObjectNode answer = JSON.createObjectNode().put("is_compatible", result.compatible());
                    if ("true".equalsIgnoreCase(query.get("verbose"))) {
                        answer.set("messages", strings(result.messages()));
                    }
                    return answer;
                }
            }
            case "config" -> {
                if (n == 1) {
                    if (method.equals("PUT")) {
                        return JSON.createObjectNode().put("compatibility",
                                registry.setGlobalCompatibility(level(body)).name());
                    }
                    requireMethod(method, "GET");
                    return JSON.createObjectNode().put("compatibilityLevel", registry.globalCompatibility().name());
                }
                if (n == 2) {
                    String subject = p.get(1);
                    if (method.equals("PUT")) {
                        return JSON.createObjectNode().put("compatibility",
                                registry.setCompatibility(subject, level(body)).name());
                    }
                    requireMethod(method, "GET");
                    CompatibilityLevel own = registry.subjectCompatibility(subject);
                    if (own == null && !"true".equalsIgnoreCase(query.get("defaultToGlobal"))) {
                        throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                                "Subject '" + subject + "' does not have subject-level compatibility configured");
                    }
                    return JSON.createObjectNode().put("compatibilityLevel",
                            (own == null ? registry.globalCompatibility() : own).name());
                }
            }
            default -> {
                // falls through to 404
            }
        }
        throw new HttpError(404, "HTTP 404 Not Found");
    }

    private SchemaMetadata version(String subject, String version) {
        if (isLatest(version)) {
            return registry.latest(subject);
        }
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            v = 0;
        }
        if (v < 1) {
            throw new InvalidVersionException("The specified version '" + version + "' is not a valid version id."
                    + " Allowed values are between [1, 2^31-1] and the string \"latest\"");
        }
        return registry.version(subject, v);
    }

    private static boolean isLatest(String version) {
        return version.equals("latest") || version.equals("-1");
    }

    /** The Avro schema of a request body {@code {"schema": "...", "schemaType": "AVRO"}}. */
    private static Schema schema(InputStream body) {
        JsonNode request = body(body);
        String type = request.path("schemaType").asText("AVRO");
        if (!type.equalsIgnoreCase("AVRO")) {
            throw new InvalidSchemaException("Invalid schema type " + type + ": this registry supports AVRO only");
        }
        if (request.path("references").size() > 0) {
            throw new InvalidSchemaException("Schema references are not supported by this registry");
        }
        JsonNode schema = request.get("schema");
        if (schema == null || !schema.isTextual() || schema.asText().isBlank()) {
            throw new InvalidSchemaException("Empty schema");
        }
        try {
            return new Schema.Parser().parse(schema.asText());
        } catch (SchemaParseException e) {
            throw new InvalidSchemaException("Invalid schema " + schema.asText() + ", details: " + e.getMessage());
        } catch (RuntimeException e) {
            // Avro raises plain AvroRuntimeExceptions (bad defaults, bad names) while parsing too.
            throw new InvalidSchemaException("Invalid schema " + schema.asText() + ", details: " + e.getMessage());
        }
    }

    private static CompatibilityLevel level(InputStream body) {
        JsonNode request = body(body);
        JsonNode level = request.has("compatibility") ? request.get("compatibility") : request.get("compatibilityLevel");
        return CompatibilityLevel.parse(level == null || level.isNull() ? null : level.asText());
    }

    private static JsonNode body(InputStream body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new HttpError(400, "Request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new HttpError(400, "Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode metadata(SchemaMetadata m) {
        return JSON.createObjectNode().put("subject", m.subject()).put("version", m.version()).put("id", m.id())
                .put("schema", m.schema().toString());
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    private static ArrayNode ints(List<Integer> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    private static ObjectNode error(int code, String message) {
        return JSON.createObjectNode().put("error_code", code).put("message", message);
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw new HttpError(405, "HTTP 405 Method Not Allowed");
        }
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Path segments, percent-decoded ('+' stays a plus, as in any URL path). */
    private static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "true" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.put(k, v);
            }
        }
        return out;
    }

    /** A plain HTTP error (bad route, method, body) carrying the status as error code. */
    private static final class HttpError extends RuntimeException {
        final int status;

        HttpError(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
