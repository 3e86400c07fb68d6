package io.wirestream.cli.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reuters-21578 place codes mapped to the ISO codes a modern tagger may emit for them, read from a TSV with
 * columns {@code reuters iso note} (header row, {@code #} comments); {@code iso} may be {@code A|B}, any of which
 * counts as that place ({@code ussr} is SU or any successor state, {@code west-germany} is DE).
 */
public final class ReutersPlaces {

    /** The mapping shipped with the CLI. */
    public static final String RESOURCE = "/io/wirestream/cli/eval/reuters-places.tsv";

    private final Map<String, List<String>> isoByReuters;
    private final Map<String, List<String>> reutersByIso = new LinkedHashMap<>();

    private ReutersPlaces(Map<String, List<String>> isoByReuters) {
        this.isoByReuters = isoByReuters;
        isoByReuters.forEach((reuters, isos) -> isos.forEach(
                iso -> reutersByIso.computeIfAbsent(iso, k -> new ArrayList<>()).add(reuters)));
    }

    /** The shipped mapping; fails if it is missing or malformed. */
    public static ReutersPlaces load() {
        try (InputStream in = ReutersPlaces.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Reuters place mapping missing from the classpath: " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE, e);
        }
    }

    /** Parses the TSV; a line without two columns or a code listed twice is an error naming the line. */
    public static ReutersPlaces parse(String tsv) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        String[] lines = tsv.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#") || line.startsWith("reuters\t")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length < 2 || cols[0].isBlank() || cols[1].isBlank()) {
                throw new IllegalArgumentException("reuters-places line " + (i + 1) + ": expected 'reuters<TAB>iso[|iso...]', was: " + line);
            }
            List<String> isos = List.of(cols[1].strip().split("\\|"));
            if (map.put(cols[0].strip(), isos) != null) {
                throw new IllegalArgumentException("reuters-places line " + (i + 1) + ": " + cols[0] + " listed twice");
            }
        }
        return new ReutersPlaces(map);
    }

    public boolean knows(String reutersCode) {
        return isoByReuters.containsKey(reutersCode);
    }

    public Set<String> reutersCodes() {
        return isoByReuters.keySet();
    }

    /** The ISO codes that count as {@code reutersCode}, first the one it is (today) mainly; empty if unknown. */
    public List<String> isoCodes(String reutersCode) {
        return isoByReuters.getOrDefault(reutersCode, List.of());
    }

    /** The Reuters codes {@code iso} counts as, in file order; empty if none. */
    public List<String> reutersCodes(String iso) {
        return reutersByIso.getOrDefault(iso, List.of());
    }

    /**
     * The one Reuters code a prediction of {@code iso} is charged to when it is wrong: the code whose first ISO
     * code it is ({@code DE} is west-germany, not east-germany), else the first that lists it; null if none.
     */
    public String primary(String iso) {
        List<String> codes = reutersCodes(iso);
        for (String c : codes) {
            if (isoByReuters.get(c).get(0).equals(iso)) {
                return c;
            }
        }
        return codes.isEmpty() ? null : codes.get(0);
    }
}
