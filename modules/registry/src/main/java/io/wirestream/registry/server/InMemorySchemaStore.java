package io.wirestream.registry.server;

import java.util.ArrayList;
import java.util.List;

/** A {@link SchemaStore} in a list: survives a registry restart in the same JVM, not a JVM restart. */
public final class InMemorySchemaStore implements SchemaStore {

    private final List<SchemaStoreEntry> entries = new ArrayList<>();

    @Override
    public synchronized List<SchemaStoreEntry> readAll() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized void append(SchemaStoreEntry entry) {
        entries.add(entry);
    }

    /** Keeps the entries, so that a new registry over this store sees them. */
    @Override
    public void close() {
    }

    @Override
    public synchronized String toString() {
        return "InMemorySchemaStore[" + entries.size() + " entries]";
    }
}
