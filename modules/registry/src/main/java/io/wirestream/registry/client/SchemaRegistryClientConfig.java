package io.wirestream.registry.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of {@link RestSchemaRegistryClient}, parsed once from Confluent's configuration keys so
 * that a Confluent serde configuration works unchanged.
 *
 * @param urls registry base URLs, without user info, tried in order on connection failure
 * @param authorization value of the {@code Authorization} header, when credentials are configured
 * @param headers further headers sent with every request (Confluent Cloud's bearer-auth routing headers)
 * @param maxRetries retries after the first attempt, on connection errors and 5xx answers only
 * @param retryWait wait before the first retry; doubles per retry up to {@code retryMaxWait}
 */
public record SchemaRegistryClientConfig(
        List<URI> urls,
        Optional<String> authorization,
        Map<String, String> headers,
        int maxRetries,
        Duration retryWait,
        Duration retryMaxWait,
        Duration connectTimeout,
        Duration requestTimeout) {

    public static final String URL = "schema.registry.url";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Alias Confluent also accepts. */
    public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    public static final String BEARER_AUTH_LOGICAL_CLUSTER = "bearer.auth.logical.cluster";
    public static final String BEARER_AUTH_IDENTITY_POOL_ID = "bearer.auth.identity.pool.id";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";

    public SchemaRegistryClientConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(URL + " must name at least one registry URL");
        }
        Objects.requireNonNull(authorization, "authorization");
        headers = Map.copyOf(headers);
        if (maxRetries < 0) {
            throw new IllegalArgumentException(MAX_RETRIES + " must be >= 0, was " + maxRetries);
        }
        Objects.requireNonNull(retryWait, "retryWait");
        Objects.requireNonNull(retryMaxWait, "retryMaxWait");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** Plain settings for the given URLs: no credentials, 3 retries from 100 ms, 10 s connect, 30 s request timeout. */
    public static SchemaRegistryClientConfig of(String commaSeparatedUrls) {
        return parse(Map.of(URL, commaSeparatedUrls));
    }

    /**
     * Parses Confluent's keys: {@value #URL} (comma-separated, user info allowed),
     * {@value #BASIC_AUTH_CREDENTIALS_SOURCE} ({@code URL}, the default, or {@code USER_INFO} with
     * {@value #BASIC_AUTH_USER_INFO}), {@value #BEARER_AUTH_CREDENTIALS_SOURCE} ({@code STATIC_TOKEN}
     * with {@value #BEARER_AUTH_TOKEN}), {@value #MAX_RETRIES}, {@value #RETRIES_WAIT_MS},
     * {@value #RETRIES_MAX_WAIT_MS}, {@value #HTTP_CONNECT_TIMEOUT_MS}, {@value #HTTP_READ_TIMEOUT_MS}.
     */
    public static SchemaRegistryClientConfig parse(Map<String, ?> configs) {
        List<String> raw = urlList(configs.get(URL));
        if (raw.isEmpty()) {
            throw new IllegalArgumentException(URL + " is required, e.g. http://localhost:8081");
        }
        List<URI> urls = new ArrayList<>();
        String urlUserInfo = null;
        for (String u : raw) {
            URI uri = toUri(u);
            if (uri.getUserInfo() != null && urlUserInfo == null) {
                // URI decodes percent-escapes only; URLDecoder would also turn '+' into a space.
                urlUserInfo = uri.getUserInfo();
            }
            urls.add(withoutUserInfo(uri));
        }

        Optional<String> authorization = Optional.empty();
        Map<String, String> headers = new LinkedHashMap<>();
        String bearerSource = string(configs, BEARER_AUTH_CREDENTIALS_SOURCE);
        String basicSource = Optional.ofNullable(string(configs, BASIC_AUTH_CREDENTIALS_SOURCE)).orElse("URL");
        if (bearerSource != null && !bearerSource.isBlank()) {
            if (!bearerSource.equalsIgnoreCase("STATIC_TOKEN")) {
                throw new IllegalArgumentException(BEARER_AUTH_CREDENTIALS_SOURCE + " must be STATIC_TOKEN, was "
                        + bearerSource + " (other sources are not supported)");
            }
            String token = string(configs, BEARER_AUTH_TOKEN);
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException(BEARER_AUTH_TOKEN + " is required when "
                        + BEARER_AUTH_CREDENTIALS_SOURCE + "=STATIC_TOKEN");
            }
            authorization = Optional.of("Bearer " + token.trim());
            putIfSet(headers, "target-sr-cluster", string(configs, BEARER_AUTH_LOGICAL_CLUSTER));
            putIfSet(headers, "Confluent-Identity-Pool-Id", string(configs, BEARER_AUTH_IDENTITY_POOL_ID));
        } else {
            String userInfo = switch (basicSource.trim().toUpperCase(Locale.ROOT)) {
                case "URL" -> urlUserInfo;
                case "USER_INFO" -> {
                    String ui = Optional.ofNullable(string(configs, BASIC_AUTH_USER_INFO))
                            .orElse(string(configs, SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO));
                    if (ui == null || ui.isBlank() || !ui.contains(":")) {
                        throw new IllegalArgumentException(BASIC_AUTH_USER_INFO + " must be user:password when "
                                + BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO");
                    }
                    yield ui;
                }
                default -> throw new IllegalArgumentException(BASIC_AUTH_CREDENTIALS_SOURCE
                        + " must be URL or USER_INFO, was " + basicSource);
            };
            if (userInfo != null) {
                authorization = Optional.of("Basic "
                        + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
            }
        }

        return new SchemaRegistryClientConfig(urls, authorization, headers,
                integer(configs, MAX_RETRIES, 3),
                Duration.ofMillis(integer(configs, RETRIES_WAIT_MS, 100)),
                Duration.ofMillis(integer(configs, RETRIES_MAX_WAIT_MS, 5_000)),
                Duration.ofMillis(integer(configs, HTTP_CONNECT_TIMEOUT_MS, 10_000)),
                Duration.ofMillis(integer(configs, HTTP_READ_TIMEOUT_MS, 30_000)));
    }

    /** The registry URLs of a config value: a comma-separated string or a list of strings. */
    public static List<String> urlList(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            c.forEach(v -> out.addAll(urlList(v)));
        } else if (value != null) {
            for (String s : value.toString().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    private static URI toUri(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException(URL + ": '" + url + "' is not an http(s)://host[:port] URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(URL + ": '" + url + "' is not a valid URL: " + e.getMessage(), e);
        }
    }

    private static URI withoutUserInfo(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path);
    }

    private static String string(Map<String, ?> configs, String key) {
        Object v = configs.get(key);
        return v == null ? null : v.toString();
    }

    private static int integer(Map<String, ?> configs, String key, int dflt) {
        Object v = configs.get(key);
        if (v == null || v.toString().isBlank()) {
            return dflt;
        }
        try {
            int i = v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString().trim());
            if (i < 0) {
                throw new IllegalArgumentException(key + " must be >= 0, was " + i);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a non-negative integer, was '" + v + "'", e);
        }
    }

    private static void putIfSet(Map<String, String> headers, String name, String value) {
        if (value != null && !value.isBlank()) {
            headers.put(name, value.trim());
        }
    }
}
