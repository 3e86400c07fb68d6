package io.wirestream.bench;

import io.wirestream.tagger.Tagger;
import io.wirestream.text.Normalizer;

/**
 * Load time and heap footprint of the tagger's data, and a sample of the benchmark articles:
 * {@code java -cp modules/bench/target/benchmarks.jar io.wirestream.bench.TaggerFootprint}.
 * Heap is measured as used memory after {@code System.gc()} before and after the load, with the tagger
 * still reachable; run it with no other options so the numbers are comparable between versions.
 */
public final class TaggerFootprint {

    private TaggerFootprint() {
    }

    public static void main(String[] args) {
        sample("reuters", BenchArticles.of("reuters", 256));
        sample("long", BenchArticles.of("long", 256));
        BenchArticles first = BenchArticles.of("reuters", 1)[0];
        System.out.printf("sample (%s):%n%s%n%s%n%n", first.published(), first.title(), first.body());

        long before = usedAfterGc();
        long start = System.nanoTime();
        Tagger tagger = Tagger.load();
        long loadNanos = System.nanoTime() - start;
        long after = usedAfterGc();

        // A second load with classes and resources warm: the data parse alone.
        long start2 = System.nanoTime();
        Tagger.load();
        long reloadNanos = System.nanoTime() - start2;

        System.out.printf("tagger:        %s%n", tagger.version());
        System.out.printf("load (cold):   %d ms%n", loadNanos / 1_000_000);
        System.out.printf("load (warm):   %d ms%n", reloadNanos / 1_000_000);
        System.out.printf("heap retained: %.1f MiB (used after gc: %.1f -> %.1f MiB)%n",
                mib(after - before), mib(before), mib(after));
        System.out.printf("stats:         %s%n", tagger.stats());
        java.lang.ref.Reference.reachabilityFence(tagger);
    }

    private static void sample(String name, BenchArticles[] articles) {
        int minWords = Integer.MAX_VALUE;
        int maxWords = 0;
        int minChars = Integer.MAX_VALUE;
        int maxChars = 0;
        long chars = 0;
        for (BenchArticles a : articles) {
            int w = Normalizer.countWords(a.body());
            minWords = Math.min(minWords, w);
            maxWords = Math.max(maxWords, w);
            minChars = Math.min(minChars, a.body().length());
            maxChars = Math.max(maxChars, a.body().length());
            chars += a.body().length();
        }
        System.out.printf("articles %-7s %d bodies, %d..%d words, %d..%d chars (mean %d)%n", name, articles.length,
                minWords, maxWords, minChars, maxChars, chars / articles.length);
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
