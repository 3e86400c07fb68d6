package io.wirestream.bench;

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

/** MinHash signature of one article's shingle set. One op = one article. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MinHashBench {

    @Param({"100", "600", "2000"})
    int words;

    @Param({"100", "128"})
    int numHashes;

    private MinHasher hasher;
    private long[][] shingleSets;
    private int[] out;
    private int next;

    @Setup
    public void setUp() {
        Shingler shingler = new Shingler(5);
        String[] articles = Articles.corpus(64, words);
        shingleSets = new long[articles.length][];
        for (int i = 0; i < articles.length; i++) {
            shingleSets[i] = shingler.shingleHashes(articles[i]);
        }
        hasher = new MinHasher(numHashes, 42);
        out = new int[numHashes];
    }

    @Benchmark
    public int[] signatureIntoBuffer() {
        next = (next + 1) & 63;
        hasher.signature(shingleSets[next], out);
        return out;
    }
}
