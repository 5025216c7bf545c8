package io.darkroom.application.derivation;

import io.darkroom.application.blob.BlobDeletionQueue;
import io.darkroom.application.blob.BlobStore;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.support.DarkroomException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The bytes of derived files in the blob store, for derived images and Media Optimizer variants alike. A file is
 * stored crash-safely: queued for removal first, then written, and {@link #kept} in the transaction that records it,
 * so bytes whose record never commits are swept after the grace.
 */
public class DerivedFiles {
    private final BlobStore blobs;
    private final BlobDeletionQueue deletions;
    private final Duration orphanGrace;

    public DerivedFiles(BlobStore blobs, BlobDeletionQueue deletions, Duration orphanGrace) {
        this.blobs = blobs;
        this.deletions = deletions;
        this.orphanGrace = orphanGrace;
    }

    /** Stores {@code bytes} under {@code blobKey}; removed after the grace unless {@link #kept}. */
    public void store(String blobKey, byte[] bytes) {
        deletions.enqueueLater(blobKey, orphanGrace);
        try {
            blobs.store(blobKey, new java.io.ByteArrayInputStream(bytes), bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the derived file", e);
        }
    }

    /** The record naming {@code blobKey} is being committed with this transaction: the file stays. */
    public void kept(String blobKey) {
        deletions.cancel(blobKey);
    }

    public byte[] read(String blobKey) {
        try (InputStream in = blobs.open(blobKey).orElseThrow(() -> new IOException("stored file " + blobKey + " is missing"))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of the resource's current version, which derivations start from. */
    public byte[] original(ResourceView resource) {
        try (InputStream in = blobs.open(BlobStore.keyOf(resource.cloud(), resource.versionId()))
                .orElseThrow(() -> DarkroomException.notFound("Resource not found - " + resource.publicId()))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the original", e);
        }
    }
}
