package io.wirestream.text.minhash;

/** 64-bit mixing shared by the text kernels. Stable: the constants are part of the stored fingerprints. */
public final class Mix {

    /** 2^64 divided by the golden ratio, odd: spreads small integers over all 64 bits. */
    public static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Mix() {
    }

    /** MurmurHash3's 64-bit finaliser: a bijection where every input bit affects every output bit. Cost: 2 multiplies. */
    public static long fmix64(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
