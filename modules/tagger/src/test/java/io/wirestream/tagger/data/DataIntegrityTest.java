package io.wirestream.tagger.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.wirestream.model.ActorKind;
import io.wirestream.model.RegionKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Facts about the bundled data files that a bad edit or a regeneration could break. */
class DataIntegrityTest {

    private static final Gazetteer GAZETTEER = Gazetteer.load();
    private static final ActorDictionary ACTORS = ActorDictionary.load();
    private static final List<Tsv.Row> COUNTRIES = Tsv.resource(Gazetteer.DIR + "countries.tsv", false);
    private static final LocalDate COVERAGE_DATE = LocalDate.of(2026, 6, 1);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CAMEO = Pattern.compile("[A-Z]{6}");
    /** Code prefixes of actors that belong to no one country (data/README.md, "CAMEO-style codes"). */
    private static final Set<String> NON_COUNTRY_PREFIXES = Set.of("IGO", "NGO", "IMG");

    private static List<Actor> actors() {
        List<Actor> all = new ArrayList<>();
        ACTORS.actors().forEach(all::add);
        return all;
    }

    private static List<String> violations(List<Tsv.Row> rows, java.util.function.Function<Tsv.Row, String> check) {
        List<String> out = new ArrayList<>();
        for (Tsv.Row r : rows) {
            String problem = check.apply(r);
            if (problem != null) {
                out.add(r.file() + " line " + r.line() + ": " + problem);
            }
        }
        return out;
    }

    // ---- countries -------------------------------------------------------------------------------------------

    @Test
    void thereAre250CountriesWithUniqueAlpha2AndAlpha3Codes() {
        Set<String> alpha2 = new HashSet<>();
        Set<String> alpha3 = new HashSet<>();
        for (Tsv.Row r : COUNTRIES) {
            assertThat(r.get("code")).as(r.file() + " line " + r.line()).matches("[A-Z]{2}");
            assertThat(r.get("iso3")).as(r.file() + " line " + r.line()).matches("[A-Z]{3}");
            alpha2.add(r.get("code"));
            alpha3.add(r.get("iso3"));
        }
        assertThat(COUNTRIES).hasSize(250);
        assertThat(alpha2).hasSize(250);
        assertThat(alpha3).hasSize(250);
        assertThat(GAZETTEER.count(RegionKind.COUNTRY)).isEqualTo(250);
    }

    @Test
    void thereAre193UnMemberStates() {
        assertThat(COUNTRIES.stream().filter(r -> r.get("status").equals("member"))).hasSize(193);
    }

    // ---- actors: ids, countries, codes -----------------------------------------------------------------------

    @Test
    void actorDictionaryLoadsSoActorIdsAreUnique() {
        assertThatCode(ActorDictionary::load).doesNotThrowAnyException();
        assertThat(ACTORS.size()).isGreaterThan(1000);
    }

    @Test
    void actorIdsAreLowercaseSlugs() {
        assertThat(actors()).filteredOn(a -> !SLUG.matcher(a.id()).matches()).extracting(Actor::id).isEmpty();
    }

    @Test
    void everyActorCountryIsACountryCode() {
        assertThat(actors())
                .filteredOn(a -> a.country() != null && !isCountry(a.country()))
                .extracting(a -> a.id() + " " + a.country())
                .isEmpty();
    }

    @Test
    void everyActorCodeIsSixUpperCaseLetters() {
        assertThat(actors())
                .filteredOn(a -> a.code() == null || !CAMEO.matcher(a.code()).matches())
                .extracting(a -> a.id() + " " + a.code())
                .isEmpty();
    }

    @Test
    void countryActorCodesStartWithTheirCountrysAlpha3() {
        assertThat(actors())
                .filteredOn(a -> a.country() != null && a.code() != null
                        && !NON_COUNTRY_PREFIXES.contains(a.code().substring(0, 3))
                        && !a.code().startsWith(GAZETTEER.iso3(a.country())))
                .extracting(a -> a.id() + " " + a.country() + " " + a.code())
                .isEmpty();
    }

    @Test
    void actorsWithoutCountryHaveAnInternationalCode() {
        assertThat(actors())
                .filteredOn(a -> a.country() == null && !NON_COUNTRY_PREFIXES.contains(a.code().substring(0, 3)))
                .extracting(a -> a.id() + " " + a.code())
                .isEmpty();
    }

    @Test
    void everyInternationalOrganisationHasItsOwnCode() {
        Map<String, List<String>> byCode = new TreeMap<>();
        for (Actor a : actors()) {
            if (a.kind() != ActorKind.PERSON && a.code() != null
                    && (a.code().startsWith("IGO") || a.code().startsWith("NGO"))) {
                byCode.computeIfAbsent(a.code(), k -> new ArrayList<>()).add(a.id());
            }
        }
        byCode.values().removeIf(ids -> ids.size() < 2);
        assertThat(byCode).as("codes shared by several organisations").isEmpty();
    }

    @Test
    void dictionaryHasAtLeast80InternationalOrganisations() {
        assertThat(actors()).filteredOn(a -> a.kind() == ActorKind.INTERNATIONAL_ORGANIZATION).hasSizeGreaterThanOrEqualTo(80);
    }

    @Test
    void dictionaryHasAtLeast50ArmedGroups() {
        assertThat(actors()).filteredOn(a -> a.kind() == ActorKind.ARMED_GROUP).hasSizeGreaterThanOrEqualTo(50);
    }

    // ---- actors: roles ---------------------------------------------------------------------------------------

    @Test
    void everyRoleParsesWithATitle() {
        List<String> bad = new ArrayList<>();
        for (String file : ActorDictionary.FILES) {
            for (Tsv.Row r : Tsv.resource(Gazetteer.DIR + "actors/" + file + ".tsv", true)) {
                for (String spec : r.list("roles")) {
                    try {
                        if (Role.parse(spec).title().isEmpty()) {
                            bad.add(r.file() + " line " + r.line() + ": no title in '" + spec + "'");
                        }
                    } catch (RuntimeException e) {
                        bad.add(r.file() + " line " + r.line() + ": " + e);
                    }
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void everyRoleStartsBeforeItEnds() {
        List<String> bad = new ArrayList<>();
        for (Actor a : actors()) {
            for (Role r : a.roles()) {
                if (r.from() != null && r.to() != null && !r.from().isBefore(r.to())) {
                    bad.add(a.id() + ": " + r);
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    /**
     * leaders.tsv promises the heads of state and government of every UN member state, Palestine and the Holy
     * See. A role names a country when its title ends with "of [the] NAME" for one of the country's names (the
     * longest such name wins, so "of the Democratic Republic of the Congo" is not the Republic of the Congo);
     * a title that names no country ("Pope") counts for the actor's own country.
     */
    @Test
    void everyUnMemberStatePalestineAndTheHolySeeHaveASittingLeader() {
        Map<String, List<String>> countryNames = new HashMap<>();
        for (Tsv.Row r : COUNTRIES) {
            List<String> names = new ArrayList<>(List.of(r.get("name"), r.get("official")));
            names.addAll(r.list("names"));
            names.removeIf(String::isEmpty);
            countryNames.put(r.get("code"), names);
        }
        Set<String> covered = new HashSet<>();
        for (Actor a : actors()) {
            if (a.kind() != ActorKind.PERSON) {
                continue;
            }
            for (Role role : a.roles()) {
                if (role.heldOn(COVERAGE_DATE)) {
                    String named = countryNamedBy(role.title(), countryNames);
                    if (named != null) {
                        covered.add(named);
                    } else if (a.country() != null) {
                        covered.add(a.country());
                    }
                }
            }
        }
        Set<String> missing = new TreeSet<>();
        for (Tsv.Row r : COUNTRIES) {
            String code = r.get("code");
            if ((r.get("status").equals("member") || code.equals("PS") || code.equals("VA")) && !covered.contains(code)) {
                missing.add(code + " " + r.get("name"));
            }
        }
        assertThat(missing).isEmpty();
    }

    private static String countryNamedBy(String title, Map<String, List<String>> countryNames) {
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, List<String>> e : countryNames.entrySet()) {
            for (String name : e.getValue()) {
                if ((title.endsWith(" of " + name) || title.endsWith(" of the " + name)) && name.length() > bestLength) {
                    best = e.getKey();
                    bestLength = name.length();
                }
            }
        }
        return best;
    }

    // ---- gazetteer -------------------------------------------------------------------------------------------

    @Test
    void everySubdivisionLiesInAKnownCountry() {
        List<Tsv.Row> rows = Tsv.resource(Gazetteer.DIR + "subdivisions.tsv", false);
        assertThat(rows).isNotEmpty();
        assertThat(violations(rows, r -> isCountry(r.get("country")) ? null : "unknown country " + r.get("country"))).isEmpty();
    }

    @Test
    void everyCitySubdivisionExistsInTheCitysCountry() {
        Set<String> subdivisionCodes = new HashSet<>();
        Map<String, String> subdivisionCountry = new HashMap<>();
        for (Tsv.Row r : Tsv.resource(Gazetteer.DIR + "subdivisions.tsv", false)) {
            subdivisionCodes.add(r.get("code"));
            subdivisionCountry.put(r.get("code"), r.get("country"));
        }
        List<Tsv.Row> cities = Tsv.resource(Gazetteer.DIR + "cities.tsv", false);
        assertThat(cities).isNotEmpty();
        assertThat(violations(cities, r -> {
            String sub = r.get("subdivision");
            if (sub.isEmpty()) {
                return null;
            }
            if (!subdivisionCodes.contains(sub)) {
                return "unknown subdivision " + sub;
            }
            return subdivisionCountry.get(sub).equals(r.get("country")) ? null
                    : "subdivision " + sub + " is in " + subdivisionCountry.get(sub) + ", city in " + r.get("country");
        })).isEmpty();
    }

    @Test
    void everyCityLiesInAKnownCountry() {
        List<Tsv.Row> cities = Tsv.resource(Gazetteer.DIR + "cities.tsv", false);
        assertThat(violations(cities, r -> isCountry(r.get("country")) ? null : "unknown country " + r.get("country"))).isEmpty();
    }

    @Test
    void everyRegionMemberIsACountry() {
        List<Tsv.Row> regions = Tsv.resource(Gazetteer.DIR + "regions.tsv", false);
        assertThat(regions).isNotEmpty();
        assertThat(violations(regions, r -> {
            List<String> unknown = GAZETTEER.members(r.get("code")).stream().filter(m -> !isCountry(m)).toList();
            return unknown.isEmpty() ? null : "unknown members " + unknown;
        })).isEmpty();
    }

    @Test
    void everyDisputedRegionCountryIsACountry() {
        List<Tsv.Row> regions = Tsv.resource(Gazetteer.DIR + "regions.tsv", false);
        assertThat(violations(regions, r -> r.get("country").isEmpty() || isCountry(r.get("country")) ? null
                : "unknown country " + r.get("country"))).isEmpty();
    }

    @Test
    void blockersAreLoaded() {
        assertThat(ACTORS.blockers()).isNotEmpty().doesNotContain("");
    }

    private static boolean isCountry(String code) {
        Place p = GAZETTEER.place(code);
        return p != null && p.kind() == RegionKind.COUNTRY;
    }
}
