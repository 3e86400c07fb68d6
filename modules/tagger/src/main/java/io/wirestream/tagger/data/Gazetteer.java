package io.wirestream.tagger.data;

import io.wirestream.model.RegionKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every region the tagger knows and the names that stand for it: countries (with demonyms), first-level
 * subdivisions, cities, and the hand-written disputed, historical and supranational regions. Loaded once
 * from the classpath ({@code data/README.md} describes the files).
 */
public final class Gazetteer {

    /** How a surface form names a place. */
    public enum NameType { NAME, ALIAS, DEMONYM }

    /** One surface form of one place. */
    public record Name(String surface, Place place, NameType type) {
    }

    static final String DIR = "/io/wirestream/tagger/data/";
    private static final long BIG_CITY = 1_000_000;

    private final Map<String, Place> byCode;
    private final Map<String, String> iso3;
    private final List<Name> names;
    private final Map<String, List<String>> members;

    private Gazetteer(Map<String, Place> byCode, Map<String, String> iso3, List<Name> names, Map<String, List<String>> members) {
        this.byCode = byCode;
        this.iso3 = iso3;
        this.names = names;
        this.members = members;
    }

    /** Loads the bundled gazetteer. */
    public static Gazetteer load() {
        Map<String, Place> byCode = new LinkedHashMap<>();
        Map<String, String> iso3 = new HashMap<>();
        List<Name> names = new ArrayList<>();
        Map<String, List<String>> members = new HashMap<>();
        for (Tsv.Row r : Tsv.resource(DIR + "countries.tsv", false)) {
            Place p = new Place(r.get("code"), r.get("name"), RegionKind.COUNTRY, r.get("code"), null,
                    r.decimal("lat"), r.decimal("lon"), 0, false);
            byCode.put(p.code(), p);
            iso3.put(p.code(), r.get("iso3"));
            add(names, p, r.get("name"), NameType.NAME, 2);
            add(names, p, r.get("official"), NameType.ALIAS, 2);
            r.list("names").forEach(n -> add(names, p, n, NameType.ALIAS, 2));
            r.list("demonyms").forEach(n -> add(names, p, n, NameType.DEMONYM, 3));
        }
        for (Tsv.Row r : Tsv.resource(DIR + "subdivisions.tsv", false)) {
            Place p = new Place(r.get("code"), r.get("name"), RegionKind.SUBDIVISION, r.get("country"), r.get("code"),
                    r.decimal("lat"), r.decimal("lon"), 0, false);
            byCode.put(p.code(), p);
            add(names, p, r.get("name"), NameType.NAME, 3);
            r.list("names").forEach(n -> add(names, p, n, NameType.ALIAS, 3));
        }
        for (Tsv.Row r : Tsv.resource(DIR + "cities.tsv", false)) {
            String sub = r.get("subdivision");
            Place p = new Place("geonames:" + r.get("id"), r.get("name"), RegionKind.CITY, r.get("country"),
                    sub.isEmpty() ? null : sub, r.decimal("lat"), r.decimal("lon"), r.whole("population", 0),
                    "PPLC".equals(r.get("feature")));
            byCode.put(p.code(), p);
            add(names, p, r.get("name"), NameType.NAME, 4);
            if (r.get("name").startsWith("Saint ")) {
                add(names, p, "St. " + r.get("name").substring(6), NameType.ALIAS, 4);
            }
            // Alternate names of smaller cities are mostly other languages' spellings that collide with
            // other places ("Malaba" for Malabo); only accent-free forms and big cities' exonyms are kept.
            String folded = fold(r.get("name"));
            String head = folded.split("[,(]")[0].strip();
            for (String n : r.list("names")) {
                if (p.population() >= BIG_CITY || fold(n).equals(folded) || fold(n).equals(head)) {
                    add(names, p, n, NameType.ALIAS, 4);
                }
            }
        }
        for (Tsv.Row r : Tsv.resource(DIR + "regions.tsv", true)) {
            String country = r.get("country");
            Place p = new Place(r.get("code"), r.get("name"), RegionKind.valueOf(r.get("kind")),
                    country.isEmpty() ? null : country, null, r.decimal("lat"), r.decimal("lon"), 0, false);
            byCode.put(p.code(), p);
            add(names, p, r.get("name"), NameType.NAME, 3);
            r.list("names").forEach(n -> add(names, p, n, NameType.ALIAS, 3));
            r.list("demonyms").forEach(n -> add(names, p, n, NameType.DEMONYM, 3));
            members.put(p.code(), r.list("members"));
        }
        return new Gazetteer(Collections.unmodifiableMap(byCode), iso3, List.copyOf(names), members);
    }

    /** Names must start with an upper-case letter (matching is case-sensitive) and have a minimum length. */
    private static void add(List<Name> names, Place p, String surface, NameType type, int minLength) {
        if (surface == null || surface.length() < minLength && !(p.kind() == RegionKind.COUNTRY && surface.length() >= 2)) {
            return;
        }
        if (!Character.isUpperCase(surface.codePointAt(0))) {
            return;
        }
        names.add(new Name(surface, p, type));
    }

    private static String fold(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    public Place place(String code) {
        return byCode.get(code);
    }

    public List<Name> names() {
        return names;
    }

    public int size() {
        return byCode.size();
    }

    /** ISO alpha-3 of a country, for CAMEO-style codes. */
    public String iso3(String country) {
        return iso3.get(country);
    }

    /** Member or successor countries of a hand-written region. */
    public List<String> members(String code) {
        return members.getOrDefault(code, List.of());
    }

    public long count(RegionKind kind) {
        return byCode.values().stream().filter(p -> p.kind() == kind).count();
    }
}
