package io.darkroom.application.derivation;

import io.darkroom.application.support.DarkroomException;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * This node's bound on derivations computing at once, shared by Admin API deliveries and Media Optimizer variants:
 * a request waits up to {@code wait} for a slot, then gets a 503, so a burst of new URLs queues instead of
 * exhausting memory. Also answers whether the imaging engine is there at all.
 */
public class DerivationSlots {
    private final ImageDeriver deriver;
    private final Semaphore slots;
    private final int parallel;
    private final Duration wait;

    public DerivationSlots(ImageDeriver deriver, int parallel, Duration wait) {
        this.deriver = deriver;
        this.slots = new Semaphore(parallel, true);
        this.parallel = parallel;
        this.wait = wait;
    }

    /** Runs {@code work} in a slot; a 503 when the engine is missing or no slot frees up in time. */
    public <T> T inSlot(Supplier<T> work) {
        requireEngine();
        acquire();
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    /** A 503 now when the imaging engine is missing (rather than after an upload stored its bytes). */
    public void requireEngine() {
        deriver.unavailableReason().ifPresent(reason -> {
            throw new DarkroomException(DarkroomException.Kind.UNAVAILABLE, "Image derivation is unavailable: " + reason);
        });
    }

    /** Derivations computing now on this node. */
    public int inProgress() {
        return parallel - slots.availablePermits();
    }

    /** Requests waiting for a derivation slot on this node. */
    public int waiting() {
        return slots.getQueueLength();
    }

    public int slots() {
        return parallel;
    }

    private void acquire() {
        try {
            if (!slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DarkroomException(DarkroomException.Kind.UNAVAILABLE,
                        "Too many derivations in progress; try again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DarkroomException(DarkroomException.Kind.UNAVAILABLE, "Interrupted while waiting to derive");
        }
    }
}
