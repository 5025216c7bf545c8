package io.darkroom.ops.load;

import java.util.ArrayList;
import java.util.List;

/**
 * A long run's progress as (time, events done) samples, and the rate over a range of events (times interpolated): the
 * rates of the first and last {@link #WINDOW} events show a cost that grows with history as a falling last rate.
 */
final class RateSlope {
    static final long WINDOW = 100_000;

    private final List<long[]> samples = new ArrayList<>();

    RateSlope(long start) {
        samples.add(new long[] {start, 0});
    }

    void add(long nanos, long done) {
        if (done >= samples.get(samples.size() - 1)[1]) {
            samples.add(new long[] {nanos, done});
        }
    }

    double rate(long fromEvent, long toEvent) {
        double seconds = (timeAt(Math.max(0, toEvent)) - timeAt(Math.max(0, fromEvent))) / 1e9;
        return seconds <= 0 ? Double.NaN : (toEvent - Math.max(0, fromEvent)) / seconds;
    }

    /** When {@code events} were done, interpolated between the two samples around it. */
    private double timeAt(long events) {
        for (int i = 1; i < samples.size(); i++) {
            long[] before = samples.get(i - 1);
            long[] after = samples.get(i);
            if (events <= after[1]) {
                double share = after[1] == before[1] ? 1 : (double) (events - before[1]) / (after[1] - before[1]);
                return before[0] + share * (after[0] - before[0]);
            }
        }
        return samples.get(samples.size() - 1)[0];
    }
}
