package io.wirestream.alerts.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Where and how the webhook sink delivers.
 *
 * @param urls           every alert is POSTed to each of these
 * @param maxAttempts    attempts per URL before giving up (the alert then goes to {@code news.dlq})
 * @param initialBackoff wait after the first failure; doubled after each further one ...
 * @param maxBackoff     ... up to this
 * @param requestTimeout how long one request may take
 * @param groupId        consumer group: offsets are committed only after delivery or giving up
 * @param fromBeginning  a new group starts at the oldest alert rather than the next one
 */
public record WebhookConfig(List<URI> urls, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                            Duration requestTimeout, String groupId, boolean fromBeginning) {

    /** Retries must fit well inside the consumer's max.poll.interval.ms (5 minutes), or the group would evict the sink. */
    static final Duration MAX_RETRY_TIME = Duration.ofMinutes(4);

    public WebhookConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("webhook: at least one URL is required");
        }
        for (URI u : urls) {
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
                throw new IllegalArgumentException("webhook: '" + u + "' is not an http(s) URL");
            }
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("webhook: attempts must be >= 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("webhook: backoff must be >= 0 and max backoff >= backoff, was "
                    + initialBackoff + " and " + maxBackoff);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("webhook: request timeout must be > 0, was " + requestTimeout);
        }
        Duration worst = Duration.ZERO;
        Duration b = initialBackoff;
        for (int i = 1; i < maxAttempts; i++) {
            worst = worst.plus(b).plus(requestTimeout);
            b = b.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : b.multipliedBy(2);
        }
        if (worst.multipliedBy(urls.size()).compareTo(MAX_RETRY_TIME) > 0) {
            throw new IllegalArgumentException("webhook: " + maxAttempts + " attempts with backoff " + initialBackoff + ".."
                    + maxBackoff + " and timeout " + requestTimeout + " may take " + worst.multipliedBy(urls.size())
                    + " per alert, more than " + MAX_RETRY_TIME + ": use fewer attempts or shorter waits");
        }
    }

    /** The wait before attempt {@code attempt + 1} (attempt counts from 1). */
    Duration backoff(int attempt) {
        Duration b = initialBackoff;
        for (int i = 1; i < attempt; i++) {
            b = b.multipliedBy(2);
            if (b.compareTo(maxBackoff) >= 0) {
                return maxBackoff;
            }
        }
        return b;
    }
}
