package io.darkroom.infrastructure.optimizer.mapping;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Idle contexts, each holding one function's code loaded, kept per code for its next call (a context is single-threaded:
 * a call borrows one and gives it back); the least recently used are closed past {@value #IDLE_CONTEXTS}.
 */
final class ContextPool {
    private static final int IDLE_CONTEXTS = 64;

    /** A context and the {@code map} function its code defined. */
    record Loaded(Context context, Value function) {
    }

    private final Map<String, Deque<Loaded>> idle = new LinkedHashMap<>(16, 0.75f, true);
    private int idleCount;

    /** The pool's key for {@code code}: its SHA-256, so the pool never holds the code itself twice. */
    static String key(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** An idle context with the code of {@code key} loaded, or null. */
    synchronized Loaded borrow(String key) {
        Deque<Loaded> contexts = idle.get(key);
        if (contexts == null || contexts.isEmpty()) {
            return null;
        }
        idleCount--;
        return contexts.pop();
    }

    /** Keeps a context for its code's next call, closing the least recently used ones past {@value #IDLE_CONTEXTS}. */
    synchronized void release(String key, Loaded loaded) {
        idle.computeIfAbsent(key, k -> new ArrayDeque<>()).push(loaded);
        idleCount++;
        Iterator<Map.Entry<String, Deque<Loaded>>> oldest = idle.entrySet().iterator();
        while (idleCount > IDLE_CONTEXTS && oldest.hasNext()) {
            Deque<Loaded> contexts = oldest.next().getValue();
            while (!contexts.isEmpty() && idleCount > IDLE_CONTEXTS) {
                discard(contexts.pollLast().context());
                idleCount--;
            }
            if (contexts.isEmpty()) {
                oldest.remove();
            }
        }
    }

    synchronized void close() {
        idle.values().forEach(contexts -> contexts.forEach(loaded -> discard(loaded.context())));
        idle.clear();
        idleCount = 0;
    }

    /** Closes a context that failed or is no longer wanted; one already closed (by the watchdog, say) is fine. */
    static void discard(Context context) {
        if (context == null) {
            return;
        }
        try {
            context.close(true);
        } catch (RuntimeException alreadyGone) {
            // closed by the watchdog, or cancelled mid-call: nothing left to free
        }
    }
}
