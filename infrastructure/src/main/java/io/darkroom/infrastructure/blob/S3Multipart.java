package io.darkroom.infrastructure.blob;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One S3 multipart upload: its parts made a few at a time on the store's part pool (uploaded from file slices, or copied
 * server-side from other objects), completed in order, and aborted on any failure so no half-made upload is left to pay
 * for.
 */
final class S3Multipart {
    /** Makes part {@code number} of upload {@code uploadId} and answers its ETag. */
    interface Part {
        String make(String uploadId, int number);
    }

    private S3Multipart() {
    }

    static void run(S3Client s3, String bucket, String objectKey, Map<String, String> metadata, List<Part> parts, ExecutorService pool) {
        String uploadId = s3.createMultipartUpload(create -> create.bucket(bucket).key(objectKey).metadata(metadata)).uploadId();
        try {
            List<Future<CompletedPart>> made = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                int number = i + 1;
                Part part = parts.get(i);
                made.add(pool.submit(() -> CompletedPart.builder().partNumber(number).eTag(part.make(uploadId, number)).build()));
            }
            List<CompletedPart> completed = new ArrayList<>();
            for (Future<CompletedPart> part : made) {
                completed.add(S3Failures.await(part));
            }
            s3.completeMultipartUpload(complete -> complete.bucket(bucket).key(objectKey).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(completed)));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(abort -> abort.bucket(bucket).key(objectKey).uploadId(uploadId));
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }
}
