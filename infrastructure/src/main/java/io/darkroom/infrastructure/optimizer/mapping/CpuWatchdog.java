package io.darkroom.infrastructure.optimizer.mapping;

import org.graalvm.polyglot.Context;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a call once its thread has spent its limit of CPU on it, or {@value #WALL_FACTOR} times that in wall time (a call
 * blocked or starved that long is given up too). CPU time, not wall time, is the budget: on a busy machine a thread waits
 * for a core, and a wall-clock deadline would stop well-behaved functions for the machine's load. Stopping interrupts
 * the context, and closes it if the interrupt does not land.
 */
final class CpuWatchdog implements AutoCloseable {
    private static final int WALL_FACTOR = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mapping-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /** Watches the calling thread's work in {@code context} until the answer's {@link Alarm#cancel}. */
    Alarm watch(Context context, Duration limit) {
        return new Alarm(context, Thread.currentThread().getId(), limit);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    final class Alarm implements Runnable {
        private final Context context;
        private final long threadId;
        private final long limitNanos;
        private final long cpuStart;
        private final long wallStart = System.nanoTime();
        private volatile boolean done;
        private volatile ScheduledFuture<?> next;

        private Alarm(Context context, long threadId, Duration limit) {
            this.context = context;
            this.threadId = threadId;
            this.limitNanos = limit.toNanos();
            this.cpuStart = cpuTime(threadId);
            this.next = timer.schedule(this, limitNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void run() {
            if (done) {
                return;
            }
            long cpu = cpuStart < 0 ? -1 : cpuTime(threadId) - cpuStart;
            long wall = System.nanoTime() - wallStart;
            if (cpu < 0 || cpu >= limitNanos || wall >= WALL_FACTOR * limitNanos) {
                stop(context);
                return;
            }
            next = timer.schedule(this, Math.max(1_000_000, limitNanos - cpu), TimeUnit.NANOSECONDS);
        }

        void cancel() {
            done = true;
            next.cancel(false);
        }
    }

    private static long cpuTime(long threadId) {
        return THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(threadId) : -1;
    }

    private static void stop(Context context) {
        if (context == null) {
            return;
        }
        try {
            context.interrupt(Duration.ofMillis(100));
        } catch (TimeoutException | RuntimeException notInterrupted) {
            ContextPool.discard(context);
        }
    }
}
