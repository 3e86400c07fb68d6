package io.wirestream.model.topic;

/**
 * Names of the record headers that let consumers filter without deserialising values. The tagger sets
 * all of them on {@code news.events.enriched}; values are UTF-8, lists are comma-separated.
 */
public final class FilterHeaders {

    /** Distinct ISO 3166-1 country codes of the article's region tags, most relevant first. */
    public static final String REGIONS = "regions";
    /** Actor ids, most relevant first. */
    public static final String ACTORS = "actors";
    /** Distinct actor kinds ({@code PERSON}, {@code GOVERNMENT}, ...). */
    public static final String KINDS = "kinds";
    /** ISO 639-1 language code, empty when unknown. */
    public static final String LANG = "lang";
    /** The source as the connector named it. */
    public static final String SOURCE = "source";
    /** The story the article belongs to. */
    public static final String STORY = "story";

    private FilterHeaders() {
    }
}
