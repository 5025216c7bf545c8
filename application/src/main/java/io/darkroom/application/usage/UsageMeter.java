package io.darkroom.application.usage;

import io.darkroom.domain.usage.UsageMetered;
import org.axonframework.eventhandling.gateway.EventGateway;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counts deliveries and Admin API calls in memory, per cloud and minute, and turns each finished
 * minute into one {@link UsageMetered} event: the hot path adds to a counter, never writes. A node
 * that dies loses at most the minute it was counting (and what it had not flushed yet).
 */
public class UsageMeter {
    private record Bucket(String cloud, Instant minute) {
    }

    private static final class Counts {
        final LongAdder deliveries = new LongAdder();
        final LongAdder bytes = new LongAdder();
        final LongAdder adminCalls = new LongAdder();
    }

    private final Map<Bucket, Counts> buckets = new ConcurrentHashMap<>();
    private final EventGateway events;
    private final Supplier<Instant> now;
    private final String node;

    /** {@code now} is the events' clock, so metered minutes and event timestamps agree (tests set it). */
    public UsageMeter(EventGateway events, Supplier<Instant> now, String node) {
        this.events = events;
        this.now = now;
        this.node = node;
    }

    public void delivered(String cloud, long bytes) {
        Counts counts = counts(cloud);
        counts.deliveries.increment();
        counts.bytes.add(bytes);
    }

    public void adminCall(String cloud) {
        counts(cloud).adminCalls.increment();
    }

    /** Publishes the finished minutes ({@code all}: the current one too, as at shutdown); the number of events. */
    public int flush(boolean all) {
        Instant current = minute();
        List<UsageMetered> metered = new ArrayList<>();
        for (Bucket bucket : List.copyOf(buckets.keySet())) {
            if (!all && !bucket.minute().isBefore(current)) {
                continue;
            }
            Counts counts = buckets.remove(bucket);
            if (counts != null) {
                metered.add(new UsageMetered(node, bucket.cloud(), bucket.minute(), counts.deliveries.sum(), counts.bytes.sum(),
                        counts.adminCalls.sum()));
            }
        }
        if (metered.isEmpty()) {
            return 0;
        }
        try {
            events.publish(metered.toArray());
        } catch (RuntimeException e) {
            // the database is away: keep the counts for the next flush
            metered.forEach(m -> {
                Counts counts = buckets.computeIfAbsent(new Bucket(m.cloud(), m.minute()), bucket -> new Counts());
                counts.deliveries.add(m.deliveries());
                counts.bytes.add(m.deliveredBytes());
                counts.adminCalls.add(m.adminCalls());
            });
            throw e;
        }
        return metered.size();
    }

    private Counts counts(String cloud) {
        return buckets.computeIfAbsent(new Bucket(cloud, minute()), bucket -> new Counts());
    }

    private Instant minute() {
        return now.get().truncatedTo(ChronoUnit.MINUTES);
    }
}
