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
 * the story is not known yet). Other records: see {@link #other}.
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

    /**
     * The line for any other record: time, key, its {@code status} when it has one (duplicate decisions), and
     * its {@code explanation} (alerts), {@code title} or {@code location} (documents), else its record type.
     */
    public static String other(Received<? extends SpecificRecord> r) {
        SpecificRecord v = r.value();
        String status = field(v, "status");
        String text = field(v, "explanation");
        text = text != null ? text : field(v, "title");
        text = text != null ? text : field(v, "location");
        text = text != null ? text : v.getSchema().getName();
        return TIME.format(r.timestamp()) + "  " + r.key() + "  " + (status == null ? "" : status + "  ")
                + cut(oneLine(text));
    }

    private static String field(SpecificRecord v, String name) {
        Schema.Field f = v.getSchema().getField(name);
        Object value = f == null ? null : v.get(f.pos());
        return value == null ? null : value.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private static String cut(String s) {
        return s.length() <= TITLE_MAX ? s : s.substring(0, TITLE_MAX - 1) + "…";
    }
}
