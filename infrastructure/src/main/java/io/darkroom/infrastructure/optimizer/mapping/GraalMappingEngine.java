package io.darkroom.infrastructure.optimizer.mapping;

import io.darkroom.application.optimizer.mapping.MappingEngine;
import io.darkroom.application.optimizer.mapping.MappingEnvironment;
import io.darkroom.application.optimizer.mapping.MappingFailure;
import io.darkroom.application.optimizer.mapping.MappingRequest;
import io.darkroom.application.optimizer.mapping.MappingResult;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.infrastructure.optimizer.mapping.ContextPool.Loaded;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Mapping functions in GraalJS's constrained sandbox: no host access, no IO, no threads, output discarded. One shared
 * {@link Engine}; contexts are single-threaded, so each call borrows one, and each holds one function's code only (a
 * function never sees another's globals). Bounds, since the community edition cannot cap a context's heap: the code's
 * size, the calls running at once ({@code parallel}), and each call's time: a watchdog interrupts it at the deadline and
 * closes the context if the interrupt does not land. A context that failed in any way is closed, never reused.
 */
public class GraalMappingEngine implements MappingEngine, AutoCloseable {
    private static final long STATEMENT_LIMIT = 5_000_000;
    /** Loading runs the code's top level once: a new context's first evaluation takes longer than a call. */
    private static final Duration LOAD_DEADLINE = Duration.ofSeconds(1);
    /** Wraps the code so that its {@code map} stays private to the context (its first line stays line 1); the answer is checked in Java. */
    private static final String PREFIX = "(function(){";
    private static final String SUFFIX = "\n;\nreturn typeof map === 'function' ? map : undefined;\n})()";
    private static final MappingRequest SAMPLE_REQUEST = new MappingRequest("sample/path/image.jpg", Map.of("tx", "w_100"),
            Map.of("accept", "image/webp,*/*"), "sample.mo.localhost");
    private static final MappingEnvironment SAMPLE_ENVIRONMENT = new MappingEnvironment("sample", "", "sample", "sample");

    /** Built and warmed on a thread of its own (see {@link #warmUp}). */
    private final java.util.concurrent.CompletableFuture<Engine> engine = new java.util.concurrent.CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean warming = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.function.LongConsumer executions;
    private final Duration deadline;
    private final Semaphore running;
    private final Duration queueWait;
    private final CpuWatchdog watchdog = new CpuWatchdog();
    private final ContextPool pool = new ContextPool();

    public GraalMappingEngine(Duration deadline, int parallel, Duration queueWait) {
        this(deadline, parallel, queueWait, nanos -> { });
    }

    /** {@code executions} hears how long each call's guest code ran (the call itself: no waiting for a turn or a context). */
    public GraalMappingEngine(Duration deadline, int parallel, Duration queueWait, java.util.function.LongConsumer executions) {
        this.executions = executions;
        this.deadline = deadline;
        this.running = new Semaphore(parallel);
        this.queueWait = queueWait;
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
        pool.release(ContextPool.key(code), loaded);
    }

    @Override
    public MappingResult map(String code, MappingRequest request, MappingEnvironment environment) {
        String key = ContextPool.key(code);
        acquire();
        try {
            Loaded loaded = pool.borrow(key);
            if (loaded == null) {
                loaded = watched(null, LOAD_DEADLINE, context -> load(context, code));
            }
            Loaded current = loaded;
            long started = System.nanoTime();
            MappingResult result = watched(current.context(), deadline, context -> GuestValues.result(current.function().execute(
                    GuestValues.request(request), GuestValues.environment(environment))));
            executions.accept(System.nanoTime() - started);
            pool.release(key, current);
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
        CpuWatchdog.Alarm alarm = watchdog.watch(context, limit);
        try {
            context.resetLimits();
            return work.apply(context);
        } catch (PolyglotException e) {
            ContextPool.discard(context);
            throw failure(e, limit);
        } catch (MappingFailure | IllegalStateException e) {
            ContextPool.discard(context);
            throw e instanceof MappingFailure failure ? failure : new MappingFailure("the mapping function was stopped");
        } finally {
            alarm.cancel();
        }
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
            GuestValues.result(function.execute(GuestValues.request(SAMPLE_REQUEST), GuestValues.environment(SAMPLE_ENVIRONMENT)));
        } catch (MappingFailure badShapeOnTheSample) {
            // only its running matters here
        } catch (PolyglotException e) {
            if (e.isInterrupted() || e.isCancelled() || e.isResourceExhausted() || !e.isGuestException()) {
                throw e;
            }
        }
        return new Loaded(context, function);
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

    @Override
    public void close() {
        watchdog.close();
        pool.close();
        if (engine.isDone() && !engine.isCompletedExceptionally()) {
            engine.join().close(true);
        }
    }
}
