package io.wirestream.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReutersReaderTest {

    private static final String SGML = """
            <!DOCTYPE lewis SYSTEM "lewis.dtd">
            <REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="12">
            <DATE>26-FEB-1987 15:01:01.79</DATE>
            <TOPICS><D>cocoa</D></TOPICS>
            <UNKNOWN>\s
            &#5;&#5;&#5;C T
            u f BC-BAHIA-COCOA-REVIEW   02-26 0105</UNKNOWN>
            <TEXT>&#2;
            <TITLE>BAHIA &lt;COCOA&gt; REVIEW &amp; OUTLOOK</TITLE>
            <DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week in
            the Bahia cocoa zone &lt;BAHIA&gt;.
             Reuter
            &#3;</BODY></TEXT>
            </REUTERS>
            <REUTERS TOPICS="NO" NEWID="3">
            <DATE>  5-MAR-1987 09:06:36.75</DATE>
            <TEXT TYPE="BRIEF">&#2;
            ******<TITLE>SHARES CLOSE HIGHER</TITLE>
            Blah blah blah.
            &#3;

            </TEXT>
            </REUTERS>
            <REUTERS NEWID="4"><DATE>garbled</DATE><TEXT TYPE="UNPROC">Unprocessed text</TEXT></REUTERS>
            """;

    @Test
    void readsTitleBodyDateAndDecodesReferences() {
        List<ReutersReader.Article> articles = ReutersReader.parse(SGML);
        assertThat(articles).extracting(ReutersReader.Article::newId).containsExactly("12", "3", "4");
        ReutersReader.Article first = articles.get(0);
        assertThat(first.time()).isEqualTo(Instant.parse("1987-02-26T15:01:01.790Z").toEpochMilli());
        assertThat(first.title()).isEqualTo("BAHIA <COCOA> REVIEW & OUTLOOK");
        assertThat(first.text()).startsWith("Showers continued").contains("zone <BAHIA>.").endsWith("Reuter\n\u0003")
                .doesNotContain("SALVADOR");
    }

    @Test
    void recordWithoutBodyUsesTheRestOfItsText() {
        ReutersReader.Article brief = ReutersReader.parse(SGML).get(1);
        assertThat(brief.title()).isEqualTo("SHARES CLOSE HIGHER");
        assertThat(brief.text()).contains("Blah blah blah.").doesNotContain("SHARES CLOSE HIGHER", "<");
        assertThat(brief.time()).isEqualTo(Instant.parse("1987-03-05T09:06:36.750Z").toEpochMilli());
    }

    @Test
    void unreadableDateIsTimeZeroAndMissingTitleIsEmpty() {
        ReutersReader.Article unproc = ReutersReader.parse(SGML).get(2);
        assertThat(unproc.time()).isZero();
        assertThat(unproc.title()).isEmpty();
        assertThat(unproc.text()).isEqualTo("Unprocessed text");
    }

    @Test
    void unknownOrInvalidReferencesAreKeptAsWritten() {
        assertThat(ReutersReader.decode("a &nbsp; b &#99999999999; c &#65;")).isEqualTo("a &nbsp; b &#99999999999; c A");
    }

    @Test
    void labelledRecordsCarryTheirCategoriesAndWhetherTheyHaveABody() {
        String sgml = SGML.replace("<TOPICS><D>cocoa</D></TOPICS>",
                "<TOPICS><D>cocoa</D></TOPICS><PLACES><D>brazil</D><D>usa</D></PLACES><PEOPLE><D>james-baker</D></PEOPLE>"
                        + "<ORGS><D>ico-coffee</D></ORGS>");
        List<ReutersReader.Labelled> records = ReutersReader.parseLabelled(sgml);
        assertThat(records).hasSize(3);
        ReutersReader.Labelled first = records.get(0);
        assertThat(first.places()).containsExactly("brazil", "usa");
        assertThat(first.people()).containsExactly("james-baker");
        assertThat(first.orgs()).containsExactly("ico-coffee");
        assertThat(first.hasBody()).isTrue();
        assertThat(first.article()).isEqualTo(ReutersReader.parse(sgml).get(0));
        assertThat(records.get(1).hasBody()).isFalse();
        assertThat(records.get(1).places()).isEmpty();
    }
}
