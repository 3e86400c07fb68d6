package io.wirestream.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.model.ActorTag;
import io.wirestream.model.RegionKind;
import io.wirestream.model.RegionTag;
import io.wirestream.tagger.Analysis;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Scores the tagger on hand-annotated articles in the format of {@code eval/seeds/gold.json}, exactly as the
 * {@code checks/seeds-tags} script does. A gold region is found when a tag's code or name equals it, a COUNTRY tag's
 * country equals a two-letter gold code, or (gold longer than two characters) the tag's name contains it, ignoring
 * case. A gold actor is found when its name or an alias, ignoring case, is contained in an actor's name. The focus
 * is right when the gold focus is among the codes (or countries) of the tags marked focus. {@code not_regions} and
 * {@code not_actors} are free text: the part before " (" split at " / " gives the forbidden names; a region whose
 * name or code equals one, or an actor whose name contains one (ignoring case), is a violation.
 */
public final class SeedGoldEvaluation {

    /** Extracted text of an article file, as {@code wirestream analyze} tags it. */
    public record ArticleText(String title, String body, Instant published) {
    }

    /** Turns a gold document's file into the text to tag. */
    @FunctionalInterface
    public interface Loader {
        ArticleText load(Path file) throws IOException;
    }

    public record GoldActor(String name, List<String> aliases) {
    }

    public record GoldDocument(String file, String focus, List<String> regions, List<GoldActor> actors,
            List<String> notRegions, List<String> notActors) {
    }

    /** One document's outcome; {@code missing} and {@code forbidden} are printable descriptions. */
    public record DocumentResult(String file, int found, int total, List<String> missing, List<String> forbidden,
            String goldFocus, boolean focusRight, List<String> focus) {
    }

    public record Result(List<DocumentResult> documents, double seconds) {

        public int found() {
            return documents.stream().mapToInt(DocumentResult::found).sum();
        }

        public int total() {
            return documents.stream().mapToInt(DocumentResult::total).sum();
        }

        public int missing() {
            return total() - found();
        }

        public int forbidden() {
            return documents.stream().mapToInt(d -> d.forbidden().size()).sum();
        }

        public int focusRight() {
            return (int) documents.stream().filter(DocumentResult::focusRight).count();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Loader loader;
    private final Analyzer analyzer;

    public SeedGoldEvaluation(Loader loader, Analyzer analyzer) {
        this.loader = loader;
        this.analyzer = analyzer;
    }

    /** Parses a gold file; a missing {@code documents} array or a document without {@code file} is an error. */
    public static List<GoldDocument> parse(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        JsonNode docs = root == null ? null : root.get("documents");
        if (docs == null || !docs.isArray()) {
            throw new IOException("gold file has no \"documents\" array");
        }
        List<GoldDocument> out = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            JsonNode d = docs.get(i);
            String file = d.path("file").asText("");
            if (file.isBlank()) {
                throw new IOException("gold document " + (i + 1) + " has no \"file\"");
            }
            List<GoldActor> actors = new ArrayList<>();
            for (JsonNode a : d.path("actors")) {
                String name = a.path("name").asText("");
                if (name.isBlank()) {
                    throw new IOException("gold document " + file + ": an actor has no \"name\"");
                }
                actors.add(new GoldActor(name, strings(a.path("aliases"))));
            }
            out.add(new GoldDocument(file, d.path("focus").asText(null), strings(d.path("regions")), actors,
                    strings(d.path("not_regions")), strings(d.path("not_actors"))));
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Loads, tags and scores each document; files are resolved against {@code dir}. */
    public Result run(List<GoldDocument> documents, Path dir) throws IOException {
        long started = System.nanoTime();
        List<DocumentResult> out = new ArrayList<>();
        for (GoldDocument d : documents) {
            ArticleText t = loader.load(dir.resolve(d.file()));
            Analysis analysis;
            try {
                analysis = analyzer.analyze(t.title(), t.body(), t.published());
            } catch (RuntimeException e) {
                // A hand-annotated document is a check, not a sample: a crash misses everything and says why.
                DocumentResult nothing = score(d, new Analysis(List.of(), List.of(), null));
                List<String> missing = new ArrayList<>(nothing.missing());
                missing.add(0, "everything: the tagger threw " + e);
                out.add(new DocumentResult(d.file(), 0, nothing.total(), missing, List.of(), d.focus(), false, List.of()));
                continue;
            }
            out.add(score(d, analysis));
        }
        return new Result(out, (System.nanoTime() - started) / 1e9);
    }

    static DocumentResult score(GoldDocument d, Analysis analysis) {
        List<String> missing = new ArrayList<>();
        int found = 0;
        for (String want : d.regions()) {
            if (analysis.regions().stream().anyMatch(r -> regionFound(want, r))) {
                found++;
            } else {
                missing.add("region " + want);
            }
        }
        for (GoldActor want : d.actors()) {
            if (analysis.actors().stream().anyMatch(a -> actorFound(want, a))) {
                found++;
            } else {
                missing.add("actor " + want.name());
            }
        }
        List<String> forbidden = new ArrayList<>();
        for (String text : d.notRegions()) {
            for (String bad : forbiddenNames(text)) {
                for (RegionTag r : analysis.regions()) {
                    if (r.getName().equalsIgnoreCase(bad) || r.getCode().equalsIgnoreCase(bad)) {
                        forbidden.add("region " + r.getCode() + " " + r.getName() + " (not_regions: " + bad + ")");
                    }
                }
            }
        }
        for (String text : d.notActors()) {
            for (String bad : forbiddenNames(text)) {
                for (ActorTag a : analysis.actors()) {
                    if (lower(a.getName()).contains(lower(bad))) {
                        forbidden.add("actor " + a.getName() + " (not_actors: " + bad + ")");
                    }
                }
            }
        }
        List<String> focus = analysis.regions().stream().filter(RegionTag::getFocus)
                .map(r -> r.getCode() != null ? r.getCode() : r.getCountry()).filter(Objects::nonNull).toList();
        return new DocumentResult(d.file(), found, d.regions().size() + d.actors().size(), missing, forbidden,
                d.focus(), d.focus() != null && focus.contains(d.focus()), focus);
    }

    static boolean regionFound(String want, RegionTag r) {
        if (want.equals(r.getCode()) || want.equals(r.getName())) {
            return true;
        }
        if (want.length() == 2 && r.getKind() == RegionKind.COUNTRY && want.equals(r.getCountry())) {
            return true;
        }
        return want.length() > 2 && lower(r.getName()).contains(lower(want));
    }

    static boolean actorFound(GoldActor want, ActorTag a) {
        String name = lower(a.getName());
        if (name.contains(lower(want.name()))) {
            return true;
        }
        return want.aliases().stream().anyMatch(alias -> name.contains(lower(alias)));
    }

    /** "US / New York (only in ...)" is [US, New York]: the text before " (", split at " / ". */
    static List<String> forbiddenNames(String text) {
        int paren = text.indexOf(" (");
        String head = paren >= 0 ? text.substring(0, paren) : text;
        List<String> out = new ArrayList<>();
        for (String s : head.split(" / ")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    public void print(Result r, String header, PrintWriter out) {
        out.println("== eval tags --gold: " + header);
        for (DocumentResult d : r.documents()) {
            out.printf("%s: found %d/%d, focus %s %s (tags marked focus: %s)%n", d.file(), d.found(), d.total(),
                    d.goldFocus(), d.focusRight() ? "right" : "WRONG", String.join(" ", d.focus()));
            d.missing().forEach(m -> out.println("  missing   " + m));
            d.forbidden().forEach(f -> out.println("  forbidden " + f));
        }
        out.printf(Locale.ROOT, "seconds: %.2f%n", r.seconds());
        out.printf("RESULT gold_found=%d gold_total=%d missing=%d forbidden=%d focus_right=%d documents=%d%n",
                r.found(), r.total(), r.missing(), r.forbidden(), r.focusRight(), r.documents().size());
        out.flush();
    }
}
