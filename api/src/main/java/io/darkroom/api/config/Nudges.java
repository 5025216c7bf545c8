package io.darkroom.api.config;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An executor for "start now rather than at the next scheduled run" (a queued webhook, a queued warm-up): one thread, one
 * waiting task at most, later nudges dropped while one waits (that one will see their work too). The schedule stays the
 * backstop for retries, restarts and other nodes' work.
 */
public final class Nudges {
    private Nudges() {
    }

    public static ExecutorService executor(String threadName) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1), runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
    }
}
