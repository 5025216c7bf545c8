package io.darkroom.infrastructure.optimizer.mapping;

import io.darkroom.application.optimizer.mapping.MappingEngine;
import io.darkroom.application.optimizer.mapping.MappingEnvironment;
import io.darkroom.application.optimizer.mapping.MappingFailure;
import io.darkroom.application.optimizer.mapping.MappingRequest;
import io.darkroom.application.optimizer.mapping.MappingResult;
import io.darkroom.application.support.DarkroomException;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Mapping functions in GraalJS's constrained sandbox: no host access, no IO, no threads, output discarded. One shared
 * {@link Engine}; contexts are single-threaded, so each call borrows one, and each holds one function's code only (a
 * function never sees another's globals). Bounds, since the community edition cannot cap a context's heap: the code's
 * size, the calls running at once ({@code parallel}), and each call's time: a watchdog interrupts it at the deadline and
 * closes the context if the interrupt does not land. A context that failed in any way is closed, never reused.
 */
public class GraalMappingEngine implements MappingEngine, AutoCloseable {
    private static final int IDLE_CONTEXTS = 64;
    private static final long STATEMENT_LIMIT = 5_000_000;
    private static final int WALL_FACTOR = 10;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    /** Loading runs the code's top level once: a new context's first evaluation takes longer than a call. */
    private static final Duration LOAD_DEADLINE = Duration.ofSeconds(1);
    /** Wraps the code so that its {@code map} stays private to the context (its first line stays line 1); the answer is checked in Java. */
    private static final String PREFIX = "(function(){";
    private static final String SUFFIX = "\n;\nreturn typeof map === 'function' ? map : undefined;\n})()";
    private static final MappingRequest SAMPLE_REQUEST = new MappingRequest("sample/path/image.jpg", Map.of("tx", "w_100"),
            Map.of("accept", "image/webp,*/*"), "sample.mo.localhost");
    private static final MappingEnvironment SAMPLE_ENVIRONMENT = new MappingEnvironment("sample", "", "sample", "sample");
    private static final java.util.List<String> FIELDS = java.util.List.of("fwd_key", "media_key", "transformation", "resource_type");

    /** Built and warmed on a thread of its own (see {@link #warmUp}). */
    private final java.util.concurrent.CompletableFuture<Engine> engine = new java.util.concurrent.CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean warming = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.function.LongConsumer executions;
    private final Duration deadline;
    private final Semaphore running;
    private final Duration queueWait;
    private final ScheduledExecutorService watchdog;
    private final Map<String, Deque<Loaded>> idle = new LinkedHashMap<>(16, 0.75f, true);
    private int idleCount;

    private record Loaded(Context context, Value function) {
    }

    public GraalMappingEngine(Duration deadline, int parallel, Duration queueWait) {
        this(deadline, parallel, queueWait, nanos -> { });
    }

    /** {@code executions} hears how long each call's guest code ran (the call itself: no waiting for a turn or a context). */
    public GraalMappingEngine(Duration deadline, int parallel, Duration queueWait, java.util.function.LongConsumer executions) {
        this.executions = executions;
        this.deadline = deadline;
        this.running = new Semaphore(parallel);
        this.queueWait = queueWait;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mapping-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Builds the engine and pays its slow first evaluation (about a second of CPU) on a thread of its own; called once
     * Darkroom serves, so it does not slow the start on a small machine, and by the first mapping call if that comes sooner.
     */
    public void warmUp() {
        if (!warming.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                Engine built = Engine.newBuilder("js").sandbox(SandboxPolicy.CONSTRAINED).out(OutputStream.nullOutputStream())
                        .err(OutputStream.nullOutputStream()).option("engine.WarnInterpreterOnly", "false").build();
                Context warm = newContext(built);
                try {
                    warm.eval("js", PREFIX + "function map(r, e) { return {}; }" + SUFFIX);
                } finally {
                    warm.close(true);
                }
                engine.complete(built);
            } catch (Throwable failure) {
                engine.completeExceptionally(failure);
            }
        }, "mapping-engine-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private Engine engine() {
        warmUp();
        return engine.join();
    }

    @Override
    public void compile(String code) {
        Loaded loaded;
        try {
            loaded = guarded(code);
        } catch (MappingFailure failure) {
            throw DarkroomException.badRequest("Invalid mapping function: " + failure.getMessage());
        }
        release(key(code), loaded);
    }

    @Override
    public MappingResult map(String code, MappingRequest request, MappingEnvironment environment) {
        String key = key(code);
        acquire();
        try {
            Loaded loaded = borrow(key);
            if (loaded == null) {
                loaded = watched(null, LOAD_DEADLINE, context -> load(context, code));
            }
            Loaded current = loaded;
            long started = System.nanoTime();
            MappingResult result = watched(current.context(), deadline, context -> shape(current.function().execute(
                    requestObject(request), environmentObject(environment))));
            executions.accept(System.nanoTime() - started);
            release(key, current);
            return result;
        } finally {
            running.release();
        }
    }

    /** Loads the code in a new context within the bound on calls running at once. */
    private Loaded guarded(String code) {
        acquire();
        try {
            return watched(null, LOAD_DEADLINE, context -> load(context, code));
        } finally {
            running.release();
        }
    }

    private void acquire() {
        try {
            if (!running.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new MappingFailure("too many mapping functions running; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MappingFailure("interrupted while waiting to run the mapping function");
        }
    }

    /**
     * Runs guest code in {@code existing} (or a new context) under {@code limit}; on any failure the context is closed and
     * the failure said plainly.
     */
    private <T> T watched(Context existing, Duration limit, java.util.function.Function<Context, T> work) {
        Context context = existing == null ? newContext() : existing;
        Alarm alarm = new Alarm(context, Thread.currentThread().getId(), limit);
        try {
            context.resetLimits();
            return work.apply(context);
        } catch (PolyglotException e) {
            closeQuietly(context);
            throw failure(e, limit);
        } catch (MappingFailure | IllegalStateException e) {
            closeQuietly(context);
            throw e instanceof MappingFailure failure ? failure : new MappingFailure("the mapping function was stopped");
        } finally {
            alarm.cancel();
        }
    }

    /**
     * Stops a call once its thread has spent {@code limit} of CPU on it, or {@value #WALL_FACTOR} times that in wall time
     * (a call blocked or starved that long is given up too). CPU time, not wall time, is the budget: on a busy machine a
     * thread waits for a core, and a wall-clock deadline would stop well-behaved functions for the machine's load.
     */
    private final class Alarm implements Runnable {
        private final Context context;
        private final long threadId;
        private final long limitNanos;
        private final long cpuStart;
        private final long wallStart = System.nanoTime();
        private volatile boolean done;
        private volatile ScheduledFuture<?> next;

        Alarm(Context context, long threadId, Duration limit) {
            this.context = context;
            this.threadId = threadId;
            this.limitNanos = limit.toNanos();
            this.cpuStart = cpuTime(threadId);
            this.next = watchdog.schedule(this, limitNanos, TimeUnit.NANOSECONDS);
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
            next = watchdog.schedule(this, Math.max(1_000_000, limitNanos - cpu), TimeUnit.NANOSECONDS);
        }

        void cancel() {
            done = true;
            next.cancel(false);
        }
    }

    private static long cpuTime(long threadId) {
        return THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(threadId) : -1;
    }

    private Context newContext() {
        return newContext(engine());
    }

    private static Context newContext(Engine engine) {
        Context context = Context.newBuilder("js").engine(engine).sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HostAccess.CONSTRAINED).allowHostClassLookup(name -> false)
                .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream())
                .option("js.load", "false").option("js.print", "false").option("js.console", "false")
                .option("js.graal-builtin", "false")
                .resourceLimits(ResourceLimits.newBuilder().statementLimit(STATEMENT_LIMIT, null).build())
                .build();
        context.eval("js", "delete globalThis.Java; delete globalThis.Packages; delete globalThis.java; delete globalThis.javax;");
        return context;
    }

    /**
     * Evaluates the wrapped code in a context just made, and calls it once on a sample request (its answer, or what it
     * throws, does not matter): a context's first call runs its code cold, many times slower than the deadline allows on
     * a busy machine, so that cost is paid here under the load deadline. Code that runs away on the sample is refused.
     */
    private static Loaded load(Context context, String code) {
        Value function = context.eval(Source.newBuilder("js", PREFIX + code + SUFFIX, "mapping-function.js").cached(true).buildLiteral());
        if (!function.canExecute()) {
            throw new MappingFailure("the code must define function map(request, environment)");
        }
        try {
            shape(function.execute(requestObject(SAMPLE_REQUEST), environmentObject(SAMPLE_ENVIRONMENT)));
        } catch (MappingFailure badShapeOnTheSample) {
            // only its running matters here
        } catch (PolyglotException e) {
            if (e.isInterrupted() || e.isCancelled() || e.isResourceExhausted() || !e.isGuestException()) {
                throw e;
            }
        }
        return new Loaded(context, function);
    }

    private static void stop(Context context) {
        if (context == null) {
            return;
        }
        try {
            context.interrupt(Duration.ofMillis(100));
        } catch (TimeoutException | RuntimeException notInterrupted) {
            closeQuietly(context);
        }
    }

    private static void closeQuietly(Context context) {
        if (context == null) {
            return;
        }
        try {
            context.close(true);
        } catch (RuntimeException alreadyGone) {
            // closed by the watchdog, or cancelled mid-call: nothing left to free
        }
    }

    private static MappingFailure failure(PolyglotException e, Duration limit) {
        if (e.isInterrupted() || e.isCancelled()) {
            return new MappingFailure("the mapping function ran longer than " + limit.toMillis() + " ms of CPU time and was stopped");
        }
        if (e.isResourceExhausted()) {
            return new MappingFailure("the mapping function exhausted its resources (" + e.getMessage() + ")");
        }
        if (e.isSyntaxError()) {
            int line = e.getSourceLocation() == null ? 0 : e.getSourceLocation().getStartLine();
            return new MappingFailure("syntax error at line " + line + ": " + e.getMessage());
        }
        if (e.isGuestException()) {
            String where = e.getSourceLocation() == null ? "" : " at line " + e.getSourceLocation().getStartLine();
            return new MappingFailure("the mapping function threw" + where + ": " + e.getMessage());
        }
        return new MappingFailure("the mapping function failed: " + e.getMessage());
    }

    /** The request as the function sees it: fresh objects per call (a function may change them; nothing else sees that). */
    private static ProxyObject requestObject(MappingRequest request) {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("path", request.path());
        req.put("query", ProxyObject.fromMap(new LinkedHashMap<>(request.query())));
        req.put("headers", ProxyObject.fromMap(new LinkedHashMap<>(request.headers())));
        req.put("host", request.host());
        return ProxyObject.fromMap(req);
    }

    private static ProxyObject environmentObject(MappingEnvironment environment) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("pathPrefix", environment.pathPrefix() == null ? "" : environment.pathPrefix());
        env.put("defaultTransformation", environment.defaultTransformation() == null ? "" : environment.defaultTransformation());
        env.put("cloudName", environment.cloudName());
        env.put("deliveryProfileId", environment.profileId());
        return ProxyObject.fromMap(env);
    }

    /** The answer's four fields as strings (read inside the deadline: a getter is guest code too), or why not. */
    private static MappingResult shape(Value answer) {
        if (answer == null || answer.isNull() || !answer.hasMembers() || answer.canExecute()) {
            throw new MappingFailure("map returned " + describe(answer) + ", not an object");
        }
        Value then = answer.getMember("then");
        if (then != null && then.canExecute()) {
            throw new MappingFailure("map returned a Promise: it must return the object itself");
        }
        String[] values = new String[FIELDS.size()];
        for (int i = 0; i < values.length; i++) {
            Value value = answer.getMember(FIELDS.get(i));
            if (value == null || value.isNull() || !(value.isString() || value.isNumber() || value.isBoolean())) {
                throw new MappingFailure("map returned no string " + FIELDS.get(i));
            }
            values[i] = value.isString() ? value.asString() : value.toString();
        }
        return new MappingResult(values[0], values[1], values[2], values[3]);
    }

    private static String describe(Value value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isString()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        return value.canExecute() ? "a function" : "a value";
    }

    private synchronized Loaded borrow(String key) {
        Deque<Loaded> contexts = idle.get(key);
        if (contexts == null || contexts.isEmpty()) {
            return null;
        }
        idleCount--;
        return contexts.pop();
    }

    /** Keeps a context for its code's next call, closing the least recently used ones past {@link #IDLE_CONTEXTS}. */
    private synchronized void release(String key, Loaded loaded) {
        idle.computeIfAbsent(key, k -> new ArrayDeque<>()).push(loaded);
        idleCount++;
        Iterator<Map.Entry<String, Deque<Loaded>>> oldest = idle.entrySet().iterator();
        while (idleCount > IDLE_CONTEXTS && oldest.hasNext()) {
            Deque<Loaded> contexts = oldest.next().getValue();
            while (!contexts.isEmpty() && idleCount > IDLE_CONTEXTS) {
                closeQuietly(contexts.pollLast().context());
                idleCount--;
            }
            if (contexts.isEmpty()) {
                oldest.remove();
            }
        }
    }

    private static String key(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public synchronized void close() {
        watchdog.shutdownNow();
        idle.values().forEach(contexts -> contexts.forEach(loaded -> closeQuietly(loaded.context())));
        idle.clear();
        if (engine.isDone() && !engine.isCompletedExceptionally()) {
            engine.join().close(true);
        }
    }
}
