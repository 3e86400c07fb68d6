package io.wirestream.registry.server;

import java.util.List;

/**
 * Durable, append-only log behind {@link LocalSchemaRegistry}. The registry replays
 * {@link #readAll()} on start and appends each decision before answering it, so a store that keeps
 * its entries keeps ids and versions across restarts. Single writer: one registry per store.
 */
public interface SchemaStore extends AutoCloseable {

    /**
     * Every entry written so far, in write order, including any whose {@link #append} failed yet
     * reached the store; the registry re-reads it after a failed append.
     */
    List<SchemaStoreEntry> readAll();

    /**
     * Appends an entry; returns only once it is durable. Throws if that could not be confirmed, in
     * which case the entry may or may not have been written.
     */
    void append(SchemaStoreEntry entry);

    @Override
    void close();
}
