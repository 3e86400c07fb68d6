package io.wirestream.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

    @Test
    void trackingParametersFragmentAndDefaultPortAreRemoved() {
        assertThat(CanonicalUrl.of("HTTPS://News.Example:443/world/story?utm_source=rss&page=2&fbclid=abc#comments"))
                .contains("https://news.example/world/story?page=2");
    }

    @Test
    void emptyPathBecomesSlash() {
        assertThat(CanonicalUrl.of("http://example.org")).contains("http://example.org/");
    }

    @Test
    void nonHttpOrRelativeUrlsHaveNoCanonicalForm() {
        assertThat(CanonicalUrl.of("ftp://example.org/a")).isEmpty();
        assertThat(CanonicalUrl.of("/relative/path")).isEmpty();
        assertThat(CanonicalUrl.of("not a url at all")).isEmpty();
        assertThat(CanonicalUrl.of(null)).isEmpty();
    }

    @Test
    void domainDropsWww() {
        assertThat(CanonicalUrl.domain("https://www.herald.example/x")).contains("herald.example");
    }
}
