package io.darkroom.infrastructure.rebuild;

import io.darkroom.application.rebuild.ReadModelRebuild;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Rebuilds read models from the event store while Darkroom keeps serving. The projections' own
 * handlers write into shadow copies of their tables (schema {@value ShadowSchema#NAME}, reached through
 * a connection whose {@code search_path} is that schema, so the same SQL writes there), in batches
 * of {@value EventBatches#BATCH} events per transaction with the position committed alongside: an interrupted
 * rebuild resumes where it stopped. When it has caught up, it locks the live tables against writers
 * (readers go on reading, by MVCC), applies the last events, and then either replaces the live rows
 * with the rebuilt ones in the same transaction ({@code switch}) or lists every row that differs
 * ({@code verify}). The events are read once and the read models are rebuilt from them side by side, each on its own
 * connection with its own saved position. A PostgreSQL advisory lock lets one node rebuild at a time.
 */
public class OnlineRebuild implements ReadModelRebuild {
    private static final long LOCK_KEY = 0x6461726b726f6f6dL;
    /** How long one attempt to lock the live tables waits: well below PostgreSQL's deadlock_timeout (1 s). */
    private static final int LOCK_WAIT_MS = 250;
    private static final int LOCK_ATTEMPTS = 100;

    private final DataSource dataSource;
    private final EventStorageEngine storage;
    private final Map<String, ReadModel> known = new LinkedHashMap<>();

    public OnlineRebuild(DataSource dataSource, EventStorageEngine storage, List<ReadModel> readModels) {
        this.dataSource = dataSource;
        this.storage = storage;
        readModels.forEach(p -> known.put(p.name(), p));
    }

    @Override
    public List<String> readModels() {
        return List.copyOf(known.keySet());
    }

    @Override
    public Outcome run(List<String> names, boolean switchWhenCaughtUp, Consumer<Progress> progress) throws SQLException {
        List<ReadModel> chosen = new ArrayList<>();
        for (String name : names) {
            ReadModel readModel = known.get(name);
            if (readModel == null) {
                throw new IllegalArgumentException("Unknown read model " + name + " (known: " + String.join(", ", readModels()) + ", all)");
            }
            chosen.add(readModel);
        }
        return rebuild(chosen, switchWhenCaughtUp, progress);
    }

    private Outcome rebuild(List<ReadModel> readModels, boolean switchWhenCaughtUp, Consumer<Progress> progress) throws SQLException {
        try (Connection lock = dataSource.getConnection()) {
            JdbcTemplate locking = new JdbcTemplate(new SingleConnectionDataSource(lock, true));
            if (!Boolean.TRUE.equals(locking.queryForObject("SELECT pg_try_advisory_lock(?)", Boolean.class, LOCK_KEY))) {
                throw new IllegalStateException("Another rebuild is running (on this node or another)");
            }
            List<RebuildWorker> workers = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(readModels.size(), runnable -> {
                Thread thread = new Thread(runnable, "rebuild");
                thread.setDaemon(true);
                return thread;
            });
            try {
                JdbcTemplate live = new JdbcTemplate(dataSource);
                ShadowSchema.prepare(live, readModels);
                for (ReadModel readModel : readModels) {
                    workers.add(new RebuildWorker(readModel, dataSource, live));
                }
                long started = System.nanoTime();
                catchUp(threads, workers, LiveHead.of(live), started, progress);
                for (int attempt = 1; ; attempt++) {
                    try (Connection finish = dataSource.getConnection()) {
                        finish.setAutoCommit(false);
                        JdbcTemplate locked = new JdbcTemplate(new SingleConnectionDataSource(finish, true));
                        List<String> tables = readModels.stream().flatMap(p -> p.tables().stream()).toList();
                        progress.accept(new Progress(done(workers), total(workers, LiveHead.of(live)), 0, Duration.ZERO, "locking the live tables"));
                        // a writer holding one of these tables while it waits for another must not deadlock with us:
                        // we give up quickly (before PostgreSQL's deadlock check would abort the writer) and try again
                        locked.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT_MS + "ms'");
                        try {
                            // writers (and a streaming processor's batch, which reads its watermark FOR SHARE) wait from here to the
                            // commit; readers go on reading the committed rows
                            locked.execute("LOCK TABLE " + String.join(", ", tables.stream().map(t -> "public." + t).toList())
                                    + " IN EXCLUSIVE MODE");
                        } catch (org.springframework.dao.DataAccessException busy) {
                            finish.rollback();
                            if (attempt >= LOCK_ATTEMPTS) {
                                throw new IllegalStateException("The live tables stayed busy through " + LOCK_ATTEMPTS
                                        + " attempts to switch; nothing was switched, run the rebuild again", busy);
                            }
                            Thread.sleep(50L * attempt);
                            catchUp(threads, workers, LiveHead.of(live), started, progress);
                            continue;
                        }
                        locked.execute("SET LOCAL lock_timeout = 0");
                        long last = LiveHead.of(locked);
                        if (!switchWhenCaughtUp && !LiveHead.streamingCaughtUp(locked, readModels, last)) {
                            // a streaming read model is compared once its processor has reached the head; it cannot
                            // while we hold its tables, so let it run and look again
                            finish.rollback();
                            if (attempt >= LOCK_ATTEMPTS) {
                                throw new IllegalStateException("A streaming read model's processor did not reach the head of the "
                                        + "event store through " + LOCK_ATTEMPTS + " attempts to verify; run verify again");
                            }
                            Thread.sleep(50L * attempt);
                            catchUp(threads, workers, LiveHead.of(live), started, progress);
                            continue;
                        }
                        catchUp(threads, workers, last, started, progress);
                        List<String> differences = ShadowSchema.differences(locked, tables, 20);
                        if (switchWhenCaughtUp) {
                            ShadowSchema.switchInto(locked, tables, readModels);
                        }
                        finish.commit();
                        long events = total(workers, last);
                        progress.accept(new Progress(events, events, 0, Duration.ZERO, switchWhenCaughtUp ? "switched" : "verified"));
                        return new Outcome(events, differences, switchWhenCaughtUp);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Rebuild interrupted; it resumes from its saved position when run again", e);
            } finally {
                threads.shutdownNow();
                // a worker may be inside its batch's transaction: its connection is released once it has stopped
                boolean stopped = awaitStopped(threads);
                for (RebuildWorker worker : workers) {
                    worker.release(stopped);
                }
                locking.queryForObject("SELECT pg_advisory_unlock(?)", Boolean.class, LOCK_KEY);
            }
        }
    }

    /**
     * Every worker up to {@code head}: the events are read once, a batch at a time, and each batch is applied by every
     * read model side by side (the work is mostly waiting for PostgreSQL's answers, which overlap); the next batch is read
     * meanwhile. Progress every second, as far as the slowest read model got.
     */
    private void catchUp(ExecutorService threads, List<RebuildWorker> workers, long head, long started, Consumer<Progress> progress)
            throws InterruptedException {
        // from what the slowest read model holds, its gaps included: an event that commits late (its index was taken
        // before others that committed first) is read when it appears, not skipped for good
        TrackingToken token = workers.get(0).token;
        for (RebuildWorker worker : workers) {
            token = token == null || worker.token == null ? null : token.lowerBound(worker.token);
        }
        long lastReport = System.nanoTime();
        // nothing new costs one query: gaps (a fresh token has one) make the question worth asking every time
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(token, false)) {
            EventBatches batches = new EventBatches(events.iterator(), (GapAwareTrackingToken) token);
            List<EventBatches.Indexed> batch = batches.next(head);
            while (!batch.isEmpty()) {
                List<EventBatches.Indexed> current = batch;
                List<Future<?>> running = new ArrayList<>();
                for (RebuildWorker worker : workers) {
                    running.add(threads.submit(() -> worker.apply(current)));
                }
                batch = batches.next(head);
                awaitAll(running);
                if (System.nanoTime() - lastReport > 1_000_000_000L) {
                    lastReport = System.nanoTime();
                    progress.accept(progress(done(workers), total(workers, head), started));
                }
            }
        }
        for (RebuildWorker worker : workers) {
            // the head may be a gap no event fills: the distance is covered all the same (for progress; gaps stay in the token)
            worker.position = Math.max(worker.position, head);
        }
        progress.accept(progress(done(workers), total(workers, head), started));
    }

    /** Whether every worker stopped within a minute (a batch takes about a second). */
    private static boolean awaitStopped(ExecutorService threads) {
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        boolean stopped = false;
        while (!stopped && System.nanoTime() < deadline) {
            try {
                stopped = threads.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return stopped;
    }

    private static void awaitAll(List<Future<?>> running) throws InterruptedException {
        for (Future<?> work : running) {
            try {
                work.get();
            } catch (ExecutionException failed) {
                running.forEach(other -> other.cancel(true));
                throw failed.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("Rebuild failed", failed.getCause());
            }
        }
    }

    /** Events covered by the slowest read model since this run started. */
    private static long done(List<RebuildWorker> workers) {
        return workers.stream().mapToLong(w -> Math.max(0, w.position - w.first)).min().orElse(0);
    }

    private static long total(List<RebuildWorker> workers, long head) {
        return workers.stream().mapToLong(w -> head - w.first).max().orElse(0);
    }

    private static Progress progress(long done, long total, long started) {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        double rate = done / seconds;
        long left = rate > 0 ? (long) ((total - done) / rate) : 0;
        return new Progress(done, total, rate, Duration.ofSeconds(Math.max(0, left)), "replaying");
    }
}
