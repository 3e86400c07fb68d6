package io.wirestream.cli.eval;

import io.wirestream.dedup.core.DecisionRule;
import io.wirestream.dedup.core.DedupConfig;
import io.wirestream.dedup.core.Fingerprint;
import io.wirestream.dedup.core.Fingerprinter;
import io.wirestream.dedup.core.OfflineDeduplicator;
import io.wirestream.dedup.stream.StateFootprint;
import io.wirestream.text.minhash.Jaccard;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates {@link OfflineDeduplicator} against the brute-force {@link DedupTruth} on the label "is a
 * duplicate", and prints a report whose last line is
 * {@code RESULT precision=.. recall=.. f1=.. articles=.. seconds=..} ({@code seconds}: the deduplicator's run).
 */
public final class DedupEvaluation {

    private static final int LISTED = 10;

    /** One misclassified article: its id and title, the article compared with, exact J and sketch estimate. */
    public record Miss(String id, String title, String otherId, double jaccard, double estimate, String reason) {
    }

    /** The numbers of one evaluation. */
    public record Result(int articles, int truthDuplicates, int predictedDuplicates, int truePositives,
                         int truthInRetention, int truePositivesInRetention, int sameMatch, long comparedPairs, double seconds, double truthSeconds,
                         long peakHeapBytes, Map<String, Integer> falsePositiveReasons,
                         Map<String, Integer> falseNegativeReasons, List<Miss> falsePositives, List<Miss> falseNegatives,
                         double meanStateBytes, long maxStateBytes) {

        public double precision() {
            return predictedDuplicates == 0 ? 1.0 : (double) truePositives / predictedDuplicates;
        }

        public double recall() {
            return truthDuplicates == 0 ? 1.0 : (double) truePositives / truthDuplicates;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final DedupConfig config;
    private long peakHeap;

    public DedupEvaluation(DedupConfig config) {
        this.config = config;
    }

    /** Runs the deduplicator over {@code docs} in the given order, then the truth, and compares them. */
    public Result run(List<DedupTruth.Doc> docs) {
        System.gc();
        peakHeap = 0;
        sampleHeap();

        long start = System.nanoTime();
        OfflineDeduplicator dedup = new OfflineDeduplicator(config);
        for (int i = 0; i < docs.size(); i++) {
            DedupTruth.Doc d = docs.get(i);
            dedup.process(new OfflineDeduplicator.Article(d.id(), d.title(), d.text(), d.time(), "reuters"));
            if ((i & 255) == 0) {
                sampleHeap();
            }
        }
        sampleHeap();
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, OfflineDeduplicator.Event> predicted = dedup.decisions();

        start = System.nanoTime();
        DedupTruth truth = DedupTruth.compute(docs, config, this::sampleHeap);
        double truthSeconds = (System.nanoTime() - start) / 1e9;

        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            index.put(docs.get(i).id(), i);
        }
        Fingerprinter fingerprinter = new Fingerprinter(config);
        long stateBytes = 0;
        long maxStateBytes = 0;
        for (DedupTruth.Doc d : docs) {
            long b = StateFootprint.articleBytes(d.id(), d.time(), "reuters", d.title() == null ? "" : d.title(),
                    fingerprinter.fingerprint(d.title() == null ? "" : d.title(), d.text() == null ? "" : d.text()));
            stateBytes += b;
            maxStateBytes = Math.max(maxStateBytes, b);
        }
        int truthDup = 0;
        int predDup = 0;
        int tp = 0;
        int sameMatch = 0;
        int truthInRetention = 0;
        int tpInRetention = 0;
        Map<String, Integer> fpReasons = new TreeMap<>();
        Map<String, Integer> fnReasons = new TreeMap<>();
        List<Miss> fps = new ArrayList<>();
        List<Miss> fns = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            DedupTruth.Doc d = docs.get(i);
            DedupTruth.Label label = truth.label(i);
            OfflineDeduplicator.Event p = predicted.get(d.id());
            boolean isDup = p.duplicateOf() != null;
            truthDup += label.duplicate() ? 1 : 0;
            truthInRetention += label.matchInRetention() >= 0 ? 1 : 0;
            tpInRetention += label.matchInRetention() >= 0 && isDup ? 1 : 0;
            predDup += isDup ? 1 : 0;
            if (isDup && label.duplicate()) {
                tp++;
                if (p.duplicateOf().equals(docs.get(label.match()).id())) {
                    sameMatch++;
                }
            } else if (isDup) {
                int j = index.get(p.duplicateOf());
                double jac = Jaccard.exact(truth.shingles(i), truth.shingles(j));
                String reason = "sketch estimate >= threshold, exact J below it";
                fpReasons.merge(reason, 1, Integer::sum);
                if (fps.size() < LISTED) {
                    fps.add(new Miss(d.id(), d.title(), p.duplicateOf(), jac, p.similarity(), reason));
                }
            } else if (label.duplicate()) {
                Miss miss = explainMiss(i, docs, truth, label, fingerprinter);
                fnReasons.merge(miss.reason(), 1, Integer::sum);
                if (fns.size() < LISTED) {
                    fns.add(miss);
                }
            }
        }
        return new Result(docs.size(), truthDup, predDup, tp, truthInRetention, tpInRetention, sameMatch, dedup.comparedPairs(), seconds,
                truthSeconds, peakHeap, fpReasons, fnReasons, fps, fns,
                docs.isEmpty() ? 0 : (double) stateBytes / docs.size(), maxStateBytes);
    }

    /** Why the deduplicator found no match for a truth duplicate, judged on its earliest match within retention. */
    private Miss explainMiss(int i, List<DedupTruth.Doc> docs, DedupTruth truth, DedupTruth.Label label,
                             Fingerprinter fingerprinter) {
        DedupTruth.Doc d = docs.get(i);
        int j = label.matchInRetention() >= 0 ? label.matchInRetention() : label.match();
        DedupTruth.Doc other = docs.get(j);
        double jac = Jaccard.exact(truth.shingles(i), truth.shingles(j));
        Fingerprint a = fingerprinter.fingerprint(d.title(), d.text());
        Fingerprint b = fingerprinter.fingerprint(other.title(), other.text());
        double estimate = Fingerprinter.similarity(a.sketch(), b.sketch());
        String reason;
        if (label.matchInRetention() < 0) {
            reason = "matches only beyond the retention window";
        } else if (!a.nearMatching() || !b.nearMatching()) {
            reason = "short text (< " + config.minShingles() + " shingles): exact matching only";
        } else if (!shareBand(a.bandKeys(), b.bandKeys())) {
            reason = "no shared LSH band";
        } else if (estimate < config.threshold()) {
            reason = "shared a band, sketch estimate below threshold";
        } else {
            reason = "shared a band, estimate qualifies (bucket cap?)";
        }
        return new Miss(d.id(), d.title(), other.id(), jac, estimate, reason);
    }

    private static boolean shareBand(long[] a, long[] b) {
        for (int k = 0; k < a.length; k++) {
            if (a[k] == b[k]) {
                return true;
            }
        }
        return false;
    }

    private void sampleHeap() {
        Runtime rt = Runtime.getRuntime();
        peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
    }

    /** The report, ending with the RESULT line. */
    public void print(Result r, String corpus, PrintWriter out) {
        int n = config.signatureLength();
        out.printf(Locale.ROOT, "dedup evaluation on %s%n", corpus);
        out.printf(Locale.ROOT, "config: threshold=%.2f shingle=%d words, bands=%d x rows=%d (signature %d x 16 bit), "
                        + "min shingles=%d, retention=%s, bucket cap=%d%n", config.threshold(), config.shingleSize(),
                config.bands(), config.rows(), n, config.minShingles(), config.retention(), config.maxBucketEntries());
        out.printf(Locale.ROOT, "articles:                 %d%n", r.articles());
        out.printf(Locale.ROOT, "truth duplicates:         %d  (exact J >= threshold or same text, any earlier article)%n",
                r.truthDuplicates());
        out.printf(Locale.ROOT, "  with a match in window: %d  (recall on these %.4f)%n", r.truthInRetention(),
                r.truthInRetention() == 0 ? 1.0 : (double) r.truePositivesInRetention() / r.truthInRetention());
        out.printf(Locale.ROOT, "predicted duplicates:     %d  (true positives %d)%n", r.predictedDuplicates(), r.truePositives());
        out.printf(Locale.ROOT, "precision:                %.4f%n", r.precision());
        out.printf(Locale.ROOT, "recall:                   %.4f%n", r.recall());
        out.printf(Locale.ROOT, "f1:                       %.4f%n", r.f1());
        out.printf(Locale.ROOT, "duplicateOf agreement:    %.4f  (%d of %d true positives name the truth's earliest match)%n",
                r.truePositives() == 0 ? 1.0 : (double) r.sameMatch() / r.truePositives(), r.sameMatch(), r.truePositives());
        out.printf(Locale.ROOT, "candidates per article:   %.2f  (%d pairs from Bucket.add, counted once per shared bucket)%n",
                r.articles() == 0 ? 0.0 : (double) r.comparedPairs() / r.articles(), r.comparedPairs());
        out.printf(Locale.ROOT, "time:                     dedup %.2f s, truth %.2f s%n", r.seconds(), r.truthSeconds());
        out.printf(Locale.ROOT, "peak heap (sampled):      %.1f MiB%n", r.peakHeapBytes() / (1024.0 * 1024.0));
        out.printf(Locale.ROOT, "state bytes per article:  mean %.0f, max %d  (streaming store encodings: article state + bucket entries)%n",
                r.meanStateBytes(), r.maxStateBytes());
        double margin = DecisionRule.VERIFY_MARGIN;
        double t = config.threshold();
        out.printf(Locale.ROOT, "%nS-curve at %d x %d: P(candidate) = 1-(1-J^r)^b. A candidate whose %d-value estimate is within %.2f of%n"
                + "the threshold %.2f is verified with exact Jaccard; P(found) = P(candidate) x P(estimate >= %.2f) for J >= %.2f,%n"
                + "and P(candidate) x P(estimate >= %.2f) below it (a wrong side beyond the margin is the only error left).%n",
                config.bands(), config.rows(), n, margin, t, t - margin, t, t + margin);
        out.printf(Locale.ROOT, "  %-6s %-14s %s%n", "J", "P(candidate)", "P(found)");
        for (int k = 0; k <= 10; k++) {
            double j = Math.min(0.5 + 0.05 * k, 1.0);
            double cand = Jaccard.candidateProbability(j, config.bands(), config.rows());
            double accept = j >= t
                    ? binomialTail(n, j, (int) Math.ceil((t - margin) * n - 1e-9))
                    : binomialTail(n, j, (int) Math.ceil((t + margin) * n - 1e-9));
            out.printf(Locale.ROOT, "  %-6.2f %-14.4f %.6f%n", j, cand, cand * accept);
        }
        printReasons(out, "false positives", r.falsePositiveReasons());
        printMisses(out, r.falsePositives());
        printReasons(out, "false negatives", r.falseNegativeReasons());
        printMisses(out, r.falseNegatives());
        out.printf(Locale.ROOT, "RESULT precision=%.4f recall=%.4f f1=%.4f articles=%d seconds=%.2f%n",
                r.precision(), r.recall(), r.f1(), r.articles(), r.seconds());
        out.flush();
    }

    private static void printReasons(PrintWriter out, String what, Map<String, Integer> reasons) {
        int total = reasons.values().stream().mapToInt(Integer::intValue).sum();
        out.printf(Locale.ROOT, "%n%s: %d%n", what, total);
        reasons.forEach((why, count) -> out.printf(Locale.ROOT, "  %5d  %s%n", count, why));
    }

    private static void printMisses(PrintWriter out, List<Miss> misses) {
        for (Miss m : misses) {
            out.printf(Locale.ROOT, "  %-6s vs %-6s J=%.4f est=%.3f  %-52s [%s]%n", m.id(), m.otherId(), m.jaccard(),
                    m.estimate(), abbreviate(m.title()), m.reason().replaceAll(" \\(.*", ""));
        }
    }

    private static String abbreviate(String title) {
        String t = title.replaceAll("\\s+", " ").strip();
        return t.length() > 52 ? t.substring(0, 49) + "..." : t;
    }

    /** P(X >= k) for X ~ Binomial(n, p), summed in log space. */
    static double binomialTail(int n, double p, int k) {
        if (k <= 0) {
            return 1.0;
        }
        if (p >= 1.0) {
            return 1.0;
        }
        if (p <= 0.0) {
            return 0.0;
        }
        double[] logFact = new double[n + 1];
        for (int i = 1; i <= n; i++) {
            logFact[i] = logFact[i - 1] + Math.log(i);
        }
        double sum = 0;
        for (int x = k; x <= n; x++) {
            sum += Math.exp(logFact[n] - logFact[x] - logFact[n - x] + x * Math.log(p) + (n - x) * Math.log1p(-p));
        }
        return Math.min(1.0, sum);
    }

}
