package io.wirestream.dedup.core;

/**
 * The order that defines "earlier": event time (publication, else ingestion), then article id. Every
 * decision depends only on this order, never on arrival order, which is what makes the final decisions
 * the same on any number of partitions and instances.
 */
public final class EventOrder {

    private EventOrder() {
    }

    public static int compare(long t1, String id1, long t2, String id2) {
        int c = Long.compare(t1, t2);
        return c != 0 ? c : id1.compareTo(id2);
    }
}
