package io.wirestream.tagger;

import io.wirestream.model.ActorKind;
import io.wirestream.model.ActorTag;
import io.wirestream.model.DedupedArticle;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.Mention;
import io.wirestream.model.RawArticle;
import io.wirestream.model.RegionKind;
import io.wirestream.model.RegionTag;
import io.wirestream.model.TextField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags an original article with the countries and people it mentions, each with its mentions (offsets,
 * surface, rule) so that every tag explains itself. Pure and deterministic.
 *
 * <p>Foundation scope: countries by their English names (case-sensitive, whole words, longest match
 * wins so "South Sudan" is not also "Sudan"), people discovered after a title ("Foreign Minister Lena
 * Hartmann") with later surname-only mentions counted. The focus region is the one with the highest
 * weighted mention count (title ×3, lead ×2). Dictionaries of known actors, demonyms, subdivisions,
 * cities and disambiguation are the tagger issue's work.
 */
public final class Tagger {

    /** Name and version written into {@link EnrichedArticle#getTagger()}. */
    public static final String NAME = "wirestream-tagger/0.1+jdk-iso3166";

    private static final int LEAD_CHARS = 400;
    private static final Pattern TITLED_PERSON = Pattern.compile(
            "\\b(President|Vice President|Prime Minister|Deputy Prime Minister|(?:Foreign|Defence|Defense|Finance|Interior|Trade|Health|Economy|Energy|Agriculture)"
                    + " Minister|Minister|Chancellor|Secretary-General|Secretary General|Secretary|Governor|Mayor|General"
                    + "|Commissioner|Ambassador|Senator|Envoy|Chairman|Chairwoman|Chair|Spokesperson|Spokesman|Spokeswoman|Judge|Director)"
                    + "\\s+((?:\\p{Lu}[\\p{L}'’-]+\\s+){0,2}\\p{Lu}[\\p{L}'’-]+)");

    private final Map<String, String> countryNames = CountryNames.load();

    /** The enriched event for an original article; {@code taggedAt} is the stream time given by the caller. */
    public EnrichedArticle tag(DedupedArticle deduped, long taggedAt) {
        RawArticle a = deduped.getArticle();
        List<RegionTag> regions = regions(a.getTitle(), a.getBody());
        List<ActorTag> actors = people(a.getTitle(), a.getBody());
        String focus = regions.stream().filter(RegionTag::getFocus).map(RegionTag::getCode).findFirst().orElse(null);
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
                .setFocusRegion(focus)
                .setRegions(regions)
                .setActors(actors)
                .setTagger(NAME)
                .setTaggedAt(Instant.ofEpochMilli(taggedAt))
                .build();
    }

    List<RegionTag> regions(String title, String body) {
        Map<String, List<Mention>> byCode = new LinkedHashMap<>();
        for (Mention m : countryMentions(title, TextField.TITLE)) {
            byCode.computeIfAbsent(countryNames.get(m.getSurface()), c -> new ArrayList<>()).add(m);
        }
        for (Mention m : countryMentions(body, TextField.BODY)) {
            byCode.computeIfAbsent(countryNames.get(m.getSurface()), c -> new ArrayList<>()).add(m);
        }
        List<RegionTag> tags = new ArrayList<>();
        for (var e : byCode.entrySet()) {
            List<Mention> ms = e.getValue();
            tags.add(RegionTag.newBuilder()
                    .setCode(e.getKey())
                    .setName(CountryNames.nameOf(e.getKey()))
                    .setKind(RegionKind.COUNTRY)
                    .setCountry(e.getKey())
                    .setConfidence(Math.min(0.95, 0.55 + 0.1 * ms.size()))
                    .setMentionCount(ms.size())
                    .setMentions(ms)
                    .setRule("gazetteer:jdk-iso3166-name")
                    .build());
        }
        tags.sort(Comparator.comparingDouble((RegionTag t) -> -weight(t)).thenComparing(Tagger::firstOffset));
        if (!tags.isEmpty()) {
            RegionTag top = tags.get(0);
            top.setFocus(true);
            top.setRule(top.getRule() + "; focus: highest weighted mentions (title x3, lead x2) = " + weight(top));
        }
        return tags;
    }

    private List<Mention> countryMentions(String text, TextField field) {
        List<Mention> found = new ArrayList<>();
        boolean[] taken = new boolean[text.length()];
        for (String name : countryNames.keySet()) {        // longest names first
            for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
                int end = i + name.length();
                if (isWordBoundary(text, i - 1) && isWordBoundary(text, end) && isFree(taken, i, end)) {
                    java.util.Arrays.fill(taken, i, end, true);
                    found.add(new Mention(field, i, end, name, "gazetteer:jdk-iso3166-name"));
                }
            }
        }
        found.sort(Comparator.comparingInt(Mention::getStart));
        return found;
    }

    List<ActorTag> people(String title, String body) {
        Map<String, ActorTag> byId = new LinkedHashMap<>();
        Map<String, String> surnameToId = new LinkedHashMap<>();
        for (TextField field : List.of(TextField.TITLE, TextField.BODY)) {
            String text = field == TextField.TITLE ? title : body;
            Matcher m = TITLED_PERSON.matcher(text);
            while (m.find()) {
                String name = m.group(2);
                if (countryNames.containsKey(name)) {
                    continue;            // "President Chad": a country, not a person, at this scope
                }
                String id = "discovered:" + name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]+", "-");
                ActorTag tag = byId.computeIfAbsent(id, k -> ActorTag.newBuilder()
                        .setId(k).setName(name).setKind(ActorKind.PERSON).setRole(m.group(1))
                        .setKnown(false).setConfidence(0.7).setMentionCount(0).setMentions(new ArrayList<>())
                        .setRule("title-pattern: '" + m.group(1) + "' followed by a capitalised name")
                        .build());
                tag.getMentions().add(new Mention(field, m.start(2), m.end(2), name, "title-pattern"));
                String[] parts = name.split("\\s+");
                if (parts.length > 1) {
                    surnameToId.putIfAbsent(parts[parts.length - 1], id);
                }
            }
        }
        for (var e : surnameToId.entrySet()) {
            ActorTag tag = byId.get(e.getValue());
            for (TextField field : List.of(TextField.TITLE, TextField.BODY)) {
                String text = field == TextField.TITLE ? title : body;
                String surname = e.getKey();
                for (int i = text.indexOf(surname); i >= 0; i = text.indexOf(surname, i + 1)) {
                    int start = i;
                    int end = i + surname.length();
                    boolean inFullName = tag.getMentions().stream()
                            .anyMatch(x -> x.getField() == field && x.getStart() <= start && end <= x.getEnd());
                    if (isWordBoundary(text, start - 1) && isWordBoundary(text, end) && !inFullName) {
                        tag.getMentions().add(new Mention(field, start, end, surname, "surname-coreference"));
                    }
                }
            }
        }
        List<ActorTag> tags = new ArrayList<>(byId.values());
        for (ActorTag t : tags) {
            t.getMentions().sort(Comparator.comparing(Mention::getField).thenComparingInt(Mention::getStart));
            t.setMentionCount(t.getMentions().size());
            t.setConfidence(Math.min(0.9, 0.6 + 0.05 * t.getMentionCount()));
        }
        tags.sort(Comparator.comparingInt((ActorTag t) -> -t.getMentionCount()).thenComparing(ActorTag::getId));
        return tags;
    }

    private static double weight(RegionTag t) {
        double w = 0;
        for (Mention m : t.getMentions()) {
            w += m.getField() == TextField.TITLE ? 3 : m.getStart() < LEAD_CHARS ? 2 : 1;
        }
        return w;
    }

    private static int firstOffset(RegionTag t) {
        Mention m = t.getMentions().get(0);
        return m.getField() == TextField.TITLE ? m.getStart() - 1_000_000 : m.getStart();
    }

    private static boolean isWordBoundary(String text, int i) {
        return i < 0 || i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
    }

    private static boolean isFree(boolean[] taken, int from, int to) {
        for (int i = from; i < to; i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }
}
