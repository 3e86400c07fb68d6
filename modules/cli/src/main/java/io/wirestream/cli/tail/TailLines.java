package io.wirestream.cli.tail;

import io.wirestream.client.subscribe.Received;
import io.wirestream.model.ActorTag;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.RegionTag;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The readable lines of {@code wirestream tail}. An enriched article reads
 * {@code 2022-11-23 08:14Z  AM  <title>  [<top actors>]  story=<id> dups=<n>}: publication time (record time
 * when unknown), focus region ({@link #focus}; {@code --} when none), title (cut at 100 characters), up to three actors,
 * the story id and how many duplicates the story has as known when the line is printed ({@code ?} when
 * the story is not known yet). Other records read {@code <time>  <key>  <title or summary>}.
 */
public final class TailLines {

    static final int TITLE_MAX = 100;
    static final int TOP_ACTORS = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    private TailLines() {
    }

    /** The line for an enriched article; {@code duplicates} empty when the story's count is not known. */
    public static String enriched(EnrichedArticle a, Instant recordTime, OptionalInt duplicates) {
        StringBuilder b = new StringBuilder();
        b.append(TIME.format(a.getPublishedAt() != null ? a.getPublishedAt() : recordTime));
        b.append("  ").append(focus(a));
        b.append("  ").append(cut(oneLine(a.getTitle())));
        if (!a.getActors().isEmpty()) {
            b.append("  [").append(a.getActors().stream().limit(TOP_ACTORS).map(ActorTag::getName)
                    .collect(Collectors.joining(", "))).append(']');
        }
        b.append("  story=").append(a.getStoryId());
        b.append(" dups=").append(duplicates.isPresent() ? Integer.toString(duplicates.getAsInt()) : "?");
        return b.toString();
    }

    /**
     * The focus region's code when it is an ISO code ({@code AM}, {@code US-GA}); a city or a region without
     * one ({@code geonames:4180439}, {@code ws:...}) by name and country: {@code Atlanta (US)}.
     */
    static String focus(EnrichedArticle a) {
        String code = a.getFocusRegion();
        if (code == null) {
            return "--";
        }
        if (code.indexOf(':') < 0) {
            return code;
        }
        for (RegionTag r : a.getRegions()) {
            if (r.getCode().equals(code)) {
                return r.getCountry() == null ? r.getName() : r.getName() + " (" + r.getCountry() + ")";
            }
        }
        return code;
    }

    /** The line for any other record: time, key, and its {@code title} field (else its record type). */
    public static String other(Received<? extends SpecificRecord> r) {
        SpecificRecord v = r.value();
        Schema.Field title = v.getSchema().getField("title");
        String text = title != null && v.get(title.pos()) != null ? v.get(title.pos()).toString()
                : v.getSchema().getName();
        return TIME.format(r.timestamp()) + "  " + r.key() + "  " + cut(oneLine(text));
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private static String cut(String s) {
        return s.length() <= TITLE_MAX ? s : s.substring(0, TITLE_MAX - 1) + "…";
    }
}
