package io.darkroom.infrastructure.rebuild;

import com.zaxxer.hikari.HikariDataSource;
import io.darkroom.application.rebuild.ReadModelRebuild;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Rebuilds read models from the event store while Darkroom keeps serving. The projections' own
 * handlers write into shadow copies of their tables (schema {@code darkroom_rebuild}, reached through
 * a connection whose {@code search_path} is that schema, so the same SQL writes there), in batches
 * of {@link #BATCH} events per transaction with the position committed alongside: an interrupted
 * rebuild resumes where it stopped. When it has caught up, it locks the live tables against writers
 * (readers go on reading, by MVCC), applies the last events, and then either replaces the live rows
 * with the rebuilt ones in the same transaction ({@code switch}) or lists every row that differs
 * ({@code verify}). The events are read once and the read models are rebuilt from them side by side, each on its own
 * connection with its own saved position. A PostgreSQL advisory lock lets one node rebuild at a time.
 */
public class OnlineRebuild implements ReadModelRebuild {
    public static final String SCHEMA = "darkroom_rebuild";
    static final int BATCH = 2000;
    private static final long LOCK_KEY = 0x6461726b726f6f6dL;
    /** How long one attempt to lock the live tables waits: well below PostgreSQL's deadlock_timeout (1 s). */
    private static final int LOCK_WAIT_MS = 250;
    private static final int LOCK_ATTEMPTS = 100;
    /** Gaps further behind than this many events are given up (a transaction that long is gone), as Axon's processors do. */
    private static final int MAX_GAP_OFFSET = 10_000;

    /**
     * A read model: its name, its tables, and its handlers bound to a JdbcTemplate (and the transactions of its connection).
     * {@code processor} names the streaming processor that keeps it live, or is null for one updated in the writers'
     * transactions: a streaming one must skip, after a switch, the events the rebuilt tables hold (usage keeps a watermark).
     */
    public record Projection(String name, List<String> tables, List<String> scratchTables,
                             Function<Shadow, Object> handlers, String processor, boolean uniqueIndexesOnly) {
        public Projection(String name, List<String> tables, List<String> scratchTables, Function<Shadow, Object> handlers,
                          String processor) {
            this(name, tables, scratchTables, handlers, processor, false);
        }

        public Projection(String name, List<String> tables, List<String> scratchTables, Function<Shadow, Object> handlers) {
            this(name, tables, scratchTables, handlers, null, false);
        }

        /**
         * For a read model whose handlers find rows only through unique indexes (or only insert): its shadow tables carry
         * only those. The others serve the API's reads, which never touch a shadow table (a switch copies the rows into
         * the live, fully indexed, tables), and keeping them up to date row by row was most of a rebuild's cost.
         */
        public Projection withUniqueIndexesOnly() {
            return new Projection(name, tables, scratchTables, handlers, processor, true);
        }
    }

    /** What a projection's handlers are given: the shadow connection's JdbcTemplate and transactions. */
    public record Shadow(JdbcTemplate jdbc, TransactionTemplate transactions) {
    }

    private final DataSource dataSource;
    private final EventStorageEngine storage;
    private final java.util.Map<String, Projection> projections = new java.util.LinkedHashMap<>();

    public OnlineRebuild(DataSource dataSource, EventStorageEngine storage, List<Projection> projections) {
        this.dataSource = dataSource;
        this.storage = storage;
        projections.forEach(p -> this.projections.put(p.name(), p));
    }

    @Override
    public List<String> readModels() {
        return List.copyOf(projections.keySet());
    }

    @Override
    public Outcome run(List<String> names, boolean switchWhenCaughtUp, Consumer<Progress> progress) throws SQLException {
        List<Projection> chosen = new ArrayList<>();
        for (String name : names) {
            Projection projection = this.projections.get(name);
            if (projection == null) {
                throw new IllegalArgumentException("Unknown read model " + name + " (known: " + String.join(", ", readModels()) + ", all)");
            }
            chosen.add(projection);
        }
        return rebuild(chosen, switchWhenCaughtUp, progress);
    }

    /**
     * One read model's rebuild: its own shadow connection, handlers and saved position, so read models are rebuilt side by
     * side and each resumes where it stopped.
     */
    private final class Worker {
        final Projection projection;
        final Connection connection;
        final Shadow shadow;
        final AnnotationEventHandlerAdapter handlers;
        final long first;
        /** The events this read model holds: every one up to its index but its gaps (events not committed when read past). */
        volatile GapAwareTrackingToken token;
        /** How far it got, for progress only. */
        volatile long position;

        Worker(Projection projection, JdbcTemplate live) throws SQLException {
            this.projection = projection;
            this.connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                statement.execute("SET search_path TO " + SCHEMA);
            }
            SingleConnectionDataSource source = new SingleConnectionDataSource(connection, true);
            this.shadow = new Shadow(new JdbcTemplate(source), new TransactionTemplate(new DataSourceTransactionManager(source)));
            this.handlers = new AnnotationEventHandlerAdapter(projection.handlers().apply(shadow));
            GapAwareTrackingToken saved = live.query("SELECT position, gaps FROM " + SCHEMA + ".rebuild_progress WHERE projections = ?",
                    rs -> rs.next() ? GapAwareTrackingToken.newInstance(rs.getLong(1), Arrays.asList((Long[]) rs.getArray(2).getArray()))
                            : null, projection.name());
            if (saved == null) {
                shadow.transactions().executeWithoutResult(status -> handlers.prepareReset());
            }
            this.token = saved;
            this.first = saved == null ? -1 : saved.getIndex();
            this.position = first;
        }

        boolean holds(Indexed event) {
            return token != null && event.index() <= token.getIndex() && !token.getGaps().contains(event.index());
        }

        /** The batch's events this read model does not hold yet, in one transaction with what it then holds. */
        void apply(List<Indexed> batch) {
            List<Indexed> unseen = batch.stream().filter(event -> !holds(event)).toList();
            if (unseen.isEmpty()) {
                return;
            }
            GapAwareTrackingToken reached = token == null ? GapAwareTrackingToken.newInstance(-1, Collections.emptySet()) : token;
            for (Indexed event : unseen) {
                reached = reached.advanceTo(event.index(), MAX_GAP_OFFSET);
            }
            GapAwareTrackingToken after = reached;
            shadow.transactions().executeWithoutResult(status -> {
                applyBatch(handlers, unseen.stream().<TrackedEventMessage<?>>map(Indexed::event).toList());
                shadow.jdbc().update("""
                        INSERT INTO rebuild_progress (projections, position, gaps) VALUES (?, ?, ?)
                        ON CONFLICT (projections) DO UPDATE SET position = EXCLUDED.position, gaps = EXCLUDED.gaps""",
                        projection.name(), after.getIndex(), after.getGaps().toArray(Long[]::new));
            });
            token = after;
            position = Math.max(position, after.getIndex());
        }

        /**
         * Back to the pool with the live search_path, or out of it: a pooled connection still pointing at the shadow
         * schema would send the next borrower's statements to the wrong tables. One its worker may still be using is
         * evicted at once.
         */
        void release(boolean idle) throws SQLException {
            try {
                if (!idle) {
                    throw new IllegalStateException("the worker did not stop");
                }
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                try (var statement = connection.createStatement()) {
                    statement.execute("RESET search_path");
                }
            } catch (SQLException | RuntimeException e) {
                if (dataSource.isWrapperFor(HikariDataSource.class)) {
                    dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
                    return;
                }
                // not pooled: closing it ends its session for good
            }
            connection.close();
        }
    }

    private Outcome rebuild(List<Projection> projections, boolean switchWhenCaughtUp, Consumer<Progress> progress) throws SQLException {
        try (Connection lock = dataSource.getConnection()) {
            JdbcTemplate locking = new JdbcTemplate(new SingleConnectionDataSource(lock, true));
            if (!Boolean.TRUE.equals(locking.queryForObject("SELECT pg_try_advisory_lock(?)", Boolean.class, LOCK_KEY))) {
                throw new IllegalStateException("Another rebuild is running (on this node or another)");
            }
            List<Worker> workers = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(projections.size(), runnable -> {
                Thread thread = new Thread(runnable, "rebuild");
                thread.setDaemon(true);
                return thread;
            });
            try {
                JdbcTemplate live = new JdbcTemplate(dataSource);
                prepare(live, projections);
                for (Projection projection : projections) {
                    workers.add(new Worker(projection, live));
                }
                long started = System.nanoTime();
                catchUp(threads, workers, head(live), started, progress);
                for (int attempt = 1; ; attempt++) {
                    try (Connection finish = dataSource.getConnection()) {
                        finish.setAutoCommit(false);
                        JdbcTemplate locked = new JdbcTemplate(new SingleConnectionDataSource(finish, true));
                        List<String> tables = projections.stream().flatMap(p -> p.tables().stream()).toList();
                        progress.accept(new Progress(done(workers), total(workers, head(live)), 0, Duration.ZERO, "locking the live tables"));
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
                            catchUp(threads, workers, head(live), started, progress);
                            continue;
                        }
                        locked.execute("SET LOCAL lock_timeout = 0");
                        long last = head(locked);
                        if (!switchWhenCaughtUp && !streamingCaughtUp(locked, projections, last)) {
                            // a streaming read model is compared once its processor has reached the head; it cannot
                            // while we hold its tables, so let it run and look again
                            finish.rollback();
                            if (attempt >= LOCK_ATTEMPTS) {
                                throw new IllegalStateException("A streaming read model's processor did not reach the head of the "
                                        + "event store through " + LOCK_ATTEMPTS + " attempts to verify; run verify again");
                            }
                            Thread.sleep(50L * attempt);
                            catchUp(threads, workers, head(live), started, progress);
                            continue;
                        }
                        catchUp(threads, workers, last, started, progress);
                        List<String> differences = differences(locked, tables, 20);
                        if (switchWhenCaughtUp) {
                            for (String table : tables) {
                                locked.execute("DELETE FROM public." + table);
                                locked.execute("INSERT INTO public." + table + " SELECT * FROM " + SCHEMA + "." + table);
                            }
                            for (Projection projection : projections) {
                                locked.update("DELETE FROM " + SCHEMA + ".rebuild_progress WHERE projections = ?", projection.name());
                            }
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
                for (Worker worker : workers) {
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
    private void catchUp(ExecutorService threads, List<Worker> workers, long head, long started, Consumer<Progress> progress)
            throws InterruptedException {
        // from what the slowest read model holds, its gaps included: an event that commits late (its index was taken
        // before others that committed first) is read when it appears, not skipped for good
        TrackingToken token = workers.get(0).token;
        for (Worker worker : workers) {
            token = token == null || worker.token == null ? null : token.lowerBound(worker.token);
        }
        long lastReport = System.nanoTime();
        // nothing new costs one query: gaps (a fresh token has one) make the question worth asking every time
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(token, false)) {
            Reader reader = new Reader(events.iterator(), (GapAwareTrackingToken) token);
            List<Indexed> batch = reader.nextBatch(head);
            while (!batch.isEmpty()) {
                List<Indexed> current = batch;
                List<Future<?>> running = new ArrayList<>();
                for (Worker worker : workers) {
                    running.add(threads.submit(() -> worker.apply(current)));
                }
                batch = reader.nextBatch(head);
                awaitAll(running);
                if (System.nanoTime() - lastReport > 1_000_000_000L) {
                    lastReport = System.nanoTime();
                    progress.accept(progress(done(workers), total(workers, head), started));
                }
            }
        }
        for (Worker worker : workers) {
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

    /** An event and its own global index. */
    private record Indexed(TrackedEventMessage<?> event, long index) {
    }

    /**
     * The store's events in order, each with its own global index. An event that fills a gap carries the token of the
     * furthest event read (its index unchanged, the gap gone), so its index is the gap that went.
     */
    private static final class Reader {
        private final Iterator<? extends TrackedEventMessage<?>> iterator;
        private GapAwareTrackingToken last;
        private boolean done;

        Reader(Iterator<? extends TrackedEventMessage<?>> iterator, GapAwareTrackingToken start) {
            this.iterator = iterator;
            this.last = start;
        }

        /** Up to {@value #BATCH} events, none after {@code head}. */
        List<Indexed> nextBatch(long head) {
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
    private static long done(List<Worker> workers) {
        return workers.stream().mapToLong(w -> Math.max(0, w.position - w.first)).min().orElse(0);
    }

    private static long total(List<Worker> workers, long head) {
        return workers.stream().mapToLong(w -> head - w.first).max().orElse(0);
    }

    /** The shadow schema and a copy of each table (structure, defaults, indexes), and the progress table. */
    private static void prepare(JdbcTemplate live, List<Projection> projections) {
        Integer logged = live.queryForObject("""
                SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relkind = 'r' AND c.relpersistence = 'p'""", Integer.class, SCHEMA);
        if (logged != null && logged > 0) {
            // left by a version that logged its shadow tables: mixed with unlogged ones a crash could keep positions
            // whose rows are gone, so that rebuild starts over
            live.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
        live.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        // unlogged: no WAL for rows that are scratch until the switch copies them into the live (logged) tables. A crash
        // empties every unlogged table, the positions with the rows, so the rebuild then starts over, never from a
        // position whose rows are gone
        live.execute("CREATE UNLOGGED TABLE IF NOT EXISTS " + SCHEMA
                + ".rebuild_progress (projections TEXT PRIMARY KEY, position BIGINT NOT NULL, gaps BIGINT[] NOT NULL DEFAULT '{}')");
        live.execute("ALTER TABLE " + SCHEMA + ".rebuild_progress ADD COLUMN IF NOT EXISTS gaps BIGINT[] NOT NULL DEFAULT '{}'");
        for (Projection projection : projections) {
            for (String table : projection.tables()) {
                createShadow(live, table, projection.uniqueIndexesOnly());
            }
            for (String table : projection.scratchTables()) {
                createShadow(live, table, false);
            }
        }
    }

    /** The shadow copy of a live table (structure, defaults), with all its indexes or only its unique ones. */
    private static void createShadow(JdbcTemplate live, String table, boolean uniqueIndexesOnly) {
        if (Boolean.TRUE.equals(live.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, SCHEMA + "." + table))) {
            return;
        }
        if (!uniqueIndexesOnly) {
            live.execute("CREATE UNLOGGED TABLE " + SCHEMA + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
            return;
        }
        live.execute("CREATE UNLOGGED TABLE " + SCHEMA + "." + table + " (LIKE public." + table + " INCLUDING ALL EXCLUDING INDEXES)");
        uniqueIndexes(live, table).forEach(live::execute);
    }

    /** The live table's unique indexes, as statements creating them on its shadow copy. */
    private static List<String> uniqueIndexes(JdbcTemplate live, String table) {
        return live.queryForList("""
                        SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                        WHERE i.indrelid = ('public.' || ?)::regclass AND i.indisunique ORDER BY i.indexrelid""",
                        String.class, table).stream()
                .map(definition -> definition.replace(" ON public.", " ON " + SCHEMA + "."))
                .toList();
    }

    /**
     * One batch in a unit of work, as a streaming processor runs it: projections that gather a batch's writes (usage's day
     * totals) write them once as it commits, inside the caller's transaction.
     */
    private static void applyBatch(AnnotationEventHandlerAdapter handlers, List<TrackedEventMessage<?>> events) {
        DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        try {
            for (TrackedEventMessage<?> event : events) {
                if (handlers.canHandle(event)) {
                    handle(handlers, event);
                }
            }
            unit.commit();
        } catch (RuntimeException e) {
            if (unit.isActive()) {
                unit.rollback(e);
            }
            throw e;
        }
    }

    private static Progress progress(long done, long total, long started) {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        double rate = done / seconds;
        long left = rate > 0 ? (long) ((total - done) / rate) : 0;
        return new Progress(done, total, rate, Duration.ofSeconds(Math.max(0, left)), "replaying");
    }

    private static void handle(AnnotationEventHandlerAdapter handler, TrackedEventMessage<?> event) {
        try {
            handler.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException("Rebuild failed at event " + event.getIdentifier(), e);
        }
    }

    /** Whether every streaming processor among the projections has handled the events up to {@code head}. */
    private static boolean streamingCaughtUp(JdbcTemplate jdbc, List<Projection> projections, long head) {
        for (Projection projection : projections) {
            if (projection.processor() != null) {
                // the token as Axon's Jackson serializer stores it: {"index": ..., "gaps": [...]}; every segment must be there
                Long behind = jdbc.queryForObject("""
                        SELECT count(*) FROM token_entry WHERE processor_name = ?
                           AND (token IS NULL OR (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint < ?)""",
                        Long.class, projection.processor(), head);
                if (behind == null || behind > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static long head(JdbcTemplate jdbc) {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM public.domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** Rows in one side only, as JSON, at most {@code limit} per table and direction. */
    private static List<String> differences(JdbcTemplate jdbc, List<String> tables, int limit) {
        List<String> differences = new ArrayList<>();
        for (String table : Set.copyOf(tables).stream().sorted().toList()) {
            for (String[] sides : new String[][] {{"public", SCHEMA, "live only"}, {SCHEMA, "public", "rebuilt only"}}) {
                jdbc.query("SELECT row_to_json(d)::text FROM (SELECT * FROM " + sides[0] + "." + table + " EXCEPT ALL SELECT * FROM "
                        + sides[1] + "." + table + ") d LIMIT " + limit, rs -> {
                    differences.add(table + " (" + sides[2] + "): " + rs.getString(1));
                });
            }
        }
        return differences;
    }
}
