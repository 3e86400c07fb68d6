package io.wirestream.tagger;

import io.wirestream.model.ActorKind;
import io.wirestream.model.ActorTag;
import io.wirestream.model.Mention;
import io.wirestream.model.RegionKind;
import io.wirestream.model.RegionTag;
import io.wirestream.model.TextField;
import io.wirestream.tagger.data.Actor;
import io.wirestream.tagger.data.ActorDictionary;
import io.wirestream.tagger.data.Gazetteer;
import io.wirestream.tagger.data.Place;
import io.wirestream.tagger.data.Role;
import io.wirestream.tagger.match.PhraseIndex;
import io.wirestream.tagger.match.TokenPositions;
import io.wirestream.tagger.match.Tokens;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tagging rules over one article. Immutable and thread-safe: each call works on its own {@link Doc}.
 *
 * <ol>
 *   <li>Tokenise title and body; one longest-match scan of the phrase index finds gazetteer names,
 *   dictionary actors and blocking phrases. Photo credits and bylines are skipped.</li>
 *   <li>Capitalised runs that the dictionary does not know become people (after a title, before a speech
 *   verb, or by surname co-reference) and organisations (by their head or suffix word).</li>
 *   <li>Each place mention is resolved against the article's other evidence (countries, subdivisions,
 *   "Paris, Texas") and kept only when its kind's rule accepts it; places inside names are dropped.</li>
 *   <li>Actors are resolved at the publication date; the focus is the country with the highest weighted
 *   mention score (title ×3, lead ×2, a city counts for its country).</li>
 * </ol>
 */
final class TextAnalyzer {

    sealed interface Entry permits PlaceName, ActorName, Blocker {
    }

    record PlaceName(Gazetteer.Name name) implements Entry {
    }

    record ActorName(Actor actor, boolean isShort) implements Entry {
    }

    enum Blocker implements Entry { BLOCKER }

    /** A phrase found in one field: tokens [from, to), characters [start, end). */
    record Hit(int field, int from, int to, int start, int end, List<Entry> values, boolean caps, List<Place> places) {

        Hit(int field, int from, int to, int start, int end, List<Entry> values, boolean caps) {
            this(field, from, to, start, end, values, caps, placesOf(values));
        }
    }

    /**
     * The places a phrase may name, worked out once per hit; a subdivision named like a city inside it
     * ("Yerevan") yields to the city, and a blocking phrase names none.
     */
    static List<Place> placesOf(List<Entry> values) {
        List<Place> out = new ArrayList<>(values.size());
        for (Entry e : values) {
            if (e instanceof PlaceName p && !out.contains(p.name().place())) {
                out.add(p.name().place());
            }
            if (e instanceof Blocker) {
                return List.of();
            }
        }
        if (out.size() > 1) {
            out.removeIf(p -> p.kind() == RegionKind.SUBDIVISION
                    && out.stream().anyMatch(c -> c.isCity() && p.code().equals(c.subdivision())));
        }
        return List.copyOf(out);
    }

    /** A discovered person or organisation: its canonical span and every mention. */
    static final class Found {
        final ActorKind kind;
        final String name;
        final String rule;
        String role;
        String country;
        final List<int[]> spans = new ArrayList<>();

        Found(ActorKind kind, String name, String rule) {
            this.kind = kind;
            this.name = name;
            this.rule = rule;
        }
    }

    private static final int LEAD_CHARS = 400;
    private static final Set<String> CONNECTORS = Cues.set("of", "on", "for", "and", "the", "in", "de", "du", "del", "da",
            "di", "al", "el", "bin", "ibn", "van", "von", "der", "la", "le", "y", "&");
    /** Connectors inside people's names ("Ursula von der Leyen", "Abdullah bin Zayed"). */
    private static final Set<String> NAME_PARTICLES = Cues.set("de", "du", "del", "da", "di", "al", "el", "bin", "ibn",
            "van", "von", "der", "la", "le");
    private static final Map<String, ActorKind> ORG_WORDS = orgWords();
    private static final Set<String> ORG_HEADS = Cues.set("Ministry", "Commission", "Council", "Committee", "Office",
            "Department", "Bank", "University", "Institute", "Agency", "Court", "Federation", "Union", "Association",
            "Organization", "Organisation", "Party", "Front", "Army", "Movement", "Board", "Authority", "Centre", "Center",
            "Foundation", "Coalition", "League", "Alliance", "Bureau", "Service", "Directorate", "Assembly", "Parliament");
    static final Pattern CREDIT = Pattern.compile("(?:(?:\\p{Lu}[\\p{L}'’.-]{0,30}+\\s++){0,3}+\\p{Lu}[\\p{L}'’.-]{0,30}+\\s*+/\\s*+)?"
            + "(?:\\(?(?:AFP|AP|Reuters|REUTERS|EPA|EPA-EFE|Getty Images|Getty|Shutterstock|Alamy|AP Photo|Anadolu(?: Agency)?"
            + "|Xinhua|TASS|Sputnik|Bloomberg|NurPhoto|SOPA Images|ZUMA Press|Pool)\\)?(?:\\s*(?:via|/)\\s*"
            + "(?:Getty Images|Reuters|AP|ZUMA Press|Shutterstock))?)\\s*$");
    private static final int CREDIT_TAIL = 160;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SLUG_GAPS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern SLUG_EDGES = Pattern.compile("^-|-$");
    private static final Pattern CREDIT_LINE = Pattern.compile("(?im)^(?:\\(?(?:photo(?:graph)?s?|images?|pictures?|credits?|"
            + "photo credit|illustration)\\s*(?:by\\b|:).*|(?-i:(?:By|BY|Written by)\\s+\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}[\\p{L}.'’-]*){1,3}(?:\\s*(?:,|and|in)\\s*[^.!?\\n]{0,60})?))$");

    private final Gazetteer gazetteer;
    private final ActorDictionary dictionary;
    private final PhraseIndex<Entry> index = new PhraseIndex<>();
    private final Map<String, Place> capitals = new HashMap<>();

    TextAnalyzer(Gazetteer gazetteer, ActorDictionary dictionary) {
        this.gazetteer = gazetteer;
        this.dictionary = dictionary;
        // A hand-written region's name ("Red Sea", "Balkan") wins over an admin unit of the same name.
        Set<String> regionNames = new HashSet<>();
        for (Gazetteer.Name n : gazetteer.names()) {
            RegionKind k = n.place().kind();
            if (k == RegionKind.DISPUTED || k == RegionKind.HISTORICAL || k == RegionKind.SUPRANATIONAL) {
                regionNames.add(n.surface());
            }
        }
        for (Gazetteer.Name n : gazetteer.names()) {
            boolean shadowed = regionNames.contains(n.surface())
                    && (n.place().kind() == RegionKind.SUBDIVISION || n.place().kind() == RegionKind.CITY);
            if (!Cues.NOT_PLACES.contains(n.surface()) && !shadowed) {
                index.add(n.surface(), new PlaceName(n));
            }
            Place p = n.place();
            if (p.capital() && n.type() == Gazetteer.NameType.NAME) {
                capitals.merge(p.country(), p, (a, b) -> a.population() >= b.population() ? a : b);
            }
        }
        for (Actor a : dictionary.actors()) {
            boolean oneWordPerson = a.kind() == ActorKind.PERSON && !a.name().contains(" ");
            index.add(a.name(), new ActorName(a, oneWordPerson));
            a.aliases().forEach(s -> index.add(s, new ActorName(a, false)));
            a.shorts().forEach(s -> index.add(s, new ActorName(a, true)));
        }
        dictionary.blockers().forEach(s -> index.add(s, Blocker.BLOCKER));
    }

    int phrases() {
        return index.phrases();
    }

    /** The matching kernel alone: the longest-match scan of one text over the phrase index; returns the hits. */
    int scan(String text) {
        Doc doc = new Doc("", text == null ? "" : text, null);
        doc.scan();
        return doc.hits.size();
    }

    Analysis analyze(String title, String body, LocalDate date) {
        Doc doc = new Doc(title == null ? "" : title, body == null ? "" : body, date);
        doc.scan();
        doc.discover();
        List<RegionTag> regions = doc.regions();
        List<ActorTag> actors = doc.actors();
        String focus = regions.stream().filter(RegionTag::getFocus).map(RegionTag::getCode).findFirst().orElse(null);
        return new Analysis(regions, actors, focus);
    }

    /** The working state of one article. */
    private final class Doc {
        final Tokens[] tokens;
        final String[] texts;
        final boolean[][] excluded;
        /** The headline is in Title Case (set after the scan, which it needs). */
        boolean titleCase;
        final LocalDate date;
        final List<Hit> hits = new ArrayList<>();
        /** Per field and token: the hit covering it, or null. */
        final Hit[][] cover;
        /** Per field and token: true when the token is part of a discovered name. */
        final Found[][] named;
        final List<Found> found = new ArrayList<>();
        final Set<String> personTokens = new HashSet<>();
        /** Countries of the accepted region tags, once {@link #regions()} ran. */
        final Set<String> regionCountries = new HashSet<>();
        /** Actors named by a full name or alias somewhere in the article. */
        final Set<Actor> seenFull = new HashSet<>();
        /** Per field: positions of the capitalised tokens, of the others, and of the capitalised by lower case (built on first use). */
        private final TokenPositions[] capitalised = new TokenPositions[2];
        private final TokenPositions[] notCapitalised = new TokenPositions[2];
        private final TokenPositions[] capitalisedLowerCase = new TokenPositions[2];
        /** Countries with a mention outside a sentence start or headline (set while resolving regions). */
        final Set<String> plainCountries = new HashSet<>();
        /** Countries named outright (country names and demonyms), known right after the scan. */
        final Set<String> namedCountries = new HashSet<>();

        Doc(String title, String body, LocalDate date) {
            this.texts = new String[] {title, body};
            this.tokens = new Tokens[] {Tokens.of(title), Tokens.of(body)};
            this.date = date;

            this.excluded = new boolean[][] {credits(tokens[0]), credits(tokens[1])};
            this.cover = new Hit[][] {new Hit[tokens[0].size()], new Hit[tokens[1].size()]};
            this.named = new Found[][] {new Found[tokens[0].size()], new Found[tokens[1].size()]};
        }

        /** Positions of a token in one field: O(1) lookups instead of scans over all tokens. */
        int[] at(int f, String token) {
            // Tokens equal to a capitalised token are capitalised too (Tokens.capitalised reads the first letter).
            if (Character.isUpperCase(token.charAt(0))) {
                if (capitalised[f] == null) {
                    capitalised[f] = TokenPositions.capitalised(tokens[f]);
                }
                return capitalised[f].of(token);
            }
            if (notCapitalised[f] == null) {
                notCapitalised[f] = TokenPositions.notCapitalised(tokens[f]);
            }
            return notCapitalised[f].of(token);
        }

        /** Positions of the capitalised tokens of one field whose lower case is {@code lowerCaseToken}. */
        int[] capitalisedAt(int f, String lowerCaseToken) {
            if (capitalisedLowerCase[f] == null) {
                capitalisedLowerCase[f] = TokenPositions.capitalisedLowerCase(tokens[f]);
            }
            return capitalisedLowerCase[f].of(lowerCaseToken);
        }

        void scan() {
            for (int f = 0; f < 2; f++) {
                Tokens t = tokens[f];
                int i = 0;
                while (i < t.size()) {
                    if (excluded[f][i]) {
                        i++;
                        continue;
                    }
                    PhraseIndex.Hit<Entry> h = index.longest(t, i);
                    if (h == null) {
                        i++;
                        continue;
                    }
                    Hit hit = new Hit(f, h.from(), h.to(), t.start(h.from()), t.end(h.to() - 1), h.values(), h.caps());
                    hits.add(hit);
                    for (int k = h.from(); k < h.to(); k++) {
                        cover[f][k] = hit;
                    }
                    i = h.to();
                    for (Entry e : h.values()) {
                        if (e instanceof ActorName a && !a.isShort()) {
                            seenFull.add(a.actor());
                        }
                        if (e instanceof PlaceName p && p.name().place().kind() == RegionKind.COUNTRY && h.values().size() == 1) {
                            namedCountries.add(p.name().place().code());
                        }
                    }
                }
            }
        }

        // ---- discovery of people and organisations -------------------------------------------------------

        void discover() {
            titleCase = titleCase(tokens[0], cover[0]);
            Map<String, Found> byName = new LinkedHashMap<>();
            List<int[]> pending = new ArrayList<>();
            for (int f = 0; f < 2; f++) {
                Tokens t = tokens[f];
                int i = 0;
                while (i < t.size()) {
                    int end = runEnd(f, i);
                    if (end > i) {
                        classifyRun(f, i, end, byName, pending);
                        i = end;
                    } else {
                        i++;
                    }
                }
            }
            // Two-token runs whose surname later acts alone ("Nishanov tweeted") are people too.
            for (int[] run : pending) {
                Tokens t = tokens[run[0]];
                String surname = t.token(run[2] - 1);
                if (surnameActs(surname)) {
                    Found p = byName.computeIfAbsent(text(run[0], run[1], run[2]),
                            n -> new Found(ActorKind.PERSON, n, "discovered:coreference"));
                    addSpan(p, run[0], run[1], run[2]);
                }
            }
            mergeShortForms(byName);
            for (Found org : byName.values()) {
                if (org.kind == ActorKind.COMPANY) {
                    companyHead(org);
                }
            }
            for (Found p : byName.values()) {
                if (p.kind == ActorKind.PERSON) {
                    String[] parts = p.name.split(" ");
                    personTokens.add(parts[0]);
                    personTokens.add(parts[parts.length - 1]);
                }
            }
            // Surname-only mentions of discovered people ("Abdel-Latif" is two tokens); a surname two people share
            // names neither.
            Map<String, Integer> surnames = new HashMap<>();
            for (Found p : byName.values()) {
                if (p.kind == ActorKind.PERSON) {
                    surnames.merge(surname(p), 1, Integer::sum);
                }
            }
            for (Found p : byName.values()) {
                if (p.kind != ActorKind.PERSON || surnames.get(surname(p)) > 1) {
                    continue;
                }
                Tokens s = Tokens.of(surname(p));
                int n = s.size();
                if (n == 0) {
                    continue;
                }
                for (int f = 0; f < 2; f++) {
                    Tokens t = tokens[f];
                    for (int i : at(f, s.token(0))) {
                        boolean same = i + n <= t.size();
                        for (int k = 1; k < n && same; k++) {
                            same = t.joined(i + k - 1) && t.token(i + k).equals(s.token(k));
                        }
                        int end = i + n;
                        if (same && named[f][i] == null && !excluded[f][i]
                                && (cover[f][i] == null || isPlaceOnly(cover[f][i]))
                                && !(i > 0 && t.joined(i - 1) && t.capitalised(i - 1) && !Cues.TITLE_WORDS.contains(t.token(i - 1)))
                                && !(end < t.size() && t.joined(end - 1) && t.capitalised(end))) {
                            addSpan(p, f, i, end);
                        }
                    }
                }
            }
            found.addAll(byName.values());
        }

        /**
         * "Piedmont" after "Piedmont Aviation Inc": the name without its company words is the company too, unless
         * it is a country, a demonym or a big city.
         */
        private void companyHead(Found org) {
            int[] first = org.spans.get(0);
            int f = first[0];
            Tokens t = tokens[f];
            int to = first[2];
            while (to > first[1] + 1 && ORG_WORDS.get(t.token(to - 1)) == ActorKind.COMPANY) {
                to--;
            }
            if (to == first[2]) {
                return;
            }
            if (!placeElsewhere(f, first[1], to)) {
                mentionsOf(org, t, first[1], to);
            }
            if (to - first[1] >= 2 && !Cues.FUNCTION_WORDS.contains(t.token(first[1])) && t.end(first[1]) - t.start(first[1]) >= 3
                    && !placeElsewhere(f, first[1], first[1] + 1)) {
                mentionsOf(org, t, first[1], first[1] + 1);
            }
        }

        /**
         * Whether tokens [from, to) name a place the article is about elsewhere: a country, capital or big city,
         * or any place in a country the article names ("Texas" in "Texas Instruments" stays Texas in a US story).
         */
        private boolean placeElsewhere(int f, int from, int to) {
            Hit h = cover[f][from];
            if (h == null || h.from != from || h.to != to) {
                return false;
            }
            for (Place p : h.places()) {
                if (p.kind() == RegionKind.COUNTRY || p.capital() || p.population() >= 1_000_000
                        || p.country() != null && namedCountries.contains(p.country())) {
                    return true;
                }
            }
            return false;
        }

        /** Adds every stand-alone occurrence of tokens [from, to) of {@code t} as a mention of {@code org}. */
        private void mentionsOf(Found org, Tokens t, int from, int to) {
            int n = to - from;
            String[] head = new String[n];
            for (int k = 0; k < n; k++) {
                head[k] = t.token(from + k).toLowerCase(Locale.ROOT);
            }
            for (int g = 0; g < 2; g++) {
                Tokens u = tokens[g];
                // Every token of a mention is capitalised, so only capitalised occurrences of the first need looking at.
                for (int i : capitalisedAt(g, head[0])) {
                    if (i + n > u.size() || i > 0 && u.joined(i - 1) && Cues.LOCATIVES.contains(u.token(i - 1))
                            && !u.token(i - 1).equals("of")) {
                        continue;
                    }
                    boolean same = true;
                    for (int k = 0; k < n && same; k++) {
                        same = u.token(i + k).toLowerCase(Locale.ROOT).equals(head[k]) && u.capitalised(i + k)
                                && (k == n - 1 || u.joined(i + k));
                    }
                    if (same && !(i + n < u.size() && u.joined(i + n - 1) && u.capitalised(i + n) && !u.allCaps(i + n))) {
                        addSpan(org, g, i, i + n);
                    }
                }
            }
        }

        private static String surname(Found p) {
            return p.name.substring(p.name.lastIndexOf(' ') + 1);
        }

        /** "Abdel-Latif said" after "Hesham Abdel-Latif": the shorter name is the same person. */
        private void mergeShortForms(Map<String, Found> byName) {
            List<String> names = new ArrayList<>(byName.keySet());
            for (String shorter : names) {
                Found s = byName.get(shorter);
                for (String longer : names) {
                    Found l = byName.get(longer);
                    if (s != null && l != null && s != l && s.kind == ActorKind.PERSON && l.kind == ActorKind.PERSON && longer.endsWith(" " + shorter)) {
                        l.spans.addAll(s.spans);
                        byName.remove(shorter);
                        break;
                    }
                }
            }
        }

        private boolean isDemonym(Hit h) {
            for (Entry e : h.values) {
                if (e instanceof PlaceName p && p.name().type() == Gazetteer.NameType.DEMONYM) {
                    return true;
                }
            }
            return false;
        }

        private boolean isPlaceOnly(Hit h) {
            for (Entry e : h.values) {
                if (!(e instanceof PlaceName)) {
                    return false;
                }
            }
            return true;
        }

        /** End (exclusive) of the capitalised run starting at {@code i}, or {@code i} when none starts there. */
        private int runEnd(int f, int i) {
            Tokens t = tokens[f];
            if (!t.capitalised(i) || excluded[f][i] || isActorHit(cover[f][i])) {
                return i;
            }
            int end = i + 1;
            while (end < t.size() && t.joined(end - 1) && !excluded[f][end] && !isActorHit(cover[f][end])) {
                if (t.capitalised(end)) {
                    end++;
                } else if (CONNECTORS.contains(t.token(end)) && end + 1 < t.size() && t.joined(end)
                        && t.capitalised(end + 1) && !isActorHit(cover[f][end + 1])
                        && !Cues.FUNCTION_WORDS.contains(t.token(end + 1))
                        && (NAME_PARTICLES.contains(t.token(end)) || hasOrgWord(t, i, end)
                                || orgWordAhead(f, end + 1) && !hasTitle(t, i, end))) {
                    end += 2;
                } else {
                    break;
                }
            }
            return end;
        }

        /** An organisation word among the next few capitalised tokens ("Securities and Exchange Commission"). */
        private boolean orgWordAhead(int f, int from) {
            Tokens t = tokens[f];
            for (int k = from; k < Math.min(t.size(), from + 4) && t.capitalised(k); k++) {
                if (ORG_HEADS.contains(t.token(k)) || ORG_WORDS.containsKey(t.token(k))) {
                    return true;
                }
                if (!t.joined(k)) {
                    break;
                }
            }
            return false;
        }

        /** "Professor Takeshi Nakamura of Tohoku University": a titled person, then the body they belong to. */
        private boolean hasTitle(Tokens t, int from, int to) {
            for (int k = from; k < to; k++) {
                if (Cues.TITLE_HEADS.contains(t.token(k))) {
                    return true;
                }
            }
            return false;
        }

        private boolean hasOrgWord(Tokens t, int from, int to) {
            for (int k = from; k < to; k++) {
                if (ORG_HEADS.contains(t.token(k)) || ORG_WORDS.containsKey(t.token(k))) {
                    return true;
                }
            }
            return false;
        }

        private boolean isActorHit(Hit h) {
            if (h != null) {
                for (Entry e : h.values) {
                    if (e instanceof ActorName) {
                        return true;
                    }
                }
            }
            return false;
        }

        private void classifyRun(int f, int from, int to, Map<String, Found> byName, List<int[]> pending) {
            Tokens t = tokens[f];
            while (from < to && (Cues.FUNCTION_WORDS.contains(t.token(from)) && !Cues.TITLE_HEADS.contains(t.token(from)))) {
                from++;
            }
            if (from >= to) {
                return;
            }
            // "Analyst Jane Roe said": a role noun starting the sentence is the role, not part of the name.
            String leadingRole = null;
            if (to - from >= 3 && Cues.ROLE_NOUNS.contains(t.token(from).toLowerCase(Locale.ROOT))
                    && !Cues.TITLE_HEADS.contains(t.token(from))) {
                leadingRole = t.token(from);
                from++;
            }
            // Organisations: "Commission on Security and Cooperation in Europe", "Armenian Foreign Ministry".
            String last = t.token(to - 1);
            ActorKind orgKind = cover[f][to - 1] == null ? ORG_WORDS.get(last) : null;
            boolean headed = ORG_HEADS.contains(t.token(from)) && to - from >= 3 && CONNECTORS.contains(t.token(from + 1));
            if ((orgKind != null && to - from >= 2) || headed) {
                if (f == 0 && titleCase && !headed) {
                    return;
                }
                ActorKind kind = orgKind != null ? orgKind : ORG_WORDS.getOrDefault(t.token(from), ActorKind.ORGANIZATION);
                Found org = byName.computeIfAbsent(text(f, from, to), n -> new Found(kind, n,
                        "discovered:organisation-" + (headed ? "head" : "suffix")));
                org.country = countryWithin(f, from, to);
                addSpan(org, f, from, to);
                return;
            }
            // People after a title: the name follows the last title head word.
            int head = -1;
            for (int k = from; k < to; k++) {
                if (Cues.TITLE_HEADS.contains(t.token(k))) {
                    head = k;
                }
            }
            if (head >= 0 && head + 1 < to) {
                int nameFrom = head + 1;
                // "General Electric said": a one-word title that is also an ordinary word, before one word, is not a title.
                boolean ambiguous = head == from && to - nameFrom == 1 && Cues.AMBIGUOUS_TITLES.contains(t.token(head));
                if (!ambiguous && to - nameFrom <= 4 && plausibleName(f, nameFrom, to)) {
                    Found p = byName.computeIfAbsent(text(f, nameFrom, to), n -> new Found(ActorKind.PERSON, n, "discovered:title"));
                    if (p.role == null) {
                        p.role = text(f, from, head + 1);
                    }
                    addSpan(p, f, nameFrom, to);
                }
                return;
            }
            int length = to - from;
            if (length < 2 || length > 4 || !plausibleName(f, from, to) || (f == 0 && titleCase)) {
                return;
            }
            String before = from > 0 ? t.token(from - 1) : "";
            String before2 = from > 1 ? t.token(from - 2) + " " + before : "";
            String after = to < t.size() ? t.token(to) : "";
            boolean roleNoun = from > 0 && t.joined(from - 1) && Cues.ROLE_NOUNS.contains(before);
            boolean cue = Cues.SPEECH_VERBS.contains(after) && !t.gapAfter(to - 1).contains("\n")
                    || "by".equals(before) || "according to".equals(before2) || "said".equals(before)
                    || t.gapAfter(to - 1).startsWith(", who") || appositive(f, to) || affiliation(f, to);
            if (roleNoun || cue) {
                Found p = byName.computeIfAbsent(text(f, from, to), n -> new Found(ActorKind.PERSON, n,
                        roleNoun ? "discovered:role" : "discovered:speech"));
                if (p.role == null) {
                    p.role = roleNoun ? before : leadingRole;
                }
                addSpan(p, f, from, to);
            } else if (length <= 3) {
                pending.add(new int[] {f, from, to});
            }
        }

        /** "Chad Morrison of the World Food Programme": a name followed by the body it belongs to. */
        private boolean affiliation(int f, int to) {
            Tokens t = tokens[f];
            if (to + 1 >= t.size() || !t.token(to).equals("of") || !t.joined(to - 1) || !t.joined(to)) {
                return false;
            }
            int k = t.token(to + 1).equals("the") && to + 2 < t.size() && t.joined(to + 1) ? to + 2 : to + 1;
            return t.capitalised(k) && (isActorHit(cover[f][k]) || orgWordAhead(f, k));
        }

        /** "Jane Roe, a spokeswoman for ..." / "Jane Roe, the head of ...". */
        private boolean appositive(int f, int to) {
            Tokens t = tokens[f];
            if (to + 1 >= t.size() || !", ".equals(t.gapAfter(to - 1))) {
                return false;
            }
            String a = t.token(to);
            if (!(a.equals("the") || a.equals("a") || a.equals("an") || a.equals("who"))) {
                return false;
            }
            for (int k = to + 1; k < Math.min(t.size(), to + 4); k++) {
                if (Cues.ROLE_NOUNS.contains(t.token(k).toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }

        /** Person names: capitalised, no function words, not made only of places and demonyms. */
        private boolean plausibleName(int f, int from, int to) {
            Tokens t = tokens[f];
            int unknown = 0;
            for (int k = from; k < to; k++) {
                String s = t.token(k);
                if (!t.capitalised(k) || Cues.FUNCTION_WORDS.contains(s) || Cues.TITLE_WORDS.contains(s)
                        || Cues.PLACE_MODIFIERS.contains(s) || Cues.PLACE_TYPES.contains(s)
                        || ORG_WORDS.containsKey(s) || t.allCaps(k) || s.length() < 2) {
                    return false;
                }
                Hit h = cover[f][k];
                if (h == null || h.values.contains(Blocker.BLOCKER)) {
                    unknown++;
                } else if (isDemonym(h)) {
                    return false;
                }
            }
            return unknown > 0;
        }

        /** True when the surname alone is followed by a speech verb or preceded by a title somewhere. */
        private boolean surnameActs(String surname) {
            for (int f = 0; f < 2; f++) {
                Tokens t = tokens[f];
                for (int i : at(f, surname)) {
                    if (!(i > 0 && t.joined(i - 1) && t.capitalised(i - 1)
                            && !Cues.TITLE_HEADS.contains(t.token(i - 1)))) {
                        boolean speaks = i + 1 < t.size() && Cues.SPEECH_VERBS.contains(t.token(i + 1));
                        boolean titled = i > 0 && Cues.TITLE_HEADS.contains(t.token(i - 1));
                        if (speaks || titled) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private String countryWithin(int f, int from, int to) {
            for (int k = from; k < to; k++) {
                Hit h = cover[f][k];
                if (h != null) {
                    for (Entry e : h.values) {
                        if (e instanceof PlaceName p && p.name().place().kind() == RegionKind.COUNTRY) {
                            return p.name().place().country();
                        }
                    }
                }
            }
            return null;
        }

        private void addSpan(Found x, int f, int from, int to) {
            for (int k = from; k < to; k++) {
                if (named[f][k] != null) {
                    return;
                }
            }
            for (int k = from; k < to; k++) {
                named[f][k] = x;
            }
            x.spans.add(new int[] {f, from, to});
        }

        String text(int f, int from, int to) {
            return texts[f].substring(tokens[f].start(from), tokens[f].end(to - 1));
        }

        // ---- regions -----------------------------------------------------------------------------------------

        List<RegionTag> regions() {
            Set<String> countries = new HashSet<>();
            Set<String> subdivisions = new HashSet<>();
            for (Hit h : hits) {
                List<Place> places = h.places();
                if (places.isEmpty() || insideName(h)) {
                    continue;
                }
                String c = places.get(0).country();
                boolean oneCountry = c != null;
                boolean strong = true;
                boolean national = true;
                for (Place p : places) {
                    oneCountry = oneCountry && c.equals(p.country());
                    strong = strong && (p.kind() != RegionKind.CITY || p.capital() || p.population() >= 100_000);
                    national = national && p.kind() == RegionKind.COUNTRY;
                }
                if (oneCountry && !weak(h)) {
                    plainCountries.add(c);
                }
                if (oneCountry && strong && (national || !weak(h))) {
                    countries.add(c);
                    if (places.size() == 1 && places.get(0).subdivision() != null) {
                        subdivisions.add(places.get(0).subdivision());
                    }
                }
            }
            Map<String, RegionAcc> accs = new LinkedHashMap<>();
            for (Hit h : hits) {
                List<Place> places = h.places();
                if (places.isEmpty() || insideName(h) || nameAround(h) || currency(h)) {
                    continue;
                }
                Place best = null;
                double bestScore = Double.NEGATIVE_INFINITY;
                double second = Double.NEGATIVE_INFINITY;
                String qualifier = qualifier(h);
                boolean stateCue = places.size() > 1 && stateCue(h);
                for (Place p : places) {
                    double s = prior(p) + evidence(p, countries, subdivisions)
                            + (qualifier != null && (qualifier.equals(p.country()) || qualifier.equals(p.subdivision())) ? 10 : 0)
                            + (stateCue && p.kind() == RegionKind.SUBDIVISION ? 3 : 0);
                    if (s > bestScore) {
                        second = bestScore;
                        bestScore = s;
                        best = p;
                    } else if (s > second) {
                        second = s;
                    }
                }
                Gazetteer.NameType type = typeOf(h, best);
                String accept = accept(h, best, type, countries, subdivisions, qualifier);
                if (accept == null) {
                    continue;
                }
                double confidence = confidence(best, type, places.size() > 1 ? bestScore - second : 10);
                String rule = places.size() > 1 ? accept + ";chosen-over-" + (places.size() - 1) : accept;
                RegionAcc acc = accs.computeIfAbsent(best.code(), k -> new RegionAcc());
                acc.place = best;
                acc.add(h, mentionRule(type), confidence, rule, type == Gazetteer.NameType.DEMONYM);
            }
            datelineState(accs);
            accs.values().forEach(a -> {
                if (a.place.country() != null) {
                    regionCountries.add(a.place.country());
                }
            });
            return regionTags(accs);
        }

        private Gazetteer.NameType typeOf(Hit h, Place place) {
            Gazetteer.NameType best = null;
            for (Entry e : h.values) {
                if (e instanceof PlaceName p && p.name().place() == place && (best == null || p.name().type().ordinal() < best.ordinal())) {
                    best = p.name().type();
                }
            }
            return best;
        }

        private boolean hasFullActorName(Hit h) {
            for (Entry e : h.values) {
                if (e instanceof ActorName a && !a.isShort()) {
                    return true;
                }
            }
            return false;
        }

        /** Inside a dictionary actor's or a discovered name's span. */
        private boolean insideName(Hit h) {
            if (hasFullActorName(h) || acceptedPersonShort(h)) {
                return true;
            }
            for (int k = h.from; k < h.to; k++) {
                if (named[h.field][k] != null) {
                    return true;
                }
            }
            return false;
        }

        /** The place word is part of a longer capitalised name ("Michael Jordan", "Mobile World Congress"). */
        private boolean nameAround(Hit h) {
            Tokens t = tokens[h.field];
            if (h.field == 0 && titleCase) {
                return false;
            }
            boolean demonym = h.values.stream().allMatch(e -> e instanceof PlaceName p && p.name().type() == Gazetteer.NameType.DEMONYM);
            if (h.from > 0 && t.joined(h.from - 1) && t.capitalised(h.from - 1) && !t.sentenceStart(h.from - 1)) {
                String prev = t.token(h.from - 1);
                Hit ph = cover[h.field][h.from - 1];
                if (ph == null && !Cues.FUNCTION_WORDS.contains(prev) && !Cues.PLACE_MODIFIERS.contains(prev)
                        && !Cues.TITLE_WORDS.contains(prev) && !t.allCaps(h.from - 1)) {
                    return true;
                }
            }
            if (!demonym && h.to < t.size() && t.joined(h.to - 1) && t.capitalised(h.to) && !t.allCaps(h.to)) {
                String next = t.token(h.to);
                Hit nh = cover[h.field][h.to];
                if (nh == null && !Cues.FUNCTION_WORDS.contains(next) && !Cues.PLACE_TYPES.contains(next)
                        && !t.gapAfter(h.to - 1).contains("-") && !t.allCaps(h.to - 1)) {
                    return true;
                }
            }
            if (!demonym && h.to - h.from == 1 && personTokens.contains(t.token(h.from)) && !locative(h)) {
                boolean speaks = h.to < t.size() && t.joined(h.to - 1) && Cues.SPEECH_VERBS.contains(t.token(h.to));
                boolean titled = h.from > 0 && t.joined(h.from - 1) && Cues.TITLE_HEADS.contains(t.token(h.from - 1));
                return speaks || titled;
            }
            return false;
        }

        /** The subdivision a state abbreviation right after a comma stands for ("ROSLYN, N.Y."), else null. */
        private String stateAbbreviation(int f, int i) {
            Tokens t = tokens[f];
            if (i <= 0 || i >= t.size() || !t.gapBefore(i).endsWith(", ")) {
                return null;
            }
            String token = t.token(i);
            boolean dotted = token.endsWith(".") || t.end(i) < t.text().length() && t.text().charAt(t.end(i)) == '.';
            String key = token.endsWith(".") ? token.substring(0, token.length() - 1) : token;
            if (!dotted) {
                return null;
            }
            String code = Cues.STATE_ABBREVIATIONS.get(key);
            return code != null ? code : Cues.STATE_ABBREVIATIONS.get(PhraseIndex.titleCase(key));
        }

        /** "ROSLYN, N.Y., March 18 -": a dateline's state, as a mention of that subdivision. */
        private void datelineState(Map<String, RegionAcc> accs) {
            Tokens t = tokens[1];
            for (int i = 1; i < Math.min(t.size(), 6) && t.start(i) < 60; i++) {
                String code = named[1][i] != null || excluded[1][i] ? null : stateAbbreviation(1, i);
                Place p = code == null ? null : gazetteer.place(code);
                if (p != null) {
                    RegionAcc acc = accs.computeIfAbsent(code, k -> new RegionAcc());
                    acc.place = p;
                    acc.add(new Hit(1, i, i + 1, t.start(i), t.end(i), List.of(), false), "dateline:state-abbreviation",
                            0.9, "subdivision:dateline", false);
                    return;
                }
            }
        }

        /** "U.S. dollar", "Canadian dlrs", "Swiss francs": a currency, not a mention of the place. */
        private boolean currency(Hit h) {
            Tokens t = tokens[h.field];
            if (h.to >= t.size() || !t.joined(h.to - 1)) {
                return false;
            }
            String next = t.token(h.to).toLowerCase(Locale.ROOT);
            // "pounds", "marks", "won" are also verbs: only after an adjective ("British pounds") are they money.
            return Cues.CURRENCY_WORDS.contains(next) && (isDemonym(h) || !Cues.VERB_LIKE_CURRENCIES.contains(next));
        }

        /** "Paris, Texas" / "Mobile, Ala." / "Split (Croatia)": the code the following place resolves to. */
        private String qualifier(Hit h) {
            Tokens t = tokens[h.field];
            if (h.to >= t.size()) {
                return null;
            }
            String gap = t.gapAfter(h.to - 1);
            if (!(gap.equals(", ") || gap.equals(" (") || gap.equals(","))) {
                return null;
            }
            String state = stateAbbreviation(h.field, h.to);
            if (state != null) {
                for (Place mine : h.places()) {
                    if (state.equals(mine.subdivision())) {
                        return state;
                    }
                }
            }
            Hit next = cover[h.field][h.to];
            if (next == null || next.from != h.to) {
                return null;
            }
            for (Entry e : next.values) {
                if (e instanceof PlaceName p && (p.name().place().kind() == RegionKind.COUNTRY
                        || p.name().place().kind() == RegionKind.SUBDIVISION)) {
                    for (Place mine : h.places()) {
                        if (p.name().place().code().equals(mine.country()) || p.name().place().code().equals(mine.subdivision())) {
                            return p.name().place().code();
                        }
                    }
                }
            }
            return null;
        }

        /**
         * How much the rest of the article supports this reading: a country when places inside it are
         * named; a subdivision when its country is named (a little) or a city inside it is (a lot); a city
         * when its country or subdivision is named.
         */
        private double evidence(Place p, Set<String> countries, Set<String> subdivisions) {
            boolean country = countries.contains(p.country());
            return switch (p.kind()) {
                case COUNTRY -> country ? 3 : 0;
                case SUBDIVISION -> (country ? 1 : 0) + (subdivisions.contains(p.code()) ? 4.5 : 0);
                case CITY -> (country ? 1.5 : 0) + (p.subdivision() != null && subdivisions.contains(p.subdivision()) ? 3 : 0);
                default -> country ? 1 : 0;
            };
        }

        /** "the state of Georgia", "Washington state", "Georgia State": the subdivision reading. */
        private boolean stateCue(Hit h) {
            Tokens t = tokens[h.field];
            boolean before = h.from > 1 && t.token(h.from - 1).equals("of") && t.token(h.from - 2).equalsIgnoreCase("state");
            boolean after = h.to < t.size() && t.joined(h.to - 1) && t.token(h.to).equalsIgnoreCase("state");
            return before || after;
        }

        private boolean locative(Hit h) {
            Tokens t = tokens[h.field];
            return h.from > 0 && Cues.LOCATIVES.contains(t.token(h.from - 1)) && t.joined(h.from - 1);
        }

        /** A sentence-initial word, a word in a Title Case headline, or an all-capitals form outside the dateline. */
        private boolean weak(Hit h) {
            if (h.field == 0) {
                return titleCase || h.from == 0;
            }
            if (h.caps) {
                return h.from > 2;
            }
            return tokens[h.field].sentenceStart(h.from) && !dateline(h);
        }

        private boolean dateline(Hit h) {
            return h.field == 1 && h.from <= 2 && tokens[1].start(h.from) < 40 && h.to < tokens[1].size()
                    && datelineGap(tokens[1].gapAfter(h.to - 1));
        }

        private static boolean datelineGap(String gap) {
            String g = gap.stripLeading();
            return !g.isEmpty() && ",(—–-".indexOf(g.charAt(0)) >= 0;
        }

        private double prior(Place p) {
            return switch (p.kind()) {
                case COUNTRY -> 8;
                case DISPUTED, HISTORICAL -> 7;
                case SUPRANATIONAL -> 6;
                case SUBDIVISION -> 5.5;
                case CITY -> Math.log10(Math.max(1000, p.population())) + (p.capital() ? 0.5 : 0);
            };
        }

        /** The rule that accepts this mention of {@code p}, or null when no rule does. */
        private String accept(Hit h, Place p, Gazetteer.NameType type, Set<String> countries, Set<String> subdivisions,
                String qualifier) {
            boolean weak = weak(h);
            boolean corroborated = qualifier != null || dateline(h)
                    || (p.kind() != RegionKind.COUNTRY && countries.contains(p.country()))
                    || (p.subdivision() != null && p.kind() == RegionKind.CITY && subdivisions.contains(p.subdivision()));
            String surface = texts[h.field].substring(h.start, h.end);
            boolean common = Cues.COMMON_WORD_NAMES.contains(surface);
            switch (p.kind()) {
                case COUNTRY, DISPUTED, HISTORICAL, SUPRANATIONAL -> {
                    if (common && !corroborated) {
                        return null;
                    }
                    if (weak && Cues.COMMON_WORD_COUNTRIES.contains(surface) && !plainCountries.contains(p.code())) {
                        return null;
                    }
                    return p.kind().name().toLowerCase(Locale.ROOT) + ":" + type.name().toLowerCase(Locale.ROOT);
                }
                case SUBDIVISION -> {
                    if ((weak || common) && !corroborated) {
                        return null;
                    }
                    return corroborated ? "subdivision:corroborated" : "subdivision:name";
                }
                default -> {
                    if (common) {
                        return qualifier != null || dateline(h) || corroborated && locative(h) ? "city:qualified" : null;
                    }
                    if (corroborated) {
                        return qualifier != null ? "city:qualified" : dateline(h) ? "city:dateline" : "city:corroborated";
                    }
                    if (weak) {
                        return null;
                    }
                    if (p.capital()) {
                        return "city:capital";
                    }
                    if (p.population() >= 1_000_000) {
                        return "city:major";
                    }
                    if (p.population() >= 100_000 && locative(h)) {
                        return "city:locative";
                    }
                    return null;
                }
            }
        }

        private double confidence(Place p, Gazetteer.NameType type, double margin) {
            double base = switch (p.kind()) {
                case COUNTRY -> type == Gazetteer.NameType.DEMONYM ? 0.8 : 0.95;
                case CITY -> p.capital() ? 0.9 : 0.8;
                default -> 0.85;
            };
            if (margin < 1) {
                base -= 0.2 * (1 - margin);
            }
            return Math.round(base * 100) / 100.0;
        }

        private String mentionRule(Gazetteer.NameType type) {
            return "gazetteer:" + type.name().toLowerCase(Locale.ROOT);
        }

        /** Accumulates the mentions of one region. */
        final class RegionAcc {
            Place place;
            final List<Mention> mentions = new ArrayList<>();
            double confidence;
            double weight;
            String rule;
            int first = Integer.MAX_VALUE;

            void add(Hit h, String mentionRule, double c, String tagRule, boolean demonym) {
                mentions.add(mention(h.field, h.start, h.end, mentionRule));
                if (c > confidence) {
                    confidence = c;
                    rule = tagRule;
                }
                double w = h.field == 0 || dateline(h) ? 3 : h.start < LEAD_CHARS ? 2 : 1;
                weight += demonym ? w * 0.6 : w;
                first = Math.min(first, h.field == 0 ? h.start - 100_000 : h.start);
            }
        }

        /** A country's score includes its cities' and subdivisions'; other regions score their own mentions. */
        private double salienceScore(RegionAcc a, Map<String, Double> countryScore) {
            return a.place.kind() == RegionKind.COUNTRY ? countryScore.get(a.place.code()) : a.weight;
        }

        private List<RegionTag> regionTags(Map<String, RegionAcc> accs) {
            Map<String, Double> countryScore = new HashMap<>();
            Map<String, Integer> countryFirst = new HashMap<>();
            for (RegionAcc a : accs.values()) {
                String c = a.place.kind() == RegionKind.DISPUTED || a.place.kind() == RegionKind.SUPRANATIONAL
                        || a.place.country() == null ? a.place.code() : a.place.country();
                countryScore.merge(c, a.weight, Double::sum);
                countryFirst.merge(c, a.first, Math::min);
            }
            String topCountry = countryScore.entrySet().stream()
                    .max(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue)
                            .thenComparing(e -> -countryFirst.get(e.getKey())))
                    .map(Map.Entry::getKey).orElse(null);
            RegionAcc focus = null;
            if (topCountry != null) {
                focus = accs.get(topCountry);
                if (focus == null) {
                    for (RegionAcc a : accs.values()) {
                        if (topCountry.equals(a.place.country()) && (focus == null || a.weight > focus.weight)) {
                            focus = a;
                        }
                    }
                }
            }
            double top = topCountry == null ? 1 : countryScore.get(topCountry);
            List<RegionAcc> ordered = new ArrayList<>(accs.values());
            RegionAcc focused = focus;
            ordered.sort(Comparator.<RegionAcc>comparingInt(a -> a == focused ? 0 : 1)
                    .thenComparingDouble(a -> -salienceScore(a, countryScore)).thenComparingInt(a -> a.first));
            List<RegionTag> out = new ArrayList<>(ordered.size());
            for (RegionAcc a : ordered) {
                boolean isFocus = a == focus;
                double c = Math.min(0.99, a.confidence + (a.mentions.size() > 1 ? 0.04 : 0));
                double score = salienceScore(a, countryScore);
                double salience = isFocus ? 1 : Math.min(1, Math.round(score / top * 100) / 100.0);
                out.add(new RegionTag(a.place.code(), a.place.name(), a.place.kind(), a.place.country(), a.place.lat(),
                        a.place.lon(), Math.round(c * 100) / 100.0, salience, isFocus, a.mentions.size(), sorted(a.mentions),
                        isFocus ? a.rule + ";focus:weighted-mentions" : a.rule));
            }
            return out;
        }

        // ---- actors ------------------------------------------------------------------------------------------

        List<ActorTag> actors() {
            Map<String, ActorAcc> accs = new LinkedHashMap<>();
            for (Hit h : hits) {
                ActorName best = chooseActor(h, seenFull);
                Actor chosen = best == null ? null : best.actor();
                boolean isShort = best != null && best.isShort();
                if (chosen != null) {
                    if (isShort && h.to - h.from == 1 && nameAroundActor(h)) {
                        continue;
                    }
                    Actor a = chosen;
                    accs.computeIfAbsent(a.id(), k -> new ActorAcc(a)).add(h, isShort);
                }
            }
            List<ActorTag> out = new ArrayList<>();
            for (ActorAcc acc : accs.values()) {
                Actor a = acc.actor;
                Role role = date == null ? null : a.roleOn(date);
                out.add(new ActorTag(a.id(), a.name(), a.kind(), a.country(), role == null ? null : role.title(), a.code(),
                        true, acc.confidence(), acc.mentions.size(), sorted(acc.mentions), acc.rule()));
            }
            out.addAll(metonyms());
            for (Found x : found) {
                List<Mention> mentions = new ArrayList<>();
                for (int[] s : x.spans) {
                    mentions.add(mention(s[0], tokens[s[0]].start(s[1]), tokens[s[0]].end(s[2] - 1), x.rule));
                }
                if (mentions.isEmpty()) {
                    continue;
                }
                String country = x.country;
                String code = country != null && gazetteer.iso3(country) != null ? gazetteer.iso3(country) + sector(x.kind) : null;
                double confidence = x.kind == ActorKind.PERSON ? (x.rule.endsWith("title") ? 0.7 : 0.6) : 0.6;
                out.add(new ActorTag("discovered:" + slug(x.name), x.name, x.kind, country, x.role, code, false,
                        confidence, mentions.size(), sorted(mentions), x.rule));
            }
            out.sort(Comparator.comparingInt((ActorTag t) -> -t.getMentionCount())
                    .thenComparingInt(t -> firstOffset(t.getMentions())));
            return out;
        }

        /**
         * The actor a dictionary hit stands for. A full name or alias stands for itself; a short form needs context:
         * the actor's full name in the article, a role held at the publication date (people and bodies with dated
         * existence), a title before a person's surname, or a non-person's country among the regions. Several
         * candidates are ranked by that evidence (full name, then country, then active role); a tie is no answer.
         */
        private ActorName chooseActor(Hit h, Set<Actor> seenFull) {
            ActorName best = null;
            int bestScore = 0;
            boolean tie = false;
            for (Entry e : h.values) {
                if (!(e instanceof ActorName a)) {
                    continue;
                }
                Actor x = a.actor();
                // A short form standing for a company or body by its country only counts mid-sentence ("Apple growers").
                boolean country = x.country() != null && regionCountries.contains(x.country())
                        && !tokens[h.field].sentenceStart(h.from) && !(h.field == 0 && titleCase);
                int score = (!a.isShort() ? 16 : 0) + (seenFull.contains(x) ? 8 : 0) + (country ? 2 : 0)
                        + (x.active(date) ? 4 : 0) + (x.kind() == ActorKind.PERSON && titled(h) ? 1 : 0);
                boolean ok = !a.isShort() || seenFull.contains(x) || x.active(date)
                        || x.kind() == ActorKind.PERSON && titled(h) || x.kind() != ActorKind.PERSON && country;
                if (!ok) {
                    continue;
                }
                if (score > bestScore) {
                    best = a;
                    bestScore = score;
                    tie = false;
                } else if (score == bestScore && best != null && best.actor() != x) {
                    tie = true;
                }
            }
            return tie && best != null && best.isShort() ? null : best;
        }

        /** True when a short form of a person is accepted here (so the same span is not also a place). */
        private boolean acceptedPersonShort(Hit h) {
            for (Entry e : h.values) {
                if (e instanceof ActorName a && a.isShort() && a.actor().kind() == ActorKind.PERSON
                        && (a.actor().active(date) || titled(h) || fullNameSeen(a.actor()))) {
                    return !(h.to - h.from == 1 && nameAroundActor(h));
                }
            }
            return false;
        }

        private boolean fullNameSeen(Actor actor) {
            return seenFull.contains(actor);
        }

        /** A dictionary short form that is part of a longer capitalised name ("Anna Putin" is not Putin). */
        private boolean nameAroundActor(Hit h) {
            Tokens t = tokens[h.field];
            if (h.field == 0 && titleCase) {
                return false;
            }
            Hit prev = h.from > 0 ? cover[h.field][h.from - 1] : null;
            boolean before = h.from > 0 && t.joined(h.from - 1) && t.capitalised(h.from - 1)
                    && (prev == null || isPlaceOnly(prev) && !isDemonym(prev)) && !Cues.TITLE_WORDS.contains(t.token(h.from - 1))
                    && !Cues.FUNCTION_WORDS.contains(t.token(h.from - 1));
            boolean after = h.to < t.size() && t.joined(h.to - 1) && t.capitalised(h.to) && cover[h.field][h.to] == null
                    && !Cues.FUNCTION_WORDS.contains(t.token(h.to));
            return before || after;
        }

        private boolean titled(Hit h) {
            Tokens t = tokens[h.field];
            return h.from > 0 && t.joined(h.from - 1) && Cues.TITLE_HEADS.contains(t.token(h.from - 1));
        }

        /** "Moscow said", "Washington warned": a capital city acting stands for its country's government. */
        private List<ActorTag> metonyms() {
            Map<String, List<Mention>> byCountry = new LinkedHashMap<>();
            for (Hit h : hits) {
                Tokens t = tokens[h.field];
                if (h.to >= t.size() || !Cues.METONYM_VERBS.contains(t.token(h.to)) || !t.gapAfter(h.to - 1).equals(" ")) {
                    continue;
                }
                for (Place p : h.places()) {
                    if (p.capital() && capitals.get(p.country()) == p && !insideName(h) && !nameAround(h)) {
                        byCountry.computeIfAbsent(p.country(), k -> new ArrayList<>())
                                .add(mention(h.field, h.start, h.end, "metonym:capital"));
                        break;
                    }
                }
            }
            List<ActorTag> out = new ArrayList<>();
            byCountry.forEach((country, mentions) -> {
                Place c = gazetteer.place(country);
                String iso3 = gazetteer.iso3(country);
                out.add(new ActorTag("government-" + country.toLowerCase(Locale.ROOT), "Government of " + c.name(),
                        ActorKind.GOVERNMENT, country, null, iso3 == null ? null : iso3 + "GOV", true, 0.75,
                        mentions.size(), mentions, "metonym:capital"));
            });
            return out;
        }

        final class ActorAcc {
            final Actor actor;
            final List<Mention> mentions = new ArrayList<>();
            boolean full;

            ActorAcc(Actor actor) {
                this.actor = actor;
            }

            void add(Hit h, boolean isShort) {
                full |= !isShort;
                mentions.add(mention(h.field, h.start, h.end, isShort ? "dictionary:short" : "dictionary:name"));
            }

            double confidence() {
                return full ? 0.95 : 0.85;
            }

            String rule() {
                return full ? "dictionary:name" : "dictionary:short";
            }
        }

        Mention mention(int field, int start, int end, String rule) {
            return new Mention(field == 0 ? TextField.TITLE : TextField.BODY, start, end, texts[field].substring(start, end), rule);
        }
    }

    private static List<Mention> sorted(List<Mention> mentions) {
        List<Mention> out = new ArrayList<>(mentions);
        out.sort(READING_ORDER);
        return out;
    }

    private static int firstOffset(List<Mention> mentions) {
        int best = Integer.MAX_VALUE;
        for (Mention m : mentions) {
            best = Math.min(best, m.getField() == TextField.TITLE ? m.getStart() - 1_000_000 : m.getStart());
        }
        return best;
    }

    static String sector(ActorKind kind) {
        return switch (kind) {
            case MILITARY -> "MIL";
            case ARMED_GROUP -> "REB";
            case PARTY -> "PTY";
            case MEDIA -> "MED";
            case COMPANY -> "BUS";
            case GOVERNMENT -> "GOV";
            default -> "CVL";
        };
    }

    static String slug(String name) {
        String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return SLUG_EDGES.matcher(SLUG_GAPS.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
    }

    /** Headlines in Title Case: most words of four letters or more that are not known names start with a capital. */
    static boolean titleCase(Tokens t, Hit[] cover) {
        int long4 = 0;
        int caps = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.end(i) - t.start(i) >= 4 && cover[i] == null) {
                long4++;
                if (t.capitalised(i)) {
                    caps++;
                }
            }
        }
        return long4 >= 3 && caps * 10 >= long4 * 7;
    }

    /** Marks the tokens of photo credits and bylines, which are never tagged. */
    static boolean[] credits(Tokens t) {
        boolean[] out = new boolean[t.size()];
        String text = t.text();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            String line = text.substring(lineStart, lineEnd);
            int from = -1;
            String stripped = line.strip();
            if (line.length() < 200 && mayBeCreditLine(stripped) && CREDIT_LINE.matcher(stripped).matches()) {
                from = lineStart;
            } else if (mayEndWithCredit(stripped)) {
                // Credits are short and at the end of a line: only the tail is searched, so the cost per line is bounded.
                int tail = Math.max(0, line.length() - CREDIT_TAIL);
                Matcher m = CREDIT.matcher(line).region(tail, line.length());
                if (m.find() && m.group().strip().length() > 1) {
                    from = lineStart + m.start();
                }
            }
            if (from >= 0) {
                for (int i = firstTokenAt(t, from); i < t.size() && t.end(i) <= lineEnd; i++) {
                    out[i] = true;
                }
            }
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        return out;
    }

    /** Index of the first token starting at or after {@code offset} (binary search). */
    private static int firstTokenAt(Tokens t, int offset) {
        int lo = 0;
        int hi = t.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t.start(mid) < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Mentions in reading order: the title's first, then by offset. */
    static final Comparator<Mention> READING_ORDER = Comparator.<Mention>comparingInt(m -> m.getField() == TextField.TITLE ? 0 : 1)
            .thenComparingInt(Mention::getStart);

    /** Cheap test before the byline/credit-line pattern: such lines start with By, Written, Photo, Image, Credit… */
    private static boolean mayBeCreditLine(String line) {
        if (line.length() < 3) {
            return false;
        }
        char c = Character.toLowerCase(line.charAt(0) == '(' ? line.charAt(1) : line.charAt(0));
        return c == 'b' || c == 'w' || c == 'p' || c == 'i' || c == 'c';
    }

    /**
     * Cheap test before the trailing-credit pattern: the line ends with an agency's name, alone or in brackets, as
     * every match of {@link #CREDIT} does ("(Reporting by ...; Editing by ...)" does not, and skips the search).
     */
    static boolean mayEndWithCredit(String stripped) {
        String line = stripped.endsWith(")") ? stripped.substring(0, stripped.length() - 1) : stripped;
        return line.endsWith("Images") || line.endsWith("AFP") || line.endsWith("AP") || line.endsWith("Reuters")
                || line.endsWith("REUTERS") || line.endsWith("EPA") || line.endsWith("EFE") || line.endsWith("Getty")
                || line.endsWith("Shutterstock") || line.endsWith("Alamy") || line.endsWith("Photo")
                || line.endsWith("Agency") || line.endsWith("Anadolu") || line.endsWith("Xinhua") || line.endsWith("TASS")
                || line.endsWith("Sputnik") || line.endsWith("Bloomberg") || line.endsWith("NurPhoto")
                || line.endsWith("Press") || line.endsWith("Pool");
    }

    private static Map<String, ActorKind> orgWords() {
        Map<String, ActorKind> m = new HashMap<>();
        for (String s : List.of("Ministry", "Department", "Office", "Government", "Cabinet", "Parliament", "Senate",
                "Assembly", "Presidency", "Directorate")) {
            m.put(s, ActorKind.GOVERNMENT);
        }
        for (String s : List.of("Commission", "Council", "Committee", "Agency", "Institute", "University", "Association",
                "Federation", "Union", "Organization", "Organisation", "Foundation", "Coalition", "League", "Court",
                "Authority", "Board", "Bureau", "Centre", "Center", "Movement", "Front", "Society", "Fund", "Service")) {
            m.put(s, ActorKind.ORGANIZATION);
        }
        for (String s : List.of("Party")) {
            m.put(s, ActorKind.PARTY);
        }
        for (String s : List.of("Army", "Forces", "Navy", "Guard", "Brigade", "Brigades", "Command", "Corps")) {
            m.put(s, ActorKind.MILITARY);
        }
        for (String s : List.of("Inc", "Corp", "Corporation", "Ltd", "LLC", "PLC", "Plc", "Co", "Company", "Group", "Holdings",
                "Airlines", "Bank", "Motors", "Technologies", "Energy", "Petroleum", "SA", "NV", "N.V.", "AG", "GmbH", "SpA",
                "BV", "AB", "ASA", "Oyj", "KK", "Bancorp", "Industries", "Systems", "Laboratories", "Resources",
                "Enterprises", "Partners", "Capital", "Securities", "Trust", "Insurance", "Financial", "Mining",
                "Communications", "Electronics", "Pharmaceuticals", "Steel", "Chemicals", "Oil", "Gas")) {
            m.put(s, ActorKind.COMPANY);
        }
        return Collections.unmodifiableMap(m);
    }
}
