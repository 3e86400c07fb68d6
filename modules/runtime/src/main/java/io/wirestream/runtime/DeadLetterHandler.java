package io.wirestream.runtime;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every record that cannot be deserialised or processed to the dead-letter topic with its original
 * key and value bytes and headers saying why, where and when, then carries on with the next record: a
 * poison record never stops a service or makes it crash-loop, and nothing is dropped silently.
 *
 * <p>Uses Kafka Streams' own dead-letter support (KIP-1034), so the dead letter is written in the same
 * transaction as the task's other output. Headers: {@code error.class}, {@code error.message},
 * {@code source.topic}, {@code source.partition}, {@code source.offset}, {@code source.timestamp},
 * {@code service}, {@code processor}, {@code error.stage} ({@code deserialization} or {@code processing}),
 * after the original record's headers.
 */
public class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);
    private static final int MAX_MESSAGE_CHARS = 2_000;

    private String dlqTopic;
    private String service = "unknown";

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (topic == null || topic.toString().isBlank()) {
            throw new IllegalArgumentException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG
                    + " must name the dead-letter topic");
        }
        dlqTopic = topic.toString();
        Object name = configs.get(ServiceSettings.SERVICE_NAME_CONFIG);
        if (name != null) {
            service = name.toString();
        }
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        LOG.warn("{}: cannot deserialise record at {}-{}@{}, sent to {}: {}", service, context.topic(),
                context.partition(), context.offset(), dlqTopic, exception.toString());
        return DeserializationExceptionHandler.Response.resume(
                List.of(deadLetter(context, record.key(), record.value(), exception, "deserialization")));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(
            ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        LOG.warn("{}: cannot process record at {}-{}@{} in {}, sent to {}: {}", service, context.topic(),
                context.partition(), context.offset(), context.processorNodeId(), dlqTopic, exception.toString());
        return ProcessingExceptionHandler.Response.resume(
                List.of(deadLetter(context, context.sourceRawKey(), context.sourceRawValue(), exception, "processing")));
    }

    private ProducerRecord<byte[], byte[]> deadLetter(
            ErrorHandlerContext context, byte[] key, byte[] value, Exception exception, String stage) {
        Headers headers = new RecordHeaders(context.headers() == null ? new RecordHeaders() : context.headers());
        put(headers, "error.class", exception.getClass().getName());
        put(headers, "error.message", truncate(String.valueOf(exception.getMessage())));
        put(headers, "error.stage", stage);
        put(headers, "source.topic", context.topic());
        put(headers, "source.partition", Integer.toString(context.partition()));
        put(headers, "source.offset", Long.toString(context.offset()));
        put(headers, "source.timestamp", Long.toString(context.timestamp()));
        put(headers, "service", service);
        put(headers, "processor", context.processorNodeId());
        return new ProducerRecord<>(dlqTopic, null, context.timestamp(), key, value, headers);
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
