package io.darkroom.application.delivery;

import java.util.Collection;
import java.util.List;

/**
 * Port: the event store read as the bus of delivery invalidations, so every node learns which
 * assets changed without a message broker.
 */
public interface DeliveryChanges {
    /** An event at {@code globalIndex}; {@code assetId} is set when it is of one of the asked types. */
    record Change(long globalIndex, String assetId) {
    }

    /** The head of the store: where a new node starts (its cache is empty). */
    long head();

    /**
     * Events after {@code after} or at one of {@code gaps} (indexes seen missing: a transaction that
     * took its index earlier but committed later), in index order, at most {@code limit}; every event
     * is listed so gaps show, its asset only for {@code payloadTypes}.
     */
    List<Change> since(long after, Collection<Long> gaps, Collection<String> payloadTypes, int limit);
}
