package io.darkroom.infrastructure.rebuild;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The store's events in order, in batches, each with its own global index. An event that fills a gap carries the token
 * of the furthest event read (its index unchanged, the gap gone), so its index is the gap that went.
 */
final class EventBatches {
    static final int BATCH = 2000;

    /** An event and its own global index. */
    record Indexed(TrackedEventMessage<?> event, long index) {
    }

    private final Iterator<? extends TrackedEventMessage<?>> iterator;
    private GapAwareTrackingToken last;
    private boolean done;

    EventBatches(Iterator<? extends TrackedEventMessage<?>> iterator, GapAwareTrackingToken start) {
        this.iterator = iterator;
        this.last = start;
    }

    /** Up to {@value #BATCH} events, none after {@code head}. */
    List<Indexed> next(long head) {
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("Rebuild interrupted; it resumes from its saved position when run again");
        }
        List<Indexed> batch = new ArrayList<>(BATCH);
        while (batch.size() < BATCH && !done && iterator.hasNext()) {
            TrackedEventMessage<?> event = iterator.next();
            GapAwareTrackingToken token = (GapAwareTrackingToken) event.trackingToken();
            long index = indexOf(token);
            last = token;
            if (index > head) {
                // the rest comes after the head (a late event filling a gap comes before any later one)
                done = true;
            } else {
                batch.add(new Indexed(event, index));
            }
        }
        // gaps still open are read again by the next catch-up, from the workers' tokens
        return batch;
    }

    private long indexOf(GapAwareTrackingToken token) {
        if (last == null || token.getIndex() > last.getIndex()) {
            return token.getIndex();
        }
        return last.getGaps().stream().filter(gap -> !token.getGaps().contains(gap)).findFirst().orElse(token.getIndex());
    }
}
