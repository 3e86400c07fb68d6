package io.wirestream.cli.eval;

import static io.wirestream.cli.eval.Counts.f4;

import io.wirestream.model.Mention;
import io.wirestream.model.RegionTag;
import io.wirestream.model.TextField;
import io.wirestream.tagger.Analysis;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores region mention spans against GeoVirus gold locations. Each article's text is tagged as the body (empty
 * title, no date); the predicted spans are the body mentions of every region tag of any kind, a span shared by
 * several tags counted once; mentions by demonym or adjective ("Armenian forces") are left out unless asked for,
 * because GeoVirus annotates toponyms (names of places), not adjectives. Exact: a predicted span counts when the same [start, end) is a gold span. Overlap: a
 * one-to-one matching, first of exact pairs, then greedily of the remaining overlapping pairs by longest overlap;
 * unmatched gold spans are false negatives, unmatched predicted spans false positives, and matched pairs whose
 * bounds differ are listed as boundary errors. Articles the tagger throws on are skipped and reported.
 */
public final class GeoVirusEvaluation {

    /** Scores and error tallies of one run. */
    public record Result(Counts exact, Counts overlap, int listed, int gold, int predicted, int articles, Tally falseNegatives,
            Tally falsePositives, Tally falsePositiveRules, Tally boundaries, TaggerErrors errors, double seconds) {
    }

    /** A predicted span with the surface, tag and rule of its first mention. */
    record Span(int start, int end, String surface, String tag, String rule) {

        boolean overlaps(int s, int e) {
            return start < e && s < end;
        }
    }

    private final Analyzer analyzer;
    private final boolean demonyms;

    public GeoVirusEvaluation(Analyzer analyzer) {
        this(analyzer, false);
    }

    /** With {@code demonyms}, mentions by adjective ("Armenian") count as predicted toponyms too. */
    public GeoVirusEvaluation(Analyzer analyzer, boolean demonyms) {
        this.analyzer = analyzer;
        this.demonyms = demonyms;
    }

    public Result run(List<GeoVirusReader.Article> articles) {
        long started = System.nanoTime();
        Counts exact = new Counts(0, 0, 0);
        Counts overlap = new Counts(0, 0, 0);
        int listed = 0;
        int goldTotal = 0;
        int predictedTotal = 0;
        Tally fn = new Tally();
        Tally fp = new Tally();
        Tally fpRules = new Tally();
        Tally boundaries = new Tally();
        TaggerErrors errors = new TaggerErrors();
        int scored = 0;
        for (int i = 0; i < articles.size(); i++) {
            GeoVirusReader.Article a = articles.get(i);
            List<Span> predicted;
            try {
                predicted = spans(analyzer.analyze("", a.text(), null), demonyms);
            } catch (RuntimeException e) {
                errors.add("article " + (i + 1) + " " + a.source(), e);
                continue;
            }
            scored++;
            List<GeoVirusReader.Location> gold = distinct(a.locations());
            listed += a.locations().size();
            goldTotal += gold.size();
            predictedTotal += predicted.size();
            int[] match = match(gold, predicted);
            boolean[] predictedMatched = new boolean[predicted.size()];
            int exactTp = 0;
            int overlapTp = 0;
            for (int g = 0; g < gold.size(); g++) {
                GeoVirusReader.Location l = gold.get(g);
                if (match[g] < 0) {
                    fn.add(l.name());
                    continue;
                }
                overlapTp++;
                predictedMatched[match[g]] = true;
                Span p = predicted.get(match[g]);
                if (p.start() == l.start() && p.end() == l.end()) {
                    exactTp++;
                } else {
                    boundaries.add("gold '" + l.name() + "' ~ predicted '" + p.surface() + "'");
                }
            }
            for (int p = 0; p < predicted.size(); p++) {
                if (!predictedMatched[p]) {
                    Span s = predicted.get(p);
                    fp.add(s.surface() + "  (" + s.tag() + ")");
                    fpRules.add(s.rule());
                }
            }
            exact = exact.plus(new Counts(exactTp, predicted.size() - exactTp, gold.size() - exactTp));
            overlap = overlap.plus(new Counts(overlapTp, predicted.size() - overlapTp, gold.size() - overlapTp));
        }
        return new Result(exact, overlap, listed, goldTotal, predictedTotal, scored, fn, fp, fpRules, boundaries,
                errors, (System.nanoTime() - started) / 1e9);
    }

    private static List<GeoVirusReader.Location> distinct(List<GeoVirusReader.Location> locations) {
        Map<Long, GeoVirusReader.Location> bySpan = new LinkedHashMap<>();
        for (GeoVirusReader.Location l : locations) {
            bySpan.putIfAbsent(((long) l.start() << 32) | l.end(), l);
        }
        return new ArrayList<>(bySpan.values());
    }

    /** Rule of mentions made by a demonym or adjective ("Armenian"): not toponyms, which GeoVirus annotates. */
    static final String DEMONYM_RULE = "gazetteer:demonym";

    /** Body mention spans of all region tags, one per distinct [start, end), in text order. */
    static List<Span> spans(Analysis analysis) {
        return spans(analysis, true);
    }

    /** Body mention spans, without demonym mentions unless {@code demonyms}. */
    static List<Span> spans(Analysis analysis, boolean demonyms) {
        Map<Long, Span> bySpan = new LinkedHashMap<>();
        for (RegionTag t : analysis.regions()) {
            for (Mention m : t.getMentions()) {
                if (m.getField() == TextField.BODY && (demonyms || !DEMONYM_RULE.equals(m.getRule()))) {
                    bySpan.putIfAbsent(((long) m.getStart() << 32) | m.getEnd(), new Span(m.getStart(), m.getEnd(),
                            m.getSurface(), t.getCode() + " " + t.getKind(), m.getRule()));
                }
            }
        }
        List<Span> out = new ArrayList<>(bySpan.values());
        out.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
        return out;
    }

    /**
     * One-to-one matching: for each gold span the index of its predicted span, or -1. Exact pairs first, then the
     * remaining overlapping pairs by decreasing overlap (ties: earlier gold, then earlier prediction). Cost:
     * O(gold x predicted) per article.
     */
    static int[] match(List<GeoVirusReader.Location> gold, List<Span> predicted) {
        int[] match = new int[gold.size()];
        Arrays.fill(match, -1);
        boolean[] taken = new boolean[predicted.size()];
        for (int g = 0; g < gold.size(); g++) {
            GeoVirusReader.Location l = gold.get(g);
            for (int p = 0; p < predicted.size(); p++) {
                if (!taken[p] && predicted.get(p).start() == l.start() && predicted.get(p).end() == l.end()) {
                    match[g] = p;
                    taken[p] = true;
                    break;
                }
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int g = 0; g < gold.size(); g++) {
            if (match[g] >= 0) {
                continue;
            }
            GeoVirusReader.Location l = gold.get(g);
            for (int p = 0; p < predicted.size(); p++) {
                Span s = predicted.get(p);
                if (!taken[p] && s.overlaps(l.start(), l.end())) {
                    pairs.add(new int[] {Math.min(s.end(), l.end()) - Math.max(s.start(), l.start()), g, p});
                }
            }
        }
        pairs.sort(Comparator.<int[]>comparingInt(x -> -x[0]).thenComparingInt(x -> x[1]).thenComparingInt(x -> x[2]));
        for (int[] x : pairs) {
            if (match[x[1]] < 0 && !taken[x[2]]) {
                match[x[1]] = x[2];
                taken[x[2]] = true;
            }
        }
        return match;
    }

    public void print(Result r, GeoVirusReader.Corpus corpus, String header, PrintWriter out) {
        out.println("== eval tags --geovirus: " + header);
        StringBuilder m = new StringBuilder();
        corpus.mismatches().forEach((o, n) -> m.append(m.length() == 0 ? "" : ", ").append(o.name().toLowerCase(Locale.ROOT)).append(' ').append(n));
        out.printf("offsets: read as %s; locations whose text[start,end) != name, by convention: %s%n",
                corpus.offsets().name().toLowerCase(Locale.ROOT), m);
        if (corpus.dropped() > 0) {
            out.printf("locations dropped (outside their text): %d%n", corpus.dropped());
        }
        r.errors().print("articles", out);
        out.printf("articles %d, gold spans %d (%d distinct), predicted spans %d%n", r.articles(), r.listed(), r.gold(),
                r.predicted());
        out.printf("exact:    precision %s  recall %s  f1 %s  (tp %d, fp %d, fn %d)%n", f4(r.exact().precision()),
                f4(r.exact().recall()), f4(r.exact().f1()), r.exact().tp(), r.exact().fp(), r.exact().fn());
        out.printf("overlap:  precision %s  recall %s  f1 %s  (tp %d, fp %d, fn %d)%n", f4(r.overlap().precision()),
                f4(r.overlap().recall()), f4(r.overlap().f1()), r.overlap().tp(), r.overlap().fp(), r.overlap().fn());
        r.falseNegatives().print("false negatives (gold spans no prediction overlaps)", 25, out);
        r.falsePositives().print("false positives (predicted spans overlapping no gold span)", 25, out);
        r.falsePositiveRules().print("false positives by mention rule", 10, out);
        r.boundaries().print("boundary errors (overlapping, bounds differ)", 25, out);
        out.printf(Locale.ROOT, "seconds: %.2f%n", r.seconds());
        out.printf("RESULT exact_precision=%s exact_recall=%s exact_f1=%s overlap_precision=%s overlap_recall=%s "
                        + "overlap_f1=%s gold=%d predicted=%d articles=%d%n",
                f4(r.exact().precision()), f4(r.exact().recall()), f4(r.exact().f1()), f4(r.overlap().precision()),
                f4(r.overlap().recall()), f4(r.overlap().f1()), r.gold(), r.predicted(), r.articles());
        out.flush();
    }
}
