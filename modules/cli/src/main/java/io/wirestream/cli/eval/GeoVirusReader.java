package io.wirestream.cli.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads GeoVirus ({@code <articles><article><source/><text/><locations><location><name/><start/><end/>...}).
 * The file does not say how its offsets count, so every convention below is tried on all locations and the one
 * under which the most {@code text[start, end)} equal {@code <name>} wins; offsets are then converted to Java String
 * (UTF-16) indexes. The published file's offsets are 1-based.
 */
public final class GeoVirusReader {

    /** How offsets in the file may count characters. */
    public enum Offsets {
        UTF16, UTF16_ONE_BASED, CODE_POINTS, CODE_POINTS_ONE_BASED;

        /** {@code offset} as a Java String index into {@code text}, or -1 when it falls outside. */
        int toJava(String text, int offset) {
            int o = this == UTF16_ONE_BASED || this == CODE_POINTS_ONE_BASED ? offset - 1 : offset;
            if (this == UTF16 || this == UTF16_ONE_BASED) {
                return o >= 0 && o <= text.length() ? o : -1;
            }
            if (o < 0 || o > text.codePointCount(0, text.length())) {
                return -1;
            }
            return text.offsetByCodePoints(0, o);
        }
    }

    /** A gold location; {@code start}/{@code end} are Java String indexes into the article's text. */
    public record Location(String name, int start, int end) {
    }

    public record Article(String source, String text, List<Location> locations) {
    }

    /**
     * The articles with offsets converted by {@code offsets}; {@code mismatches} holds, per convention, how many
     * locations' text would not equal their name; {@code dropped} counts locations outside their text.
     */
    public record Corpus(List<Article> articles, Offsets offsets, Map<Offsets, Integer> mismatches, int dropped) {

        public int locations() {
            return articles.stream().mapToInt(a -> a.locations().size()).sum();
        }
    }

    private record RawLocation(String name, int start, int end) {
    }

    private record RawArticle(String source, String text, List<RawLocation> locations) {
    }

    private GeoVirusReader() {
    }

    public static Corpus read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** Parses a GeoVirus document; malformed XML or a non-numeric offset is an IOException. */
    public static Corpus read(InputStream in) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not stop the parse and need no report
                }
            });
            doc = b.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not GeoVirus XML: " + e.getMessage(), e);
        }
        List<RawArticle> raw = new ArrayList<>();
        NodeList articles = doc.getElementsByTagName("article");
        for (int i = 0; i < articles.getLength(); i++) {
            Element a = (Element) articles.item(i);
            List<RawLocation> locations = new ArrayList<>();
            NodeList ls = a.getElementsByTagName("location");
            for (int j = 0; j < ls.getLength(); j++) {
                Element l = (Element) ls.item(j);
                try {
                    locations.add(new RawLocation(child(l, "name"), Integer.parseInt(child(l, "start").strip()),
                            Integer.parseInt(child(l, "end").strip())));
                } catch (NumberFormatException e) {
                    throw new IOException("article " + (i + 1) + ", location " + (j + 1) + ": offset is not a number: " + e.getMessage(), e);
                }
            }
            raw.add(new RawArticle(child(a, "source"), child(a, "text"), locations));
        }
        Map<Offsets, Integer> mismatches = new EnumMap<>(Offsets.class);
        Offsets best = Offsets.UTF16;
        for (Offsets o : Offsets.values()) {
            int m = 0;
            for (RawArticle a : raw) {
                for (RawLocation l : a.locations()) {
                    int s = o.toJava(a.text(), l.start());
                    int e = o.toJava(a.text(), l.end());
                    if (s < 0 || e < s || !a.text().substring(s, e).equals(l.name())) {
                        m++;
                    }
                }
            }
            mismatches.put(o, m);
            if (m < mismatches.get(best)) {
                best = o;
            }
        }
        List<Article> out = new ArrayList<>();
        int dropped = 0;
        for (RawArticle a : raw) {
            List<Location> locations = new ArrayList<>();
            for (RawLocation l : a.locations()) {
                int s = best.toJava(a.text(), l.start());
                int e = best.toJava(a.text(), l.end());
                if (s < 0 || e <= s) {
                    dropped++;
                } else {
                    locations.add(new Location(l.name(), s, e));
                }
            }
            out.add(new Article(a.source(), a.text(), List.copyOf(locations)));
        }
        return new Corpus(List.copyOf(out), best, mismatches, dropped);
    }

    /** Text of the first child element {@code name} (empty when absent). */
    private static String child(Element parent, String name) {
        NodeList n = parent.getElementsByTagName(name);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent();
    }
}
