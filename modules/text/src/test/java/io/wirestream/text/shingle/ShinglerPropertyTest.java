package io.wirestream.text.shingle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ShinglerPropertyTest {

    @Property(tries = 500)
    void agreesWithNormaliseThenSplitReference(@ForAll("mixedText") String text, @ForAll @IntRange(min = 1, max = 6) int k) {
        assertThat(new Shingler(k).shingleHashes(text)).containsExactly(ReferenceShingler.shingleHashes(text, k));
    }

    @Property(tries = 200)
    void resultIsSortedDistinctAndBoundedByWordCount(@ForAll("mixedText") String text,
            @ForAll @IntRange(min = 1, max = 6) int k) {
        long[] hashes = new Shingler(k).shingleHashes(text);
        assertThat(hashes).isSorted().doesNotHaveDuplicates();
        int words = io.wirestream.text.Normalizer.normalize(text).isEmpty()
                ? 0 : io.wirestream.text.Normalizer.normalize(text).split(" ").length;
        assertThat(hashes.length).isLessThanOrEqualTo(Math.max(words == 0 ? 0 : 1, words - k + 1));
    }

    /** Words, punctuation, case, accents, compatibility forms, other scripts and supplementary letters. */
    @Provide
    Arbitrary<String> mixedText() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(6),
                Arbitraries.of(" ", "  ", ", ", ".\n", " — ", "“", "'", "-", "\t"),
                Arbitraries.of("ﬁ", "２０", "Երևան", "Αθήνα", "é", "e\u0301", "İ", "ß", "\u00A0", "½", "\uD801\uDC00",
                        "東京", "٣"),
                Arbitraries.strings().ofMaxLength(4));
        return piece.list().ofMaxSize(30).map(ShinglerPropertyTest::join);
    }

    private static String join(List<String> pieces) {
        return String.join("", pieces);
    }
}
