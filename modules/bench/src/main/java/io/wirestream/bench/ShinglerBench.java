package io.wirestream.bench;

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

/** Shingling one article (5-word shingles). One op = one article. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ShinglerBench {

    @Param({"100", "600", "2000"})
    int words;

    private final Shingler shingler = new Shingler(5);
    private String[] articles;
    private int next;

    @Setup
    public void setUp() {
        articles = Articles.corpus(64, words);
    }

    @Benchmark
    public long[] shingleHashes() {
        next = (next + 1) & 63;
        return shingler.shingleHashes(articles[next]);
    }
}
