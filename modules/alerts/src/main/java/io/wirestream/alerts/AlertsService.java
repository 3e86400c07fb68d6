package io.wirestream.alerts;

import io.wirestream.alerts.stream.AlertsConfig;
import io.wirestream.alerts.stream.AlertsTopology;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;

/**
 * The alerts service: watch rules from {@code news.alert-rules} over {@code news.events.enriched} and the
 * syndicated copies on {@code news.articles.duplicates}, publishing {@code Alert}s on {@code news.alerts}.
 * See {@link AlertsTopology} for the data flow.
 */
public final class AlertsService {

    public static final String NAME = "alerts";

    private AlertsService() {
    }

    /** Starts the service as a Kafka Streams application. */
    public static StreamsService start(ServiceSettings settings) {
        AlertsConfig config = AlertsConfig.from(settings.serviceOverrides());
        return StreamsService.start(settings, (s, topics) -> AlertsTopology.topology(config, topics));
    }
}
