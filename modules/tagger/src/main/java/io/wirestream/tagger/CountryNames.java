package io.wirestream.tagger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * English country names keyed to ISO 3166-1 alpha-2 codes, taken from the JDK's own locale data
 * ({@link Locale#getISOCountries()}): no data file, no network. Display names with a parenthesised
 * alternative ("Myanmar (Burma)") give both names; names with "&amp;" also give the "and" spelling;
 * names the JDK writes with a dash qualifier ("Congo - Kinshasa") are too ambiguous for plain matching
 * and are left out. This is the foundation's minimal gazetteer: the tagger issue replaces it with
 * registry-package data (alternate names, demonyms, subdivisions, cities).
 */
final class CountryNames {

    private CountryNames() {
    }

    /** Surface name → ISO code, longest names first so that longer matches win. */
    static Map<String, String> load() {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (String code : Locale.getISOCountries()) {
            String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH);
            if (name.isBlank() || name.equals(code) || name.contains(" - ")) {
                continue;
            }
            int paren = name.indexOf(" (");
            if (paren > 0 && name.endsWith(")")) {
                entries.add(Map.entry(name.substring(0, paren), code));
                entries.add(Map.entry(name.substring(paren + 2, name.length() - 1), code));
            } else {
                entries.add(Map.entry(name, code));
            }
            if (name.contains(" & ")) {
                entries.add(Map.entry(name.replace(" & ", " and "), code));
            }
        }
        entries.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
        Map<String, String> names = new LinkedHashMap<>();
        entries.forEach(e -> names.putIfAbsent(e.getKey(), e.getValue()));
        return names;
    }

    /** The English name of an ISO code, as the JDK writes it. */
    static String nameOf(String code) {
        return new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH);
    }
}
