package io.darkroom.infrastructure.blob;

import io.darkroom.application.blob.ShortInputException;
import io.darkroom.application.support.DarkroomException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * How the S3 blob store fails: a short input stays a {@link ShortInputException} (the caller's bytes were short); anything
 * else the SDK throws (unreachable, timed out, refused, a 5xx) is logged with its S3 error code and becomes one unavailable
 * {@link DarkroomException}: the caller answers 503, and the next request tries the store again.
 */
final class S3Failures {
    static final String MESSAGE = "The blob store is unavailable; try again shortly";
    private static final Logger LOG = LoggerFactory.getLogger(S3BlobStore.class);

    private S3Failures() {
    }

    static void run(String what, Runnable action) throws ShortInputException {
        call(what, () -> {
            action.run();
            return null;
        });
    }

    static <T> T call(String what, Supplier<T> action) throws ShortInputException {
        try {
            return action.get();
        } catch (SdkException | java.io.UncheckedIOException | IllegalStateException e) {
            ShortInputException shortInput = shortInput(e);
            if (shortInput != null) {
                throw shortInput;
            }
            LOG.warn("Blob store: could not {}: {}", what, describe(e));
            throw new DarkroomException(DarkroomException.Kind.UNAVAILABLE, MESSAGE);
        }
    }

    /** The result of a part upload run on another thread, its failure as the caller's. */
    static <T> T await(Future<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing a blob", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    static String describe(Throwable e) {
        if (e instanceof S3Exception s3) {
            return "HTTP " + s3.statusCode() + (s3.awsErrorDetails() == null ? "" : " " + s3.awsErrorDetails().errorCode());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getClass().getSimpleName() + (root == e ? "" : " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")");
    }

    private static ShortInputException shortInput(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ShortInputException found) {
                return found;
            }
        }
        return null;
    }
}
