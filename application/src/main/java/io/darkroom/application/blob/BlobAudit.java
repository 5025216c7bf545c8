package io.darkroom.application.blob;

import java.util.List;

/**
 * Port: compares what the store holds with what Darkroom references: every version of every live asset (from the event
 * store: old versions are kept), derived files, Media Optimizer variants and the parts of chunked uploads in progress.
 * Blobs queued for removal (deleted things, and files within their grace) are neither missing nor unreferenced.
 */
public interface BlobAudit {
    Report run(BlobStore store, int sample);

    /**
     * @param stored        blobs in the store
     * @param referenced    keys Darkroom references
     * @param missing       referenced keys the store lacks (the first {@code sample} of them, in key order)
     * @param unreferenced  stored blobs nothing references nor queues for removal (the first {@code sample})
     * @param queued        keys waiting in the deletion queue
     */
    record Report(long stored, long referenced, long missingCount, List<String> missing, long unreferencedCount,
                  List<String> unreferenced, long queued) {
    }
}
