package io.wirestream.tagger.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhraseIndexTest {

    private static PhraseIndex<String> index() {
        PhraseIndex<String> p = new PhraseIndex<>();
        p.add("Sudan", "SD");
        p.add("South Sudan", "SS");
        p.add("Guinea", "GN");
        p.add("Guinea-Bissau", "GW");
        p.add("Bissau", "bissau");
        p.add("New York", "new-york");
        p.add("New York City", "nyc");
        p.add("Rio de Janeiro", "rio");
        p.add("St. Paul", "st-paul");
        p.add("U.S.", "US");
        p.add("Côte d'Ivoire", "CI");
        return p;
    }

    private static PhraseIndex.Hit<String> longest(String text, int from) {
        return index().longest(Tokens.of(text), from);
    }

    @Test
    void longestPhraseWins() {
        PhraseIndex.Hit<String> hit = longest("in South Sudan today", 1);
        assertThat(hit.values()).containsExactly("SS");
        assertThat(hit.from()).isEqualTo(1);
        assertThat(hit.to()).isEqualTo(3);
    }

    @Test
    void shorterPhraseMatchesOnItsOwn() {
        PhraseIndex.Hit<String> hit = longest("Sudan said", 0);
        assertThat(hit.values()).containsExactly("SD");
        assertThat(hit.to()).isEqualTo(1);
    }

    @Test
    void longestCompletePhraseWinsWhenALongerOneBreaksOff() {
        PhraseIndex.Hit<String> hit = longest("New York Times", 0);
        assertThat(hit.values()).containsExactly("new-york");
        assertThat(hit.to()).isEqualTo(2);
    }

    @Test
    void noHitWhereNoPhraseStarts() {
        assertThat(longest("in South Africa", 1)).isNull();
        assertThat(longest("in South Sudan", 0)).isNull();
    }

    @Test
    void hyphenatedPhraseMatchesAcrossItsHyphen() {
        PhraseIndex.Hit<String> hit = longest("Guinea-Bissau voted", 0);
        assertThat(hit.values()).containsExactly("GW");
        assertThat(hit.to()).isEqualTo(2);
    }

    @Test
    void phraseNeverCrossesAFullStop() {
        PhraseIndex.Hit<String> hit = longest("Guinea. Bissau", 0);
        assertThat(hit.values()).containsExactly("GN");
        assertThat(hit.to()).isEqualTo(1);
    }

    @Test
    void phraseNeverCrossesAComma() {
        assertThat(longest("Guinea, Bissau", 0).values()).containsExactly("GN");
    }

    @Test
    void abbreviatedSaintMatchesTheWholeName() {
        PhraseIndex.Hit<String> hit = longest("St. Paul", 0);
        assertThat(hit.values()).containsExactly("st-paul");
        assertThat(hit.to()).isEqualTo(2);
    }

    @Test
    void initialismMatchesWithItsDots() {
        PhraseIndex.Hit<String> hit = longest("the U.S. says", 1);
        assertThat(hit.values()).containsExactly("US");
        assertThat(hit.caps()).isFalse();
    }

    @Test
    void possessiveDoesNotStopAMatch() {
        PhraseIndex.Hit<String> hit = longest("Côte d'Ivoire's president", 0);
        assertThat(hit.values()).containsExactly("CI");
        assertThat(hit.to()).isEqualTo(2);
    }

    @Test
    void allCapsTextFindsTheTitleCasePhraseAndSaysSo() {
        PhraseIndex.Hit<String> hit = longest("NEW YORK (AP) —", 0);
        assertThat(hit.values()).containsExactly("new-york");
        assertThat(hit.to()).isEqualTo(2);
        assertThat(hit.caps()).isTrue();
    }

    @Test
    void allCapsTextFindsLowerCaseWordsInsideAPhrase() {
        PhraseIndex.Hit<String> hit = longest("RIO DE JANEIRO", 0);
        assertThat(hit.values()).containsExactly("rio");
        assertThat(hit.caps()).isTrue();
    }

    @Test
    void exactCaseMatchIsNotReportedAsCaps() {
        assertThat(longest("New York", 0).caps()).isFalse();
    }

    @Test
    void matchingIsCaseSensitiveForLowerCaseText() {
        assertThat(longest("new york", 0)).isNull();
    }

    @Test
    void valuesOfOnePhraseAccumulateWithoutDuplicates() {
        PhraseIndex<String> p = new PhraseIndex<>();
        p.add("Georgia", "GE");
        p.add("Georgia", "US-GA");
        p.add("Georgia", "GE");
        assertThat(p.phrases()).isEqualTo(1);
        assertThat(p.longest(Tokens.of("Georgia"), 0).values()).containsExactly("GE", "US-GA");
    }

    @Test
    void phrasesWithoutWordsAreIgnored() {
        PhraseIndex<String> p = new PhraseIndex<>();
        p.add(" — ", "nothing");
        assertThat(p.phrases()).isZero();
    }

    @Test
    void titleCaseCapitalisesAfterDotsAndApostrophes() {
        assertThat(PhraseIndex.titleCase("YORK")).isEqualTo("York");
        assertThat(PhraseIndex.titleCase("U.S.")).isEqualTo("U.S.");
        assertThat(PhraseIndex.titleCase("O'BRIEN")).isEqualTo("O'Brien");
    }
}
