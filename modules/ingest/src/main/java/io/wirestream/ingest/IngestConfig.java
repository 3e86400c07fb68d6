package io.wirestream.ingest;

import java.util.Map;

/**
 * Ingest service settings, validated once.
 *
 * @param boilerplateMinArticles  a paragraph seen in this many articles of one source is boilerplate
 * @param boilerplateMaxParagraphs paragraphs remembered per source
 */
public record IngestConfig(int boilerplateMinArticles, int boilerplateMaxParagraphs) {

    public IngestConfig {
        if (boilerplateMinArticles < 2) {
            throw new IllegalArgumentException("ingest.boilerplate.min.articles must be >= 2, was " + boilerplateMinArticles);
        }
        if (boilerplateMaxParagraphs < 1) {
            throw new IllegalArgumentException("ingest.boilerplate.max.paragraphs must be >= 1, was " + boilerplateMaxParagraphs);
        }
    }

    public static IngestConfig defaults() {
        return new IngestConfig(3, 5_000);
    }

    /** Reads {@code ingest.boilerplate.min.articles} and {@code ingest.boilerplate.max.paragraphs}. */
    public static IngestConfig parse(Map<String, String> props) {
        IngestConfig d = defaults();
        try {
            return new IngestConfig(
                    Integer.parseInt(props.getOrDefault("ingest.boilerplate.min.articles", Integer.toString(d.boilerplateMinArticles))),
                    Integer.parseInt(props.getOrDefault("ingest.boilerplate.max.paragraphs", Integer.toString(d.boilerplateMaxParagraphs))));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid ingest.* setting: " + e.getMessage(), e);
        }
    }
}
