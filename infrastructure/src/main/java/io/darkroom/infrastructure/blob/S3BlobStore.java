package io.darkroom.infrastructure.blob;

import io.darkroom.application.blob.CopyableBlobStore;
import io.darkroom.application.blob.ExactLength;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Blobs as objects in an S3-compatible bucket, under an optional key prefix. Files above {@link #MULTIPART_THRESHOLD}
 * go up as multipart uploads of {@link #PART_BYTES} parts, a few at once, each read from its slice of the file (so a
 * retry re-reads it and nothing is held in memory); streams go up as one PUT of their declared length. Ranged reads are
 * ranged GETs. Every failure of the store becomes {@link S3Failures#unavailable}; see {@link S3Clients} for the client.
 */
public class S3BlobStore implements CopyableBlobStore {
    static final long MULTIPART_THRESHOLD = 64L * 1024 * 1024;
    static final long PART_BYTES = 16L * 1024 * 1024;
    private static final int DELETE_BATCH = 1000;
    private static final long MIN_COPIED_PART = 5L * 1024 * 1024;
    private static final long MAX_COPIED_PART = 5L * 1024 * 1024 * 1024;
    /** The MD5 of a copied file ({@code x-amz-meta-md5}): a multipart object's ETag is not its MD5. */
    private static final String MD5_METADATA = "md5";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final ExecutorService partUploads;

    /** {@code prefix} "" or a key prefix (a trailing slash is added); {@code partUploads} runs the parts of multipart uploads. */
    public S3BlobStore(S3Client s3, String bucket, String prefix, ExecutorService partUploads) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null || prefix.isBlank() ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
        this.partUploads = partUploads;
    }

    @Override
    public void store(String key, Path staged) throws IOException {
        upload(key, staged, null);
        Files.deleteIfExists(staged);
    }

    /** The MD5 goes up as metadata and, for a single PUT, as {@code Content-MD5}, which the server checks. */
    @Override
    public long copyIn(String key, Path file, byte[] md5) throws IOException {
        upload(key, file, md5);
        return S3Failures.call("check " + key, () -> s3.headObject(head -> head.bucket(bucket).key(prefix + key)).contentLength());
    }

    @Override
    public boolean holdsCopy(String key, byte[] md5, long size) throws IOException {
        return S3Failures.call("check " + key, () -> {
            try {
                var head = s3.headObject(h -> h.bucket(bucket).key(prefix + key));
                return head.contentLength() == size && HexFormat.of().formatHex(md5).equals(head.metadata().get(MD5_METADATA));
            } catch (NoSuchKeyException missing) {
                return false;
            }
        });
    }

    private void upload(String key, Path file, byte[] md5) throws IOException {
        long size = Files.size(file);
        Map<String, String> metadata = md5 == null ? Map.of() : Map.of(MD5_METADATA, HexFormat.of().formatHex(md5));
        S3Failures.run("store " + key, () -> {
            if (size <= MULTIPART_THRESHOLD) {
                s3.putObject(put -> put.bucket(bucket).key(prefix + key).metadata(metadata)
                        .contentMD5(md5 == null ? null : Base64.getEncoder().encodeToString(md5)), RequestBody.fromFile(file));
            } else {
                multipart(prefix + key, file, size, metadata);
            }
        });
    }

    @Override
    public void store(String key, InputStream in, long length) throws IOException {
        // a stream can be sent once: a retry by the SDK fails, and the caller (the client sending the part) retries
        // the SDK closes the body it sent; the caller's stream stays open (a request's parts stream goes on after it)
        ExactLength body = new ExactLength(new java.io.FilterInputStream(in) {
            @Override
            public void close() {
            }
        }, length);
        java.util.concurrent.atomic.AtomicBoolean sent = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            S3Failures.run("store " + key, () -> s3.putObject(put -> put.bucket(bucket).key(prefix + key),
                    RequestBody.fromContentProvider(() -> {
                        if (sent.getAndSet(true)) {
                            throw new IllegalStateException("a streamed blob cannot be sent again");
                        }
                        return body;
                    }, length, "application/octet-stream")));
        } catch (RuntimeException e) {
            if (body.endedShort().isPresent()) {
                throw body.endedShort().get();
            }
            throw e;
        }
    }

    /**
     * A multipart upload whose parts are server-side copies of the given blobs ({@code UploadPartCopy}, a few at once):
     * possible when every part but the last is at least 5 MiB, as S3 requires of multipart parts.
     */
    @Override
    public boolean compose(String key, List<StoredBlob> parts) throws IOException {
        for (int i = 0; i < parts.size(); i++) {
            if (i < parts.size() - 1 && parts.get(i).bytes() < MIN_COPIED_PART || parts.get(i).bytes() > MAX_COPIED_PART) {
                return false;
            }
        }
        if (parts.isEmpty() || parts.size() > 10_000) {
            return false;
        }
        List<S3Multipart.Part> copies = parts.stream().<S3Multipart.Part>map(part -> (uploadId, number) -> s3.uploadPartCopy(copy -> copy
                .sourceBucket(bucket).sourceKey(prefix + part.key()).destinationBucket(bucket).destinationKey(prefix + key)
                .uploadId(uploadId).partNumber(number)).copyPartResult().eTag()).toList();
        S3Failures.run("compose " + key, () -> S3Multipart.run(s3, bucket, prefix + key, Map.of(), copies, partUploads));
        return true;
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        return get(key, null);
    }

    @Override
    public Optional<InputStream> open(String key, long first, long last) throws IOException {
        return get(key, "bytes=" + first + "-" + last);
    }

    private Optional<InputStream> get(String key, String range) throws IOException {
        return S3Failures.call("read " + key, () -> {
            try {
                ResponseInputStream<GetObjectResponse> object = s3.getObject(get -> get.bucket(bucket).key(prefix + key).range(range));
                return Optional.<InputStream>of(object);
            } catch (NoSuchKeyException missing) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void delete(String key) throws IOException {
        S3Failures.run("delete " + key, () -> s3.deleteObject(delete -> delete.bucket(bucket).key(prefix + key)));
    }

    /** One DeleteObjects request per 1,000 keys; any key the store could not remove fails the call (and is retried). */
    @Override
    public void deleteAll(Collection<String> keys) throws IOException {
        List<ObjectIdentifier> all = keys.stream().map(key -> ObjectIdentifier.builder().key(prefix + key).build()).toList();
        for (int from = 0; from < all.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = all.subList(from, Math.min(all.size(), from + DELETE_BATCH));
            DeleteObjectsResponse answer = S3Failures.call("delete " + batch.size() + " blobs", () -> s3.deleteObjects(delete -> delete
                    .bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build())));
            if (answer.hasErrors() && !answer.errors().isEmpty()) {
                throw new IOException("the blob store could not remove " + answer.errors().size() + " blobs, first "
                        + answer.errors().get(0).key() + ": " + answer.errors().get(0).code());
            }
        }
    }

    @Override
    public void list(String keyPrefix, Consumer<StoredBlob> each) throws IOException {
        S3Failures.run("list " + keyPrefix, () -> {
            for (S3Object object : s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix + keyPrefix)).contents()) {
                each.accept(new StoredBlob(object.key().substring(prefix.length()), object.size()));
            }
        });
    }

    @Override
    public void check() throws IOException {
        S3Failures.run("check the bucket", () -> s3.headBucket(head -> head.bucket(bucket)));
    }

    private void multipart(String objectKey, Path file, long size, Map<String, String> metadata) {
        List<S3Multipart.Part> slices = new ArrayList<>();
        for (long offset = 0; offset < size; offset += PART_BYTES) {
            long from = offset;
            long length = Math.min(PART_BYTES, size - offset);
            slices.add((uploadId, number) -> s3.uploadPart(part -> part.bucket(bucket).key(objectKey).uploadId(uploadId)
                    .partNumber(number).contentLength(length), RequestBody.fromContentProvider(() -> slice(file, from, length), length,
                    "application/octet-stream")).eTag());
        }
        S3Multipart.run(s3, bucket, objectKey, metadata, slices, partUploads);
    }

    private static InputStream slice(Path file, long from, long length) {
        try {
            FileChannel channel = FileChannel.open(file).position(from);
            return new ExactLength(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
