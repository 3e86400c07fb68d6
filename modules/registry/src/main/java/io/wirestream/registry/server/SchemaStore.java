package io.wirestream.registry.server;

import java.util.List;

/**
 * Durable, append-only log behind {@link LocalSchemaRegistry}. The registry replays
 * {@link #readAll()} on start and appends each decision before answering it, so a store that keeps
 * its entries keeps ids and versions across restarts. Single writer: one registry per store.
 */
public interface SchemaStore extends AutoCloseable {

    /** Every entry written so far, in write order. */
    List<SchemaStoreEntry> readAll();

    /** Appends an entry; returns only once it is durable, throws if it could not be written. */
    void append(SchemaStoreEntry entry);

    @Override
    void close();
}
