package io.wirestream.cli.eval;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts of keys (error surface forms, codes), listed most frequent first, ties alphabetically. */
public final class Tally {

    private final Map<String, Integer> counts = new HashMap<>();

    public void add(String key) {
        counts.merge(key, 1, Integer::sum);
    }

    public int count(String key) {
        return counts.getOrDefault(key, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public List<Map.Entry<String, Integer>> top(int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n).toList();
    }

    /** A heading with the total and distinct count, then the top {@code n} as {@code count  key} lines. */
    void print(String heading, int n, PrintWriter out) {
        out.printf("%s: %d (%d distinct)%s%n", heading, total(), counts.size(), counts.size() > n ? ", top " + n : "");
        for (Map.Entry<String, Integer> e : top(n)) {
            out.printf("  %5d  %s%n", e.getValue(), e.getKey());
        }
    }
}
