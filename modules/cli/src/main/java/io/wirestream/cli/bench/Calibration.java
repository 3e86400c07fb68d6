package io.wirestream.cli.bench;

import io.wirestream.dedup.core.DedupConfig;
import io.wirestream.dedup.core.Fingerprint;
import io.wirestream.dedup.core.Fingerprinter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * How fast the machine runs a fixed piece of work right now: the CPU time one thread needs to fingerprint the same
 * generated articles (shingles, MinHash, band keys), the best of several rounds. On a shared virtual machine the
 * same work can cost up to twice the CPU time from one minute to the next; the bench measures this before the
 * measured run, between it and the ceiling, and after the ceiling, so that a ratio taken across such a change is
 * seen for what it is. Measured while the bench's own services sit idle, it sees the machine's speed, not the
 * pipeline's contention for it.
 */
final class Calibration {

    /** Rounds whose best is taken: a round interrupted by another thread only ever looks slower. */
    static final int ROUNDS = 7;
    /** Passes over the articles in one round. */
    private static final int PASSES = 5;

    private final List<String[]> texts;
    private final Fingerprinter fingerprinter = new Fingerprinter(DedupConfig.defaults());
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** Where the work's results go, so that the JIT cannot drop the work. */
    private volatile long sink;

    /** Twenty generated articles of the bench's default length; a fixed seed, so every run does the same work. */
    Calibration() {
        this.texts = new ArticleGenerator(42).articles(20, 0, 400).stream()
                .map(a -> new String[] {a.json().get("title").asText(), a.json().get("text").asText()})
                .toList();
        microsPerArticle(); // compiles the work, so that the first real measurement is not the JIT's
    }

    /** CPU microseconds one thread needs to fingerprint one of the articles: the best of {@link #ROUNDS} rounds. */
    double microsPerArticle() {
        long best = Long.MAX_VALUE;
        long hashes = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int pass = 0; pass < PASSES; pass++) {
                for (String[] t : texts) {
                    Fingerprint fp = fingerprinter.fingerprint(t[0], t[1]);
                    hashes += fp.contentHash() + fp.bandKeys()[0] + fp.sketch()[0] + fp.shingleSet()[0];
                }
            }
            best = Math.min(best, threads.getCurrentThreadCpuTime() - t0);
        }
        sink = hashes;
        return best / 1000.0 / ((double) PASSES * texts.size());
    }
}
