package io.wirestream.tagger.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static List<String> tokens(String text) {
        Tokens t = Tokens.of(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.token(i));
        }
        return out;
    }

    private static int index(Tokens t, String token) {
        for (int i = 0; i < t.size(); i++) {
            if (t.token(i).equals(token)) {
                return i;
            }
        }
        throw new AssertionError("no token " + token + " in " + t.text());
    }

    // ---- what a token is -------------------------------------------------------------------------------------

    @Test
    void initialismKeepsItsDots() {
        assertThat(tokens("U.S. troops left")).containsExactly("U.S.", "troops", "left");
    }

    @Test
    void initialismAfterACommaKeepsItsDots() {
        assertThat(tokens("Washington, D.C. today")).containsExactly("Washington", "D.C.", "today");
    }

    @Test
    void sentenceEndingDotAfterASingleCapitalIsNotPartOfTheToken() {
        assertThat(tokens("Plan B. Then")).containsExactly("Plan", "B", "Then");
    }

    @Test
    void apostropheInsideANameStaysButThePossessiveSplitsOff() {
        assertThat(tokens("Côte d'Ivoire's president")).containsExactly("Côte", "d'Ivoire", "s", "president");
    }

    @Test
    void possessiveIsNotPartOfTheName() {
        Tokens t = Tokens.of("Armenia's army");
        assertThat(t.token(0)).isEqualTo("Armenia");
        assertThat(t.end(0)).isEqualTo(7);
    }

    @Test
    void curlyApostropheWorksLikeAStraightOne() {
        assertThat(tokens("Côte d’Ivoire’s")).containsExactly("Côte", "d’Ivoire", "s");
    }

    @Test
    void irishNameKeepsItsApostrophe() {
        assertThat(tokens("O'Brien said")).containsExactly("O'Brien", "said");
    }

    @Test
    void hyphenSeparatesTokens() {
        assertThat(tokens("Guinea-Bissau voted")).containsExactly("Guinea", "Bissau", "voted");
    }

    @Test
    void combiningAccentStaysInsideItsWord() {
        String decomposed = "Co\u0302te d'Ivoire";
        Tokens t = Tokens.of(decomposed);
        assertThat(t.token(0)).isEqualTo("Co\u0302te");
        assertThat(t.size()).isEqualTo(2);
    }

    // ---- offsets ---------------------------------------------------------------------------------------------

    @Test
    void offsetsAfterAnEmojiAreUtf16Indexes() {
        String text = "😀 Paris";
        Tokens t = Tokens.of(text);
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.start(0)).isEqualTo(3);
        assertThat(t.end(0)).isEqualTo(8);
        assertThat(text.substring(t.start(0), t.end(0))).isEqualTo("Paris");
    }

    @Test
    void flagEmojiSeparatesTokensAndOffsetsStayUtf16() {
        String text = "Paris 🇫🇷 Lyon";
        Tokens t = Tokens.of(text);
        assertThat(tokens(text)).containsExactly("Paris", "Lyon");
        assertThat(t.start(1)).isEqualTo(text.indexOf("Lyon"));
        assertThat(t.joined(0)).isFalse();
    }

    /** A letter outside the Basic Multilingual Plane (a surrogate pair) is a letter like any other. */
    @Test
    void supplementaryPlaneLetterStaysInsideItsWord() {
        String text = "𠮷野家 opened in Tokyo";
        Tokens t = Tokens.of(text);
        assertThat(t.token(0)).isEqualTo("𠮷野家");
        assertThat(t.start(0)).isZero();
        assertThat(t.end(0)).isEqualTo(4);
    }

    @Test
    void tokensAfterSupplementaryPlaneTextHaveUtf16Offsets() {
        String text = "𝄞𝄞 music in Vienna";
        Tokens t = Tokens.of(text);
        int vienna = index(t, "Vienna");
        assertThat(t.start(vienna)).isEqualTo(text.indexOf("Vienna"));
        assertThat(t.end(vienna)).isEqualTo(text.length());
    }

    // ---- joined ----------------------------------------------------------------------------------------------

    @Test
    void abbreviatedSaintIsJoinedToTheName() {
        Tokens t = Tokens.of("St. Paul is cold");
        assertThat(tokens("St. Paul is cold")).startsWith("St", "Paul");
        assertThat(t.joined(0)).isTrue();
    }

    @Test
    void fortAndMountAbbreviationsAreJoinedToo() {
        assertThat(Tokens.of("Ft. Worth").joined(0)).isTrue();
        assertThat(Tokens.of("Mt. Kenya").joined(0)).isTrue();
    }

    @Test
    void otherWordsBeforeADotAreNotJoined() {
        assertThat(Tokens.of("Guinea. Bissau").joined(0)).isFalse();
    }

    @Test
    void spacedHyphenJoinsButADoubleHyphenDoesNot() {
        assertThat(Tokens.of("Guinea-Bissau").joined(0)).isTrue();
        assertThat(Tokens.of("Guinea - Bissau").joined(0)).isTrue();
        assertThat(Tokens.of("Guinea--Bissau").joined(0)).isFalse();
    }

    @Test
    void commaSeparatesTokensThatWouldOtherwiseJoin() {
        assertThat(Tokens.of("Guinea, Bissau").joined(0)).isFalse();
    }

    @Test
    void lastTokenIsJoinedToNothing() {
        assertThat(Tokens.of("Paris").joined(0)).isFalse();
    }

    // ---- sentence starts and capitals ------------------------------------------------------------------------

    @Test
    void firstTokenStartsASentence() {
        assertThat(Tokens.of("Officials said").sentenceStart(0)).isTrue();
    }

    @Test
    void tokensAfterSentencePunctuationOrANewlineStartASentence() {
        Tokens t = Tokens.of("He left. She stayed! Why? Yes\nNext: Done");
        assertThat(t.sentenceStart(index(t, "She"))).isTrue();
        assertThat(t.sentenceStart(index(t, "Why"))).isTrue();
        assertThat(t.sentenceStart(index(t, "Yes"))).isTrue();
        assertThat(t.sentenceStart(index(t, "Next"))).isTrue();
        assertThat(t.sentenceStart(index(t, "Done"))).isTrue();
    }

    @Test
    void tokenInsideASentenceDoesNotStartOne() {
        Tokens t = Tokens.of("He left the city");
        assertThat(t.sentenceStart(index(t, "left"))).isFalse();
        assertThat(t.sentenceStart(index(t, "city"))).isFalse();
    }

    @Test
    void wordAfterAnInitialismDoesNotStartASentence() {
        Tokens t = Tokens.of("the U.S. Army said");
        assertThat(t.sentenceStart(index(t, "Army"))).isFalse();
    }

    /** The dot of "St." abbreviates (see {@link Tokens#joined}); it does not end a sentence. */
    @Test
    void nameAfterAnAbbreviatedSaintDoesNotStartASentence() {
        Tokens t = Tokens.of("Fans in St. Paul cheered");
        assertThat(t.sentenceStart(index(t, "Paul"))).isFalse();
    }

    @Test
    void allCapsNeedsTwoLettersAndNoLowerCase() {
        Tokens t = Tokens.of("NEW YORK U.S. A Paris");
        assertThat(t.allCaps(0)).isTrue();
        assertThat(t.allCaps(1)).isTrue();
        assertThat(t.allCaps(2)).isTrue();
        assertThat(t.allCaps(3)).isFalse();
        assertThat(t.allCaps(4)).isFalse();
    }

    @Test
    void emptyAndPunctuationOnlyTextsHaveNoTokens() {
        assertThat(Tokens.of("").size()).isZero();
        assertThat(Tokens.of(" — … 🎉 ").size()).isZero();
    }
}
