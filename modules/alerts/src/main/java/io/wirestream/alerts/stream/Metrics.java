package io.wirestream.alerts.stream;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/** The service's own metrics (rate and total per task), under the {@code wirestream-alerts} scope of Kafka Streams metrics. */
final class Metrics {

    static final String SCOPE = "wirestream-alerts";

    private Metrics() {
    }

    static Sensor sensor(ProcessorContext<?, ?> context, String operation) {
        return context.metrics().addRateTotalSensor(SCOPE, context.taskId().toString(), operation, Sensor.RecordingLevel.INFO);
    }
}
