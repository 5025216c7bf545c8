package io.darkroom.application.resource.upload.chunked;

import io.darkroom.application.blob.BlobStore;
import io.darkroom.application.blob.ExactLength;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a complete upload's parts back from the blob store into one staged file, several at once, each written at its
 * offset: from a bucket one stream rarely fills the link, so the part that completes a large upload waits less. A part
 * missing now is a store that lost it: a failure. The readers are shared by the node's assemblies.
 */
final class PartAssembler {
    private static final int BUFFER = 256 * 1024;

    private final BlobStore blobs;
    private final Path stagingDir;
    private final ExecutorService readers;

    PartAssembler(BlobStore blobs, Path stagingDir, int readersAtOnce) {
        this.blobs = blobs;
        this.stagingDir = stagingDir;
        this.readers = Executors.newFixedThreadPool(readersAtOnce, runnable -> {
            Thread thread = new Thread(runnable, "chunk-assembly");
            thread.setDaemon(true);
            return thread;
        });
    }

    Path assemble(PartialUpload upload) throws IOException {
        Path staged = Files.createTempFile(stagingDir, "assembled-", ".part");
        List<Future<?>> reads = new ArrayList<>();
        try (FileChannel file = FileChannel.open(staged, StandardOpenOption.WRITE)) {
            for (UploadPart part : upload.parts()) {
                reads.add(readers.submit(() -> copy(PartialUpload.partKey(upload.blobKey(), part.first()), part, file)));
            }
            for (Future<?> read : reads) {
                read.get();
            }
            return staged;
        } catch (ExecutionException e) {
            reads.forEach(read -> read.cancel(true));
            Files.deleteIfExists(staged);
            Throwable cause = e.getCause() instanceof UncheckedIOException unchecked ? unchecked.getCause() : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Files.deleteIfExists(staged);
            throw new IOException("interrupted while assembling the parts", e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(staged);
            throw e;
        }
    }

    private void copy(String key, UploadPart part, FileChannel file) {
        try (InputStream in = new ExactLength(blobs.open(key).orElseThrow(() -> new IOException("the part " + key + " is missing")),
                part.length())) {
            byte[] buffer = new byte[BUFFER];
            long at = part.first();
            for (int n; (n = in.read(buffer)) > 0; ) {
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    at += file.write(chunk, at);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
