package io.wirestream.dedup.stream;

/**
 * An article published on {@code news.articles.deduped} as an original that a correction has since made
 * a duplicate (a copy that arrived before its original): it leaves that topic as a tombstone under its
 * id, which the tagger passes on to {@code news.events.enriched}, so both read as tables hold originals
 * only, whatever the arrival order.
 */
record Retraction(String articleId) {
}
