package io.wirestream.client;

import io.wirestream.model.topic.FilterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A filter on the {@link FilterHeaders} of a record, decided without deserialising its value.
 *
 * <p>Each dimension that is not empty must match (AND across dimensions); within one, any value does
 * (OR). A record without the header of a dimension that is asked for does not match. Comparison ignores
 * case. An actor value matches an actor id when it equals the id, the id without its {@code discovered:}
 * prefix, or one word of it: {@code putin} matches {@code vladimir-putin}.
 */
public record HeaderFilter(Set<String> regions, Set<String> actors, Set<String> kinds, Set<String> languages,
        Set<String> sources) {

    private static final HeaderFilter NONE = new HeaderFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public HeaderFilter {
        regions = normalise(regions);
        actors = normalise(actors);
        kinds = normalise(kinds);
        languages = normalise(languages);
        sources = normalise(sources);
    }

    /** The filter that lets every record through. */
    public static HeaderFilter none() {
        return NONE;
    }

    public HeaderFilter withRegions(Collection<String> values) {
        return new HeaderFilter(ordered(values), actors, kinds, languages, sources);
    }

    public HeaderFilter withActors(Collection<String> values) {
        return new HeaderFilter(regions, ordered(values), kinds, languages, sources);
    }

    public HeaderFilter withKinds(Collection<String> values) {
        return new HeaderFilter(regions, actors, ordered(values), languages, sources);
    }

    public HeaderFilter withLanguages(Collection<String> values) {
        return new HeaderFilter(regions, actors, kinds, ordered(values), sources);
    }

    public HeaderFilter withSources(Collection<String> values) {
        return new HeaderFilter(regions, actors, kinds, languages, ordered(values));
    }

    /** True when no dimension is set. */
    public boolean isEmpty() {
        return regions.isEmpty() && actors.isEmpty() && kinds.isEmpty() && languages.isEmpty() && sources.isEmpty();
    }

    /** Whether a record with these headers passes. Cost: one split per header asked for. */
    public boolean matches(Headers headers) {
        return (regions.isEmpty() || anyListed(headers, FilterHeaders.REGIONS, regions))
                && (kinds.isEmpty() || anyListed(headers, FilterHeaders.KINDS, kinds))
                && (languages.isEmpty() || anyListed(headers, FilterHeaders.LANG, languages))
                && (sources.isEmpty() || sources.contains(lower(value(headers, FilterHeaders.SOURCE))))
                && (actors.isEmpty() || anyActor(value(headers, FilterHeaders.ACTORS)));
    }

    /** A short description for people, e.g. {@code regions=am,az actors=putin}; {@code everything} when empty. */
    public String describe() {
        if (isEmpty()) {
            return "everything";
        }
        StringBuilder b = new StringBuilder();
        append(b, "regions", regions);
        append(b, "actors", actors);
        append(b, "kinds", kinds);
        append(b, "lang", languages);
        append(b, "sources", sources);
        return b.toString();
    }

    private static void append(StringBuilder b, String name, Set<String> values) {
        if (!values.isEmpty()) {
            b.append(b.isEmpty() ? "" : " ").append(name).append('=').append(String.join(",", values));
        }
    }

    private static boolean anyListed(Headers headers, String key, Set<String> wanted) {
        String v = value(headers, key);
        if (v == null || v.isEmpty()) {
            return false;
        }
        for (String item : v.split(",")) {
            if (wanted.contains(lower(item.trim()))) {
                return true;
            }
        }
        return false;
    }

    private boolean anyActor(String listed) {
        if (listed == null || listed.isEmpty()) {
            return false;
        }
        for (String id : listed.split(",")) {
            if (actorMatches(actors, id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an actor id is asked for by {@code wanted} (lower-case values): the id itself, the id without
     * its {@code discovered:} prefix, or one word of it. The alerts service's rules use the same rule.
     */
    public static boolean actorMatches(Set<String> wanted, String actorId) {
        String lowered = lower(actorId.trim());
        if (wanted.contains(lowered)) {
            return true;
        }
        String bare = lowered.substring(lowered.indexOf(':') + 1);
        if (wanted.contains(bare)) {
            return true;
        }
        for (String word : bare.split("-")) {
            if (wanted.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static String value(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Keeps the order values were given in, so {@link #describe()} reads as the user wrote it. */
    private static Set<String> ordered(Collection<String> values) {
        return new LinkedHashSet<>(values);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static Set<String> normalise(Set<String> values) {
        return values == null ? Set.of() : values.stream().map(String::trim).filter(v -> !v.isEmpty())
                .map(HeaderFilter::lower).collect(Collectors.collectingAndThen(Collectors.toCollection(LinkedHashSet::new),
                        Collections::unmodifiableSet));
    }
}
