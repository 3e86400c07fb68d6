package io.wirestream.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Main content and metadata of an HTML article page, readability-style: page furniture (navigation,
 * asides, footers, forms, scripts, cookie banners, comment and related-link blocks) is removed; each
 * paragraph scores its parent (and half its grandparent) by text length and comma count; the container
 * with the best score, discounted by its link density, is the article, and its paragraphs in document
 * order are the body. Metadata comes from JSON-LD {@code NewsArticle}, OpenGraph, {@code <meta>},
 * {@code <link rel=canonical>} and {@code <title>}, in that order of trust. Cost: linear in the page.
 */
final class HtmlExtractor {

    /** What the page says about itself, and its story paragraphs before line cleaning. */
    record Page(String title, String byline, String published, String url, String publisher, String description,
            String lang, List<String> paragraphs, List<String> captions, List<String> credits) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String FURNITURE = "script, style, noscript, template, nav, aside, footer, header, form, iframe, svg, "
            + "button, input, select, textarea, object, embed, canvas, dialog, "
            + "[role=navigation], [role=complementary], [role=contentinfo], [role=banner], [role=dialog], [hidden], [aria-hidden=true]";
    private static final Pattern UNLIKELY = Pattern.compile("(?i)comment|cookie|consent|gdpr|banner|sidebar|related|recirc|share|social"
            + "|promo|newsletter|subscri|advert|\\bads?\\b|sponsor|footer|\\bnav|menu|breadcrumb|popup|modal|outbrain|taboola|masthead|skip-link|paywall|most-popular|trending");
    private static final Pattern LIKELY = Pattern.compile("(?i)article|body|content|main|story|entry|post|text|prose");
    private static final Pattern NEGATIVE = Pattern.compile("(?i)comment|meta|footer|footnote|related|share|sidebar|sponsor|widget|promo|tags?\\b");
    private static final Pattern POSITIVE = Pattern.compile("(?i)article|body|content|entry|main|page|post|text|blog|story|prose");
    private static final String PARAGRAPHS = "p, h2, h3, h4, blockquote, pre, li";
    private static final int MIN_PARAGRAPH_CHARS = 25;

    private HtmlExtractor() {
    }

    static Page extract(String html, String baseUri) {
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        Map<String, String> meta = meta(doc);
        JsonNode ld = newsArticle(doc);

        String publisher = first(text(ld, "publisher", "name"), meta.get("og:site_name"), meta.get("application-name"));
        String title = first(meta.get("og:title"), text(ld, "headline"), meta.get("twitter:title"),
                doc.selectFirst("h1") == null ? null : doc.selectFirst("h1").text(), doc.title());
        title = withoutSiteSuffix(title, publisher);
        String byline = first(author(ld), meta.get("author"), meta.get("article:author") != null
                && !meta.get("article:author").startsWith("http") ? meta.get("article:author") : null, meta.get("byl"));
        if (byline != null) {
            byline = byline.replaceFirst("(?i)^by\\s+", "").strip();
        }
        String published = first(text(ld, "datePublished"), meta.get("article:published_time"), meta.get("og:published_time"),
                meta.get("date"), meta.get("pubdate"), meta.get("publishdate"), meta.get("dc.date"),
                doc.selectFirst("time[datetime]") == null ? null : doc.selectFirst("time[datetime]").attr("datetime"));
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        String url = first(canonical == null ? null : canonical.absUrl("href").isEmpty() ? canonical.attr("href") : canonical.absUrl("href"),
                meta.get("og:url"), text(ld, "url"), text(ld, "mainEntityOfPage", "@id"));
        String lang = doc.selectFirst("html[lang]") == null ? null : doc.selectFirst("html[lang]").attr("lang");

        List<String> captions = new ArrayList<>();
        List<String> credits = new ArrayList<>();
        Element body = doc.body();
        for (Element figure : body.select("figure, .caption, .wp-caption")) {
            for (Element credit : figure.select(".credit, .photo-credit, [class*=credit], small, cite")) {
                if (!credit.text().isBlank()) {
                    credits.add(credit.text().strip());
                }
                credit.remove();
            }
            Element caption = figure.selectFirst("figcaption");
            String text = (caption != null ? caption : figure).text().strip();
            String[] split = TextCleaner.splitTrailingCredit(text);
            if (split != null) {
                captions.add(split[0]);
                credits.add(split[1]);
            } else if (!text.isEmpty()) {
                captions.add(text);
            }
            figure.remove();
        }
        body.select(FURNITURE).remove();
        for (Element e : new ArrayList<>(body.getAllElements())) {
            String tag = e.tagName();
            if (e == body || tag.equals("article") || tag.equals("main") || e.parent() == null) {
                continue;
            }
            String names = e.className() + " " + e.id();
            if (UNLIKELY.matcher(names).find() && !LIKELY.matcher(names).find()) {
                e.remove();
            }
        }
        Element best = bestCandidate(body);
        List<String> paragraphs = new ArrayList<>();
        if (best != null) {
            for (Element p : best.select(PARAGRAPHS)) {
                if (p.select(PARAGRAPHS).size() > 1) {
                    continue; // the nested paragraphs are taken themselves
                }
                String text = p.text().strip();
                boolean listItem = p.tagName().equals("li");
                if (text.isEmpty() || linkDensity(p) > 0.5 || listItem && text.length() < MIN_PARAGRAPH_CHARS) {
                    continue;
                }
                paragraphs.add(text);
            }
        }
        return new Page(title, byline, published, url, publisher, meta.get("description"), lang, paragraphs, captions, credits);
    }

    /** The element whose paragraphs carry the most text, commas and least links. */
    private static Element bestCandidate(Element body) {
        Map<Element, Double> scores = new HashMap<>();
        for (Element p : body.select("p, pre, td, blockquote")) {
            String text = p.text();
            if (text.length() < MIN_PARAGRAPH_CHARS || p.parent() == null) {
                continue;
            }
            double score = 1 + commas(text) + Math.min(text.length() / 100.0, 3);
            Element parent = p.parent();
            scores.computeIfAbsent(parent, HtmlExtractor::initial);
            scores.merge(parent, score, Double::sum);
            Element grand = parent.parent();
            if (grand != null) {
                scores.computeIfAbsent(grand, HtmlExtractor::initial);
                scores.merge(grand, score / 2, Double::sum);
            }
        }
        Element best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double score = e.getValue() * (1 - linkDensity(e.getKey()));
            if (score > bestScore || score == bestScore && best != null && depth(e.getKey()) < depth(best)) {
                best = e.getKey();
                bestScore = score;
            }
        }
        return best;
    }

    /** Readability's starting score: by tag, plus or minus 25 for telling class and id names. */
    private static double initial(Element e) {
        double score = switch (e.tagName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        String names = e.className() + " " + e.id();
        if (NEGATIVE.matcher(names).find()) {
            score -= 25;
        }
        if (POSITIVE.matcher(names).find()) {
            score += 25;
        }
        return score;
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ',') {
                n++;
            }
        }
        return n;
    }

    private static double linkDensity(Element e) {
        int length = e.text().length();
        if (length == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return (double) links / length;
    }

    private static int depth(Element e) {
        int d = 0;
        for (Element p = e.parent(); p != null; p = p.parent()) {
            d++;
        }
        return d;
    }

    /** {@code <meta>} by name or property, lower-cased keys; the first of each wins. */
    private static Map<String, String> meta(Document doc) {
        Map<String, String> meta = new HashMap<>();
        for (Element m : doc.select("meta[content]")) {
            String key = m.hasAttr("property") ? m.attr("property") : m.hasAttr("name") ? m.attr("name") : m.attr("itemprop");
            String value = m.attr("content").strip();
            if (!key.isBlank() && !value.isEmpty()) {
                meta.putIfAbsent(key.toLowerCase(Locale.ROOT).strip(), value);
            }
        }
        return meta;
    }

    /** The first JSON-LD node typed as a news article (or any article), searching arrays and {@code @graph}. */
    private static JsonNode newsArticle(Document doc) {
        JsonNode fallback = null;
        Elements scripts = doc.select("script[type=application/ld+json]");
        for (Element script : scripts) {
            JsonNode root;
            try {
                root = JSON.readTree(script.data());
            } catch (IOException e) {
                continue; // broken JSON-LD is common; the page's other metadata still counts
            }
            List<JsonNode> nodes = new ArrayList<>();
            collect(root, nodes);
            for (JsonNode n : nodes) {
                String type = n.path("@type").toString();
                if (type.contains("NewsArticle")) {
                    return n;
                }
                if (fallback == null && (type.contains("Article") || type.contains("BlogPosting"))) {
                    fallback = n;
                }
            }
        }
        return fallback;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        } else if (node.isObject()) {
            out.add(node);
            collect(node.get("@graph"), out);
        }
    }

    private static String author(JsonNode ld) {
        if (ld == null) {
            return null;
        }
        JsonNode author = ld.get("author");
        if (author == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode a : author.isArray() ? author : List.of(author)) {
            String name = a.isTextual() ? a.asText() : a.path("name").asText("");
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names.isEmpty() ? null : String.join(" and ", names);
    }

    private static String text(JsonNode node, String... path) {
        if (node == null) {
            return null;
        }
        JsonNode n = node;
        for (String p : path) {
            n = n.isArray() && !n.isEmpty() ? n.get(0).path(p) : n.path(p);
        }
        return n.isTextual() && !n.asText().isBlank() ? n.asText().strip() : null;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /** "Headline | Site" → "Headline" when the suffix is the publisher or a short site name. */
    static String withoutSiteSuffix(String title, String publisher) {
        if (title == null) {
            return null;
        }
        String[] parts = title.split("\\s+[|–—-]\\s+");
        if (parts.length < 2) {
            return title;
        }
        String last = parts[parts.length - 1].strip();
        boolean site = publisher != null && last.equalsIgnoreCase(publisher) || TextCleaner.words(last) <= 3 && parts.length > 1
                && title.contains(" | ");
        return site ? title.substring(0, title.lastIndexOf(last)).replaceFirst("\\s+[|–—-]\\s*$", "").strip() : title;
    }
}
