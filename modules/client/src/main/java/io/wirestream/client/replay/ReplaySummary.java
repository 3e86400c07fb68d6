package io.wirestream.client.replay;

import java.util.Locale;

/** What a finished replay did: its plan, its final counts and where the records went. */
public record ReplaySummary(ReplayRequest request, ReplayPlan plan, ReplayStatus status, String sink) {

    /**
     * e.g. {@code replayed news.articles.raw [2026-11-20T00:00:00Z, 2026-11-21T00:00:00Z) at max: read 1300,
     * matched 1200, written 1200 to topic v2.news.articles.raw, left out 90 by filter, 10 outside the range;
     * records stamped 2026-11-20T00:01:00Z .. 2026-11-20T23:58:00Z; 2.4 s}.
     */
    public String line() {
        ReplayStatus s = status;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "replayed %s [%s, %s) at %s: read %d, matched %d, written %d to %s", request.topic(), request.from(),
                request.to(), request.speed(), s.read(), s.matched(), s.written(), sink));
        if (!request.filter().isEmpty()) {
            b.append(String.format(Locale.ROOT, ", left out %d by filter (%s)", s.filtered(), request.filter().describe()));
        }
        if (s.outside() > 0) {
            b.append(String.format(Locale.ROOT, ", skipped %d stamped outside the range", s.outside()));
        }
        if (s.first().isPresent()) {
            b.append("; records stamped ").append(s.first().get()).append(" .. ").append(s.last().orElseThrow());
        }
        b.append(String.format(Locale.ROOT, "; %.1f s", s.elapsed().toMillis() / 1000d));
        return b.toString();
    }
}
