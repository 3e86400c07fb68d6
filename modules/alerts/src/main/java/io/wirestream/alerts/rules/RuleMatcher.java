package io.wirestream.alerts.rules;

import io.wirestream.client.Durations;
import io.wirestream.client.HeaderFilter;
import io.wirestream.model.ActorTag;
import io.wirestream.model.AlertRule;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.RegionTag;
import io.wirestream.model.RuleGrouping;
import io.wirestream.model.RuleTrigger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rule's filter, prepared once: what an article must carry for the rule to count it.
 *
 * <p>The filter has two parts. The <em>content</em> part (regions, actors, kinds, keywords, language,
 * minimum confidence) is decided on the original article of a story; syndicated copies of that story
 * share its content. The <em>source</em> part is decided per article, so a copy from a watched source
 * counts even when the original came from another one.
 */
public final class RuleMatcher {

    private final AlertRule rule;
    private final Set<String> regions;
    private final Set<String> actors;
    private final Set<String> kinds;
    private final List<String> keywords;
    private final Set<String> sources;
    private final Set<String> languages;

    public RuleMatcher(AlertRule rule) {
        this.rule = rule;
        this.regions = lower(rule.getRegions());
        this.actors = lower(rule.getActors());
        this.kinds = lower(rule.getKinds());
        this.keywords = rule.getKeywords().stream().map(k -> " " + words(k) + " ").filter(k -> !k.isBlank()).toList();
        this.sources = lower(rule.getSources());
        this.languages = lower(rule.getLanguages());
    }

    public AlertRule rule() {
        return rule;
    }

    /** True for burst rules that count articles per region rather than per story. */
    public boolean groupsByRegion() {
        return rule.getTrigger() == RuleTrigger.BURST && rule.getGroupBy() == RuleGrouping.REGION;
    }

    /** Whether the article's content (everything but its source) matches. Cost: one pass over tags and, with keywords, over the text. */
    public boolean contentMatches(EnrichedArticle a) {
        double min = rule.getMinConfidence();
        if (!languages.isEmpty() && (a.getLanguage() == null || !languages.contains(a.getLanguage().toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (!regions.isEmpty() && a.getRegions().stream().noneMatch(r -> r.getConfidence() >= min && regionListed(r))) {
            return false;
        }
        if (!actors.isEmpty() && a.getActors().stream().noneMatch(t -> t.getConfidence() >= min && actorListed(t))) {
            return false;
        }
        if (!kinds.isEmpty() && a.getActors().stream().noneMatch(t -> t.getConfidence() >= min
                && kinds.contains(t.getKind().name().toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (!keywords.isEmpty()) {
            String text = " " + words(a.getTitle()) + " " + words(a.getBody()) + " ";
            return keywords.stream().anyMatch(text::contains);
        }
        return true;
    }

    /** Whether an article from {@code source} may count. */
    public boolean sourceMatches(String source) {
        return sources.isEmpty() || (source != null && sources.contains(source.toLowerCase(Locale.ROOT)));
    }

    /**
     * The regions a region-grouped burst counts this article under: the country (else the code) of each
     * tag at or above the minimum confidence that the rule's regions name; without regions in the rule,
     * the focus region's.
     */
    public List<String> regionGroups(EnrichedArticle a) {
        Set<String> out = new LinkedHashSet<>();
        for (RegionTag r : a.getRegions()) {
            if (r.getConfidence() < rule.getMinConfidence()) {
                continue;
            }
            if (regions.isEmpty() ? r.getFocus() : regionListed(r)) {
                out.add((r.getCountry() != null ? r.getCountry() : r.getCode()).toUpperCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(out);
    }

    /** A one-line description of the filter, for listings. */
    public String describeFilter() {
        List<String> parts = new ArrayList<>();
        add(parts, "regions", rule.getRegions());
        add(parts, "actors", rule.getActors());
        add(parts, "kinds", rule.getKinds());
        add(parts, "keywords", rule.getKeywords());
        add(parts, "sources", rule.getSources());
        add(parts, "lang", rule.getLanguages());
        if (rule.getMinConfidence() > 0) {
            parts.add("min-confidence=" + rule.getMinConfidence());
        }
        return parts.isEmpty() ? "everything" : String.join(" ", parts);
    }

    /** A one-line description of the trigger, e.g. {@code burst >=4 articles/>=3 sources in 30m per story, grace 5m}. */
    public String describeTrigger() {
        String cooldown = rule.getCooldownMs() > 0 ? ", cooldown " + Durations.format(rule.getCooldownMs()) : "";
        return switch (rule.getTrigger()) {
            case EVERY -> "every" + cooldown;
            case NEW_STORY -> "new-story";
            case BURST -> "burst >=" + rule.getMinArticles() + " articles/>=" + rule.getMinSources() + " sources in "
                    + Durations.format(rule.getWindowMs()) + " per " + rule.getGroupBy().name().toLowerCase(Locale.ROOT)
                    + ", grace " + Durations.format(rule.getGraceMs()) + cooldown;
        };
    }

    private static void add(List<String> parts, String name, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(name + "=" + String.join(",", values));
        }
    }

    private boolean regionListed(RegionTag r) {
        return regions.contains(r.getCode().toLowerCase(Locale.ROOT))
                || (r.getCountry() != null && regions.contains(r.getCountry().toLowerCase(Locale.ROOT)));
    }

    /** The rule of {@link HeaderFilter#actorMatches}: the id, the id without its {@code discovered:} prefix, or one word of it. */
    private boolean actorListed(ActorTag t) {
        return HeaderFilter.actorMatches(actors, t.getId());
    }

    /** Lower-case words separated by single spaces, so that a phrase matches on word boundaries. */
    static String words(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        boolean space = true;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                b.appendCodePoint(Character.toLowerCase(cp));
                space = false;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        int end = b.length();
        return end > 0 && b.charAt(end - 1) == ' ' ? b.substring(0, end - 1) : b.toString();
    }

    private static Set<String> lower(List<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
