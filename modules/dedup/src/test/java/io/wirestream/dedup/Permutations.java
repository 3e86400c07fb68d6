package io.wirestream.dedup;

import java.util.ArrayList;
import java.util.List;

/** Every ordering of a small list, for tests that decisions do not depend on arrival order. */
public final class Permutations {

    private Permutations() {
    }

    public static <T> List<List<T>> of(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : of(rest)) {
                List<T> p = new ArrayList<>();
                p.add(head);
                p.addAll(tail);
                out.add(p);
            }
        }
        return out;
    }
}
