package io.wirestream.bench;

import io.wirestream.text.minhash.LshBands;
import io.wirestream.text.minhash.MinHasher;
import io.wirestream.text.shingle.Shingler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What dedup does per article: 5-word shingles, a 100-value MinHash signature, 20x5 LSH band keys.
 * One op = one article, so ops/s is articles/s on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FullFingerprintBench {

    @Param({"100", "600", "2000"})
    int words;

    private final Shingler shingler = new Shingler(5);
    private final MinHasher hasher = new MinHasher(100, 42);
    private final LshBands bands = new LshBands(20, 5);
    private String[] articles;
    private int next;

    @Setup
    public void setUp() {
        articles = Articles.corpus(64, words);
    }

    @Benchmark
    public long[] fingerprint() {
        next = (next + 1) & 63;
        return bands.bandKeys(hasher.signature(shingler.shingleHashes(articles[next])));
    }
}
