package io.wirestream.cli.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Documents the tagger threw on. Corpus evaluations skip them (their gold is not scored) and say so, so one bad
 * article does not hide the scores of the rest.
 */
public final class TaggerErrors {

    private static final int SHOWN = 5;

    private int count;
    private final List<String> first = new ArrayList<>();

    void add(String document, RuntimeException e) {
        count++;
        if (first.size() < SHOWN) {
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            first.add(document + ": " + e + (at == null ? "" : " at " + at));
        }
    }

    public int count() {
        return count;
    }

    void print(String what, PrintWriter out) {
        if (count == 0) {
            return;
        }
        out.printf("TAGGER ERRORS: %d %s skipped (not scored)%s%n", count, what, count > SHOWN ? ", first " + SHOWN : "");
        first.forEach(f -> out.println("  " + f));
    }
}
