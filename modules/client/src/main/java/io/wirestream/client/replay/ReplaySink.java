package io.wirestream.client.replay;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where replayed records go, in replay order. {@link #close()} flushes what is still buffered. */
public interface ReplaySink extends AutoCloseable {

    /** Takes one record; may buffer it. Throws when an earlier write failed. */
    void write(ConsumerRecord<byte[], byte[]> record) throws Exception;

    /** Waits until everything written so far is delivered; throws the first failure. */
    void flush() throws Exception;

    /** Records delivered so far. */
    long written();

    /** What the sink writes to, for messages, e.g. {@code topic v2.news.articles.raw}. */
    String describe();

    @Override
    void close() throws Exception;
}
