package io.wirestream.tagger;

import io.wirestream.model.DedupedArticle;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.RawArticle;
import io.wirestream.model.RegionKind;
import io.wirestream.tagger.data.ActorDictionary;
import io.wirestream.tagger.data.Gazetteer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Tags articles with the regions and actors they are about, each with its mentions (offsets, surface,
 * rule) so that every tag explains itself. Pure, deterministic and thread-safe; the data loads once
 * ({@link #shared()}) and is immutable afterwards. The service and {@code wirestream analyze} both call
 * {@link #analyze}.
 */
public final class Tagger {

    /** Name and version of the rules; {@link #version()} adds the data sizes. */
    public static final String NAME = "wirestream-tagger/0.2";

    private static volatile Tagger shared;

    private final Gazetteer gazetteer;
    private final ActorDictionary dictionary;
    private final TextAnalyzer analyzer;

    private Tagger(Gazetteer gazetteer, ActorDictionary dictionary) {
        this.gazetteer = gazetteer;
        this.dictionary = dictionary;
        this.analyzer = new TextAnalyzer(gazetteer, dictionary);
    }

    /** Loads the bundled gazetteer and dictionary (about a second; see {@link #stats()}). */
    public static Tagger load() {
        return new Tagger(Gazetteer.load(), ActorDictionary.load());
    }

    /** One tagger per JVM, loaded on first use. */
    public static Tagger shared() {
        Tagger t = shared;
        if (t == null) {
            synchronized (Tagger.class) {
                t = shared;
                if (t == null) {
                    t = load();
                    shared = t;
                }
            }
        }
        return t;
    }

    /**
     * Regions and actors of one article. Offsets are Java {@code String} indexes into {@code title} or
     * {@code body}. Roles are those held at {@code published} (today when null).
     */
    public Analysis analyze(String title, String body, Instant published) {
        LocalDate date = (published == null ? Instant.now() : published).atZone(ZoneOffset.UTC).toLocalDate();
        return analyzer.analyze(title, body, date);
    }

    /**
     * Only the first step of {@link #analyze}: credits skipped, the longest-match scan for names, aliases, actors
     * and blocking phrases. Returns the number of phrases found. For measuring the matching kernel on its own.
     */
    public int matchPhrases(String text) {
        return analyzer.scan(text);
    }

    /** The enriched event for an original article; {@code taggedAt} is the stream time given by the caller. */
    public EnrichedArticle tag(DedupedArticle deduped, long taggedAt) {
        RawArticle a = deduped.getArticle();
        Instant when = a.getPublishedAt() != null ? a.getPublishedAt() : a.getIngestedAt();
        Analysis analysis = analyzer.analyze(a.getTitle(), a.getBody(), when.atZone(ZoneOffset.UTC).toLocalDate());
        return EnrichedArticle.newBuilder()
                .setArticleId(deduped.getArticleId())
                .setStoryId(deduped.getStoryId())
                .setSource(a.getSource())
                .setPublisher(a.getPublisher())
                .setUrl(a.getCanonicalUrl() != null ? a.getCanonicalUrl() : a.getUrl())
                .setTitle(a.getTitle())
                .setBody(a.getBody())
                .setLanguage(a.getLanguage())
                .setPublishedAt(a.getPublishedAt())
                .setIngestedAt(a.getIngestedAt())
                .setFocusRegion(analysis.focus())
                .setRegions(analysis.regions())
                .setActors(analysis.actors())
                .setTagger(version())
                .setTaggedAt(Instant.ofEpochMilli(taggedAt))
                .build();
    }

    /** Rules and data version, written into every enriched event so that replays can tell versions apart. */
    public String version() {
        return NAME + "+data." + gazetteer.size() + "r." + dictionary.size() + "a";
    }

    /** Sizes of the loaded data. */
    public Stats stats() {
        return new Stats(gazetteer.count(RegionKind.COUNTRY), gazetteer.count(RegionKind.SUBDIVISION),
                gazetteer.count(RegionKind.CITY), gazetteer.count(RegionKind.DISPUTED) + gazetteer.count(RegionKind.HISTORICAL)
                        + gazetteer.count(RegionKind.SUPRANATIONAL), gazetteer.names().size(), dictionary.size(),
                dictionary.blockers().size(), analyzer.phrases());
    }

    /** Data sizes: regions by kind, surface names, actors, blocking phrases and phrases in the index. */
    public record Stats(long countries, long subdivisions, long cities, long otherRegions, int placeNames, int actors,
            int blockers, int phrases) {
    }
}
