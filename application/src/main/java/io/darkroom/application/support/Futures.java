package io.darkroom.application.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work handed to a pool (the bulk services' batches). */
public final class Futures {
    private Futures() {
    }

    /** The batch's result; a batch that failed throws its own exception (a 404 stays a 404), not a wrapper. */
    public static <T> T join(CompletableFuture<T> batch) {
        try {
            return batch.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
