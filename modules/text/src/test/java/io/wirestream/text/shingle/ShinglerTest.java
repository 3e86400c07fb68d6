package io.wirestream.text.shingle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShinglerTest {

    private final Shingler threeWords = new Shingler(3);

    @Test
    void oneShinglePerWindowOfKConsecutiveWords() {
        // a b c d e -> "a b c", "b c d", "c d e"
        assertThat(threeWords.shingleHashes("a b c d e")).hasSize(3)
                .containsExactly(ReferenceShingler.shingleHashes("a b c d e", 3));
    }

    @Test
    void hashesAreSortedAndDistinct() {
        // "the cat sat" occurs twice: 7 windows, 6 distinct.
        long[] hashes = threeWords.shingleHashes("the cat sat on the mat the cat sat");
        assertThat(hashes).hasSize(6).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void repeatedTextGivesTheSameSetAsOneCopy() {
        assertThat(new Shingler(1).shingleHashes("rain rain rain rain")).hasSize(1);
    }

    @Test
    void textShorterThanKIsOneShingleOfAllItsWords() {
        assertThat(threeWords.shingleHashes("Hello, world!")).hasSize(1)
                .containsExactly(ReferenceShingler.shingleHashes("hello world", 3));
        assertThat(threeWords.shingleHashes("hello")).hasSize(1)
                .isNotEqualTo(threeWords.shingleHashes("hello world"));
    }

    @Test
    void textWithoutWordsHasNoShingles() {
        assertThat(threeWords.shingleHashes("")).isEmpty();
        assertThat(threeWords.shingleHashes(" -- !! ")).isEmpty();
        assertThat(threeWords.shingleHashes(null)).isEmpty();
    }

    @Test
    void wordOrderMatters() {
        assertThat(new Shingler(2).shingleHashes("police arrest"))
                .isNotEqualTo(new Shingler(2).shingleHashes("arrest police"));
    }

    @Test
    void wordBoundariesMatter() {
        assertThat(new Shingler(2).shingleHashes("ab c")).isNotEqualTo(new Shingler(2).shingleHashes("a bc"));
        assertThat(new Shingler(1).shingleHashes("ab")).isNotEqualTo(new Shingler(2).shingleHashes("a b"));
    }

    @Test
    void caseAndPunctuationDoNotMatter() {
        assertThat(threeWords.shingleHashes("“Talks RESUME,” said the\nminister —  today."))
                .containsExactly(threeWords.shingleHashes("talks resume said the minister today"));
    }

    @Test
    void compatibilityFormsFoldAsInNormalizer() {
        assertThat(new Shingler(2).shingleHashes("ﬁnal ２０２６ Երևան"))
                .containsExactly(new Shingler(2).shingleHashes("final 2026 երեւան"));
    }

    @Test
    void supplementaryLettersAreWordCharacters() {
        // U+10400 DESERET CAPITAL LONG I lower-cases to U+10428.
        String text = "a \uD801\uDC00x b";
        assertThat(new Shingler(1).shingleHashes(text)).containsExactly(ReferenceShingler.shingleHashes(text, 1));
        assertThat(new Shingler(1).shingleHashes(text)).hasSize(3);
    }

    @Test
    void independentlyConstructedShinglersAgree() {
        String text = "Storm closes ports along the coast as ferries stay in harbour";
        assertThat(new Shingler(4).shingleHashes(text)).containsExactly(new Shingler(4).shingleHashes(text));
    }

    @Test
    void hashesArePinnedAcrossJvmsAndReleases() {
        // Golden values: changing them invalidates every stored fingerprint.
        assertThat(new Shingler(2).shingleHashes("Storm closes ports"))
                .containsExactly(ReferenceShingler.shingleHashes("storm closes ports", 2))
                .containsExactly(GOLDEN_STORM_CLOSES_PORTS);
    }

    @Test
    void stringBuilderInputGivesTheSameHashesAsString() {
        String text = "Ministers meet in Brussels, again";
        assertThat(threeWords.shingleHashes(new StringBuilder(text))).containsExactly(threeWords.shingleHashes(text));
    }

    @Test
    void longTextsGrowTheScratchBuffers() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append("w").append(i).append(' ');
        }
        assertThat(threeWords.shingleHashes(text)).hasSize(4998)
                .containsExactly(ReferenceShingler.shingleHashes(text.toString(), 3));
    }

    @Test
    void kMustBePositive() {
        assertThatThrownBy(() -> new Shingler(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wordsPerShingle");
    }

    private static final long[] GOLDEN_STORM_CLOSES_PORTS = {-8078492472346519221L, 7032234021264995119L};
}
