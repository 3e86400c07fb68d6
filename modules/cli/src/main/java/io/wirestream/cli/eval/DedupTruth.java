package io.wirestream.cli.eval;

import io.wirestream.dedup.core.DedupConfig;
import io.wirestream.dedup.core.EventOrder;
import io.wirestream.text.Hashing;
import io.wirestream.text.minhash.Jaccard;
import io.wirestream.text.shingle.Shingler;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Brute-force ground truth for dedup: an article is a duplicate iff an earlier article (event order: time,
 * then id) has the same content hash or an exact Jaccard similarity of shingle sets at or above the
 * threshold; its match is the earliest such article. No LSH, no sketches, no retention.
 *
 * <p>Only pairs sharing a shingle are enumerated, through an inverted index from shingle hash to the
 * articles seen so far: cost is the sum over articles of the posting-list lengths of their shingles.
 */
public final class DedupTruth {

    /** Input: one article, its event time in epoch millis. */
    public record Doc(String id, long time, String title, String text) {
    }

    /**
     * Truth for one article: {@code match} is the index of the earliest qualifying earlier article (-1 if
     * none), {@code jaccard} its exact similarity, and {@code matchInRetention} the earliest qualifying one
     * within the retention window (-1 if none).
     */
    public record Label(int match, double jaccard, int matchInRetention) {
        public boolean duplicate() {
            return match >= 0;
        }
    }

    private final List<Doc> docs;
    private final long[][] shingles;
    private final Label[] labels;

    private DedupTruth(List<Doc> docs, long[][] shingles, Label[] labels) {
        this.docs = docs;
        this.shingles = shingles;
        this.labels = labels;
    }

    /** Labels every doc; {@code sampler} runs now and then (heap sampling). */
    public static DedupTruth compute(List<Doc> docs, DedupConfig config, Runnable sampler) {
        int n = docs.size();
        Shingler shingler = new Shingler(config.shingleSize());
        long[][] shingles = new long[n][];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            Doc d = docs.get(i);
            shingles[i] = shingler.shingleHashes(d.title() + "\n" + d.text());
            hashes[i] = Hashing.contentHash(d.title(), d.text());
        }
        Integer[] boxed = new Integer[n];
        Arrays.setAll(boxed, i -> i);
        Arrays.sort(boxed, (a, b) -> order(docs.get(a), docs.get(b)));
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[boxed[r]] = r;
        }

        double threshold = config.threshold();
        long retention = config.retention().toMillis();
        Map<Long, int[]> postings = new HashMap<>();
        Map<Long, Integer> postingSizes = new HashMap<>();
        Map<String, Integer> firstByHash = new HashMap<>();
        int[] common = new int[n];
        int[] touched = new int[n];
        Label[] labels = new Label[n];
        for (int r = 0; r < n; r++) {
            int i = boxed[r];
            long time = docs.get(i).time();
            int match = -1;
            int inRetention = -1;
            double matchJ = 0;
            Integer sameText = firstByHash.get(hashes[i]);
            if (sameText != null) {
                match = sameText;
                matchJ = Jaccard.exact(shingles[i], shingles[sameText]);
            }
            int touchedCount = 0;
            for (long s : shingles[i]) {
                int[] list = postings.get(s);
                if (list == null) {
                    continue;
                }
                for (int k = 0, size = postingSizes.get(s); k < size; k++) {
                    int j = list[k];
                    if (common[j]++ == 0) {
                        touched[touchedCount++] = j;
                    }
                }
            }
            int na = shingles[i].length;
            for (int t = 0; t < touchedCount; t++) {
                int j = touched[t];
                int c = common[j];
                common[j] = 0;
                int nb = shingles[j].length;
                // |A∩B| / |A∪B| >= threshold needs |A∩B| >= threshold * max(|A|, |B|): skip the merge otherwise.
                if (c < threshold * Math.max(na, nb) - 1e-9) {
                    continue;
                }
                double jac = Jaccard.exact(shingles[i], shingles[j]);
                if (jac < threshold && !hashes[i].equals(hashes[j])) {
                    continue;
                }
                if (match < 0 || rank[j] < rank[match]) {
                    match = j;
                    matchJ = jac;
                }
                if (Math.abs(time - docs.get(j).time()) <= retention
                        && (inRetention < 0 || rank[j] < rank[inRetention])) {
                    inRetention = j;
                }
            }
            if (sameText != null && Math.abs(time - docs.get(sameText).time()) <= retention
                    && (inRetention < 0 || rank[sameText] < rank[inRetention])) {
                inRetention = sameText;
            }
            labels[i] = new Label(match, matchJ, inRetention);
            for (long s : shingles[i]) {
                int size = postingSizes.merge(s, 1, Integer::sum);
                int[] list = postings.get(s);
                if (list == null || list.length < size) {
                    list = list == null ? new int[2] : Arrays.copyOf(list, list.length * 2);
                    postings.put(s, list);
                }
                list[size - 1] = i;
            }
            firstByHash.putIfAbsent(hashes[i], i);
            if ((r & 255) == 0) {
                sampler.run();
            }
        }
        sampler.run();
        return new DedupTruth(docs, shingles, labels);
    }

    private static int order(Doc a, Doc b) {
        return EventOrder.compare(a.time(), a.id(), b.time(), b.id());
    }

    public Label label(int i) {
        return labels[i];
    }

    public long[] shingles(int i) {
        return shingles[i];
    }

    public List<Doc> docs() {
        return docs;
    }
}
