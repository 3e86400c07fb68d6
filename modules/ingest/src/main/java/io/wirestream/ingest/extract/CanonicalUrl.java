package io.wirestream.ingest.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Canonical form of an article URL: lower-case scheme and host, no default port, no fragment, no
 * tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, ...), remaining parameters kept in
 * their order. Two links to the same article from different feeds give the same canonical URL.
 */
public final class CanonicalUrl {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid",
            "igshid", "yclid", "_ga", "ocid", "cmpid", "smid", "ref_src");

    private CanonicalUrl() {
    }

    /** The canonical URL, or empty when {@code url} is blank or not an absolute http(s) URL. */
    public static Optional<String> of(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
                port = -1;
            }
            String query = uri.getRawQuery() == null ? null : Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(p -> !p.isEmpty() && !isTracking(p))
                    .collect(Collectors.joining("&"));
            StringBuilder out = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
            if (port != -1) {
                out.append(':').append(port);
            }
            String path = uri.getRawPath();
            out.append(path == null || path.isEmpty() ? "/" : path);
            if (query != null && !query.isEmpty()) {
                out.append('?').append(query);
            }
            return Optional.of(out.toString());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The host without a leading {@code www.}, or empty. */
    public static Optional<String> domain(String url) {
        return of(url).map(u -> URI.create(u).getHost()).map(h -> h.startsWith("www.") ? h.substring(4) : h);
    }

    private static boolean isTracking(String param) {
        String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING.contains(name);
    }
}
