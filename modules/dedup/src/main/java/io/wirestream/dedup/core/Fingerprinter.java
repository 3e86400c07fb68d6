package io.wirestream.dedup.core;

import io.wirestream.text.Hashing;
import io.wirestream.text.minhash.LshBands;
import io.wirestream.text.minhash.MinHasher;
import io.wirestream.text.shingle.Shingler;

/**
 * Computes an article's {@link Fingerprint}: shingles of title and body, MinHash signature, LSH band
 * keys. Thread-confined (one per stream task or per offline run); cost O(shingles x signature length).
 */
public final class Fingerprinter {

    private final DedupConfig config;
    private final Shingler shingler;
    private final MinHasher minHasher;
    private final LshBands bands;
    private final int[] signature;

    public Fingerprinter(DedupConfig config) {
        this.config = config;
        this.shingler = new Shingler(config.shingleSize());
        this.minHasher = new MinHasher(config.signatureLength(), config.seed());
        this.bands = new LshBands(config.bands(), config.rows());
        this.signature = new int[config.signatureLength()];
    }

    public Fingerprint fingerprint(String title, String body) {
        return fingerprint(title, body, Hashing.contentHash(title, body));
    }

    /**
     * The fingerprint when the content hash ({@link Hashing#contentHash}) is already known, as it is for
     * every {@code RawArticle}: saves normalising and hashing the whole text a second time.
     */
    public Fingerprint fingerprint(String title, String body, String contentHash) {
        long hash = Hashing.prefix64(contentHash);
        long[] shingles = shingler.shingleHashes(title + "\n" + body);
        if (shingles.length < config.minShingles()) {
            return new Fingerprint(hash, shingles.length, new short[0], new long[0], shingles);
        }
        minHasher.signature(shingles, signature);
        short[] sketch = new short[signature.length];
        for (int i = 0; i < signature.length; i++) {
            sketch[i] = (short) signature[i];
        }
        return new Fingerprint(hash, shingles.length, sketch, bands.bandKeys(signature), shingles);
    }

    /** Estimated Jaccard similarity of two sketches: the fraction of equal positions. */
    public static double similarity(short[] a, short[] b) {
        if (a.length != b.length || a.length == 0) {
            return 0.0;
        }
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return (double) equal / a.length;
    }
}
