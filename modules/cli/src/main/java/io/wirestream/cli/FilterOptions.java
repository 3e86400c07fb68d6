package io.wirestream.cli;

import io.wirestream.client.HeaderFilter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The record filter every reading command shares ({@code tail}, {@code replay}, ...): each option is
 * comma-separated and repeatable; values of one option are alternatives (OR), different options must all
 * match (AND). Decided on the record headers ({@link io.wirestream.model.topic.FilterHeaders}), so records
 * that do not match are never deserialised.
 */
public final class FilterOptions {

    @Option(names = "--region", paramLabel = "CODES", split = ",",
            description = "ISO 3166-1 country codes, e.g. AM,AZ (any of them; repeatable).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--actor", paramLabel = "IDS", split = ",",
            description = "Actor ids or one word of them, e.g. putin or vladimir-putin (any; repeatable).")
    List<String> actors = new ArrayList<>();

    @Option(names = "--kind", paramLabel = "KINDS", split = ",",
            description = "Actor kinds, e.g. PERSON,GOVERNMENT (any; repeatable).")
    List<String> kinds = new ArrayList<>();

    @Option(names = "--lang", paramLabel = "CODES", split = ",",
            description = "ISO 639-1 language codes, e.g. en,fr (any; repeatable).")
    List<String> languages = new ArrayList<>();

    @Option(names = "--source", paramLabel = "NAMES", split = ",",
            description = "Source names as the connector recorded them (any; repeatable).")
    List<String> sources = new ArrayList<>();

    /** The filter these options describe; {@link HeaderFilter#none()} when no option was given. */
    public HeaderFilter filter() {
        return HeaderFilter.none().withRegions(regions).withActors(actors).withKinds(kinds)
                .withLanguages(languages).withSources(sources);
    }
}
