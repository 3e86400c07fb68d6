package io.wirestream.ingest;

import io.wirestream.ingest.extract.ExtractorConfig;
import java.util.Map;

/**
 * Ingest service settings, validated once.
 *
 * @param boilerplateMinArticles  a paragraph seen in this many articles of one source is boilerplate
 * @param boilerplateExpiry       paragraph statistics unused for this long (stream time) are forgotten
 * @param extractor               size and length limits of extraction
 */
public record IngestConfig(int boilerplateMinArticles, java.time.Duration boilerplateExpiry, ExtractorConfig extractor) {

    public IngestConfig {
        if (boilerplateMinArticles < 2) {
            throw new IllegalArgumentException("ingest.boilerplate.min.articles must be >= 2, was " + boilerplateMinArticles);
        }
        if (boilerplateExpiry.isNegative() || boilerplateExpiry.isZero()) {
            throw new IllegalArgumentException("ingest.boilerplate.expiry must be > 0, was " + boilerplateExpiry);
        }
    }

    public static IngestConfig defaults() {
        return new IngestConfig(3, java.time.Duration.ofDays(14), ExtractorConfig.defaults());
    }

    /**
     * Reads {@code ingest.boilerplate.min.articles}, {@code ingest.boilerplate.expiry} (ISO-8601, e.g. P14D),
     * {@code ingest.max.bytes} and {@code ingest.min.body.chars}.
     */
    public static IngestConfig parse(Map<String, String> props) {
        IngestConfig d = defaults();
        try {
            return new IngestConfig(
                    Integer.parseInt(props.getOrDefault("ingest.boilerplate.min.articles", Integer.toString(d.boilerplateMinArticles))),
                    java.time.Duration.parse(props.getOrDefault("ingest.boilerplate.expiry", d.boilerplateExpiry.toString())),
                    new ExtractorConfig(
                            Integer.parseInt(props.getOrDefault("ingest.max.bytes", Integer.toString(d.extractor.maxBytes()))),
                            Integer.parseInt(props.getOrDefault("ingest.min.body.chars", Integer.toString(d.extractor.minBodyChars())))));
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("invalid ingest.* setting: " + e.getMessage(), e);
        }
    }
}
