package io.wirestream.cli.eval;

import static io.wirestream.cli.eval.Counts.f4;

import io.wirestream.model.ActorTag;
import io.wirestream.model.Mention;
import io.wirestream.model.RegionKind;
import io.wirestream.model.RegionTag;
import io.wirestream.tagger.Analysis;
import java.io.PrintWriter;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores region and actor tags against Reuters-21578's hand-assigned {@code <PLACES>}, {@code <PEOPLE>} and
 * {@code <ORGS>}. Evaluated: records with at least one place and a non-blank {@code <BODY>}, tagged as title +
 * body with the record's date as publication time.
 * <ul>
 *   <li>Places: the unit is a (document, Reuters place code) pair. Each region tag predicts its country and, for a
 *   HISTORICAL tag, its own code (SU); an ISO code counts for every Reuters code whose mapping lists it. A code that
 *   covers a gold place is a true positive; one that covers none is one false positive, charged to the Reuters code
 *   it is primarily ({@link ReutersPlaces#primary}); ISO codes with no Reuters code are not scored but listed.</li>
 *   <li>Micro precision/recall/F1 sum the pairs over documents; the macro averages take the mean over documents
 *   (precision over documents with at least one prediction, recall and F1 over all).</li>
 *   <li>People and orgs: recall only (Reuters lists few of the actors a story names). A gold string such as
 *   {@code james-baker} is found when, with hyphens as spaces and case and accents folded, its words occur as
 *   consecutive words of an actor's name or id, or it equals the name without spaces ({@code worldbank}), or it or
 *   its part before the first hyphen equals the initials of the name's capitalised words ({@code ico-coffee} and
 *   International Coffee Organization) or one of the actor's mentions as written ({@code icco} for a mention
 *   "ICCO").</li>
 *   <li>Records the tagger throws on are skipped and reported.</li>
 * </ul>
 */
public final class ReutersTagEvaluation {

    /** What one run found; the tallies feed the error lists. */
    public record Result(Counts places, double macroPrecision, double macroRecall, double macroF1, int documents,
            Tally falseNegatives, Tally falsePositives, Tally unmappedGold, Tally unmappedPredicted,
            int peopleFound, int peopleTotal, Tally peopleMissed, int orgsFound, int orgsTotal, Tally orgsMissed,
            TaggerErrors errors, double seconds) {

        public double peopleRecall() {
            return Counts.ratio(peopleFound, peopleTotal);
        }

        public double orgsRecall() {
            return Counts.ratio(orgsFound, orgsTotal);
        }
    }

    private static final Set<String> FUNCTION_WORDS = Set.of("of", "the", "and", "for", "on", "in", "de", "des", "du",
            "la", "le", "to", "&");

    private final ReutersPlaces places;
    private final Analyzer analyzer;
    private final double minSalience;

    public ReutersTagEvaluation(ReutersPlaces places, Analyzer analyzer) {
        this(places, analyzer, 0);
    }

    /** Only region tags with at least {@code minSalience} count as the places a story is about. */
    public ReutersTagEvaluation(ReutersPlaces places, Analyzer analyzer, double minSalience) {
        this.places = places;
        this.analyzer = analyzer;
        this.minSalience = minSalience;
    }

    /** True for the records this evaluation scores: at least one place and a body. */
    public static boolean evaluated(ReutersReader.Labelled r) {
        return r.hasBody() && !r.places().isEmpty();
    }

    /** Tags and scores the {@linkplain #evaluated evaluated} records of {@code records}. */
    public Result run(List<ReutersReader.Labelled> records) {
        long started = System.nanoTime();
        Counts micro = new Counts(0, 0, 0);
        double sumPrecision = 0;
        double sumRecall = 0;
        double sumF1 = 0;
        int withPredictions = 0;
        int documents = 0;
        Tally fn = new Tally();
        Tally fp = new Tally();
        Tally unmappedGold = new Tally();
        Tally unmappedPredicted = new Tally();
        Tally peopleMissed = new Tally();
        Tally orgsMissed = new Tally();
        TaggerErrors errors = new TaggerErrors();
        int peopleFound = 0;
        int peopleTotal = 0;
        int orgsFound = 0;
        int orgsTotal = 0;
        for (ReutersReader.Labelled r : records) {
            if (!evaluated(r)) {
                continue;
            }
            ReutersReader.Article a = r.article();
            Analysis analysis;
            try {
                analysis = analyzer.analyze(a.title(), r.publishedText(), a.time() == 0 ? null : Instant.ofEpochMilli(a.time()));
            } catch (RuntimeException e) {
                errors.add("NEWID " + a.newId(), e);
                continue;
            }
            documents++;
            Set<String> gold = new LinkedHashSet<>(r.places());
            gold.stream().filter(c -> !places.knows(c)).forEach(unmappedGold::add);
            Set<String> covered = new LinkedHashSet<>();
            Set<String> wrong = new LinkedHashSet<>();
            for (String iso : predictedIso(analysis.regions().stream().filter(t -> t.getSalience() >= minSalience).toList())) {
                List<String> codes = places.reutersCodes(iso);
                if (codes.isEmpty()) {
                    unmappedPredicted.add(iso);
                    continue;
                }
                List<String> hits = codes.stream().filter(gold::contains).toList();
                if (hits.isEmpty()) {
                    wrong.add(places.primary(iso));
                } else {
                    covered.addAll(hits);
                }
            }
            Counts doc = new Counts(covered.size(), wrong.size(), gold.size() - covered.size());
            micro = micro.plus(doc);
            gold.stream().filter(c -> !covered.contains(c)).forEach(fn::add);
            wrong.forEach(fp::add);
            if (doc.tp() + doc.fp() > 0) {
                withPredictions++;
                sumPrecision += doc.precision();
            }
            sumRecall += doc.recall();
            sumF1 += doc.f1();
            for (String p : new LinkedHashSet<>(r.people())) {
                peopleTotal++;
                if (found(p, analysis.actors())) {
                    peopleFound++;
                } else {
                    peopleMissed.add(p);
                }
            }
            for (String o : new LinkedHashSet<>(r.orgs())) {
                orgsTotal++;
                if (found(o, analysis.actors())) {
                    orgsFound++;
                } else {
                    orgsMissed.add(o);
                }
            }
        }
        return new Result(micro, withPredictions == 0 ? 0 : sumPrecision / withPredictions,
                documents == 0 ? 0 : sumRecall / documents, documents == 0 ? 0 : sumF1 / documents, documents,
                fn, fp, unmappedGold, unmappedPredicted, peopleFound, peopleTotal, peopleMissed, orgsFound, orgsTotal,
                orgsMissed, errors, (System.nanoTime() - started) / 1e9);
    }

    /** The ISO codes the regions predict: each tag's country, and a HISTORICAL tag's own code. */
    static Set<String> predictedIso(List<RegionTag> regions) {
        Set<String> out = new LinkedHashSet<>();
        for (RegionTag t : regions) {
            if (t.getCountry() != null) {
                out.add(t.getCountry());
            }
            if (t.getKind() == RegionKind.HISTORICAL) {
                out.add(t.getCode());
            }
        }
        return out;
    }

    /** Whether an actor answers to the Reuters people/orgs string {@code gold} (see the class comment). */
    static boolean found(String gold, List<ActorTag> actors) {
        String[] want = words(gold.replace('-', ' '));
        if (want.length == 0) {
            return false;
        }
        String joined = String.join("", want);
        String head = String.join("", words(gold.split("-", 2)[0]));
        for (ActorTag a : actors) {
            String[] name = words(a.getName());
            if (containsRun(name, want) || containsRun(words(a.getId()), want) || String.join("", name).equals(joined)) {
                return true;
            }
            String initials = initials(a.getName());
            if (initials.length() > 1 && (initials.equals(joined) || initials.equals(head))) {
                return true;
            }
            for (Mention m : a.getMentions()) {
                String surface = String.join("", words(m.getSurface()));
                if (surface.equals(joined) || surface.equals(head)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Lower-case words of letters and digits, accents folded and German umlauts spelled out (weizsaecker). */
    static String[] words(String s) {
        if (s == null) {
            return new String[0];
        }
        String t = s.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        t = Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return Arrays.stream(t.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    private static boolean containsRun(String[] hay, String[] needle) {
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    /** Initials of the words not in {@link #FUNCTION_WORDS}, lower-case: Organization of ... Countries is opec. */
    static String initials(String name) {
        StringBuilder sb = new StringBuilder();
        for (String w : name.split("\\s+")) {
            if (!w.isEmpty() && !FUNCTION_WORDS.contains(w.toLowerCase(Locale.ROOT)) && Character.isLetter(w.charAt(0))) {
                sb.append(Character.toLowerCase(w.charAt(0)));
            }
        }
        return sb.toString();
    }

    /** The report: scores, error lists and the RESULT line. */
    public void print(Result r, String header, PrintWriter out) {
        Counts c = r.places();
        out.println("== eval tags --reuters: " + header);
        r.errors().print("records", out);
        out.printf("documents (places and a body):  %d%n", r.documents());
        out.printf("places micro:  precision %s  recall %s  f1 %s  (tp %d, fp %d, fn %d)%n",
                f4(c.precision()), f4(c.recall()), f4(c.f1()), c.tp(), c.fp(), c.fn());
        out.printf("places macro:  precision %s  recall %s  f1 %s%n", f4(r.macroPrecision()), f4(r.macroRecall()), f4(r.macroF1()));
        r.falseNegatives().print("false negatives by Reuters code (gold place not predicted)", 20, out);
        r.falsePositives().print("false positives by Reuters code (predicted, not gold)", 20, out);
        if (r.unmappedGold().total() > 0) {
            r.unmappedGold().print("gold places without an ISO mapping (counted as misses)", 20, out);
        }
        r.unmappedPredicted().print("predicted ISO codes without a Reuters code (not scored)", 20, out);
        out.printf("people recall: %s (%d of %d)%n", f4(r.peopleRecall()), r.peopleFound(), r.peopleTotal());
        r.peopleMissed().print("people missed", 20, out);
        out.printf("orgs recall:   %s (%d of %d)%n", f4(r.orgsRecall()), r.orgsFound(), r.orgsTotal());
        r.orgsMissed().print("orgs missed", 20, out);
        out.printf(Locale.ROOT, "seconds: %.2f%n", r.seconds());
        out.printf("RESULT precision=%s recall=%s f1=%s tp=%d fp=%d fn=%d documents=%d people_recall=%s orgs_recall=%s%n",
                f4(c.precision()), f4(c.recall()), f4(c.f1()), c.tp(), c.fp(), c.fn(), r.documents(),
                f4(r.peopleRecall()), f4(r.orgsRecall()));
        out.flush();
    }
}
