package io.wirestream.runtime;

import io.wirestream.model.topic.Topics;
import io.wirestream.registry.serde.AvroSerdes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle every service shares: build the catalogue from settings, build the service's pure
 * topology, run it as a {@link KafkaStreams} application, close cleanly. A stream thread that dies of
 * an unexpected error (not a bad record: those go to the DLQ) shuts the client down rather than
 * restarting into the same error.
 */
public final class StreamsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);

    private final ServiceSettings settings;
    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    private StreamsService(ServiceSettings settings, Topology topology, Topics topics) {
        this.settings = settings;
        this.streams = new KafkaStreams(topology, settings.streamsProperties(topics.dlq().name()));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("{} ({}): stream thread failed, shutting the client down", settings.service(),
                    settings.applicationId(), e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> {
            LOG.info("{} ({}): {} -> {}", settings.service(), settings.applicationId(), before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
    }

    /** The topic catalogue these settings describe, with Avro serdes on the configured registry. */
    public static Topics topics(ServiceSettings settings) {
        return Topics.create(settings.topics(), new AvroSerdes(settings.serdeConfig()));
    }

    /** Builds the topology with {@code topologyFactory} and starts it. */
    public static StreamsService start(ServiceSettings settings, BiFunction<ServiceSettings, Topics, Topology> topologyFactory) {
        Objects.requireNonNull(topologyFactory, "topologyFactory");
        Topics topics = topics(settings);
        Topology topology = topologyFactory.apply(settings, topics);
        LOG.debug("{} topology:\n{}", settings.service(), topology.describe());
        StreamsService service = new StreamsService(settings, topology, topics);
        service.streams.start();
        return service;
    }

    /** Waits until the application is RUNNING; false if it did not get there in time. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Blocks until the application has stopped (closed, or failed into ERROR). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public ServiceSettings settings() {
        return settings;
    }

    /** The running application, for interactive queries and metrics. */
    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
