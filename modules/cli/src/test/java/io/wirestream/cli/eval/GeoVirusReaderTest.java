package io.wirestream.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GeoVirusReaderTest {

    static String xml(String... articles) {
        return "<articles>\n" + String.join("\n", articles) + "\n</articles>\n";
    }

    static String article(String text, String... nameStartEnd) {
        StringBuilder sb = new StringBuilder("<article><source>https://example.org/a</source><text>")
                .append(text.replace("&", "&amp;").replace("<", "&lt;")).append("</text><locations>");
        for (int i = 0; i + 2 < nameStartEnd.length; i += 3) {
            sb.append("<location><name>").append(nameStartEnd[i]).append("</name><start>").append(nameStartEnd[i + 1])
                    .append("</start><end>").append(nameStartEnd[i + 2]).append("</end><lat>0</lat><lon>0</lon>"
                            + "<page>https://en.wikipedia.org/wiki/X</page></location>");
        }
        return sb.append("</locations></article>").toString();
    }

    private static GeoVirusReader.Corpus read(String xml) throws IOException {
        return GeoVirusReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void zeroBasedJavaOffsetsAreReadAsWritten() throws IOException {
        GeoVirusReader.Corpus c = read(xml(article("Cases in Lagos & Abuja.", "Lagos", "9", "14", "Abuja", "17", "22")));
        assertThat(c.offsets()).isEqualTo(GeoVirusReader.Offsets.UTF16);
        assertThat(c.mismatches()).containsEntry(GeoVirusReader.Offsets.UTF16, 0)
                .containsEntry(GeoVirusReader.Offsets.UTF16_ONE_BASED, 2);
        assertThat(c.articles().get(0).locations()).containsExactly(new GeoVirusReader.Location("Lagos", 9, 14),
                new GeoVirusReader.Location("Abuja", 17, 22));
    }

    @Test
    void oneBasedOffsetsAreDetectedAndShifted() throws IOException {
        GeoVirusReader.Corpus c = read(xml(article("In Lima, Peru.", "Lima", "4", "8", "Peru", "10", "14"),
                article("Hubei", "Hubei", "1", "6")));
        assertThat(c.offsets()).isEqualTo(GeoVirusReader.Offsets.UTF16_ONE_BASED);
        assertThat(c.mismatches()).containsEntry(GeoVirusReader.Offsets.UTF16, 3);
        assertThat(c.articles().get(0).locations()).containsExactly(new GeoVirusReader.Location("Lima", 3, 7),
                new GeoVirusReader.Location("Peru", 9, 13));
        assertThat(c.locations()).isEqualTo(3);
    }

    @Test
    void codePointOffsetsAreConvertedToJavaIndexes() throws IOException {
        // U+1F637 takes two Java chars: "Wuhan" starts at code point 2 but Java index 3.
        GeoVirusReader.Corpus c = read(xml(article("\uD83D\uDE37 Wuhan and Hubei", "Wuhan", "2", "7", "Hubei", "12", "17")));
        assertThat(c.offsets()).isEqualTo(GeoVirusReader.Offsets.CODE_POINTS);
        assertThat(c.articles().get(0).locations()).containsExactly(new GeoVirusReader.Location("Wuhan", 3, 8),
                new GeoVirusReader.Location("Hubei", 13, 18));
    }

    @Test
    void malformedXmlIsAnIOException() {
        assertThatThrownBy(() -> read("<articles><article>")).isInstanceOf(IOException.class).hasMessageContaining("not GeoVirus XML");
    }
}
