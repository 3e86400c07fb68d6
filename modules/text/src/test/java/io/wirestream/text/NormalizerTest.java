package io.wirestream.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizerTest {

    @Test
    void punctuationCaseAndLineBreaksDoNotMatter() {
        assertThat(Normalizer.normalize("“Talks RESUME,” said the\nminister —  today."))
                .isEqualTo("talks resume said the minister today");
    }

    @Test
    void compatibilityFormsAreFolded() {
        // Full-width digits and the "ﬁ" ligature fold under NFKC.
        assertThat(Normalizer.normalize("ﬁnal ２０２６")).isEqualTo("final 2026");
    }

    @Test
    void textWithoutLettersOrDigitsIsEmpty() {
        assertThat(Normalizer.normalize(" -- !! ")).isEmpty();
        assertThat(Normalizer.normalize(null)).isEmpty();
    }

    @Test
    void nonLatinLettersAreKept() {
        assertThat(Normalizer.normalize("Ереван, Αθήνα!")).isEqualTo("ереван αθήνα");
        // The Armenian ligature "և" is a compatibility character: NFKC spells it "եւ".
        assertThat(Normalizer.normalize("Երևան")).isEqualTo("երեւան");
    }
}
