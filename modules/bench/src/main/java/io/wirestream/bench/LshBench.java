package io.wirestream.bench;

import io.wirestream.text.minhash.LshBands;
import io.wirestream.text.minhash.MinHasher;
import io.wirestream.text.shingle.Shingler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Band keys (20 bands of 5 rows) of one 100-value signature. One op = one article. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LshBench {

    private final LshBands bands = new LshBands(20, 5);
    private int[][] signatures;
    private int next;

    @Setup
    public void setUp() {
        Shingler shingler = new Shingler(5);
        MinHasher hasher = new MinHasher(100, 42);
        String[] articles = Articles.corpus(64, 600);
        signatures = new int[articles.length][];
        for (int i = 0; i < articles.length; i++) {
            signatures[i] = hasher.signature(shingler.shingleHashes(articles[i]));
        }
    }

    @Benchmark
    public long[] bandKeys() {
        next = (next + 1) & 63;
        return bands.bandKeys(signatures[next]);
    }
}
