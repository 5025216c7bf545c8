package io.darkroom.application.resource.upload.chunked;

import io.darkroom.application.blob.BlobDeletionQueue;
import io.darkroom.application.blob.BlobStore;
import io.darkroom.application.blob.ExactLength;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.support.IdGenerator;
import org.axonframework.common.transaction.NoTransactionManager;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Chunked uploads against in-memory ports: what happens to a part when its upload disappears while the part is written. */
class ChunkedUploadsTest {
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final DiscardingStore store = new DiscardingStore();

    private ChunkedUploads uploads() throws IOException {
        return uploads(store, Duration.ofSeconds(2));
    }

    private ChunkedUploads uploads(PartialUploadStore partials, Duration grace) throws IOException {
        IdGenerator ids = new IdGenerator() {
            @Override
            public String hex32() {
                return "0123456789abcdef0123456789abcdef";
            }

            @Override
            public String lowerAlphanumeric(int length) {
                return "a".repeat(length);
            }
        };
        return new ChunkedUploads(partials, new MemoryBlobs(), new NoDeletions(), NoTransactionManager.INSTANCE,
                Files.createTempDirectory("chunked-"), 1_000_000_000, 100_000_000, grace, ids);
    }

    @Test
    void a_part_whose_upload_was_discarded_while_it_was_written_is_refused_and_its_bytes_removed() throws Exception {
        ByteRange range = new ByteRange(0, 4_999_999, -1);

        assertThatThrownBy(() -> uploads().receive("c", "u1", range, new ByteArrayInputStream(new byte[5_000_000]), "f.bin"))
                .isInstanceOf(DarkroomException.class)
                .hasMessage("Upload u1 was discarded: no part arrived for 2 s; send the file again");
        assertThat(blobs).isEmpty();
    }

    @Test
    void an_upload_being_assembled_is_touched_until_it_is_finished() throws Exception {
        OneShotStore partials = new OneShotStore();
        ChunkedUploads uploads = uploads(partials, Duration.ofMillis(300));

        ChunkProgress progress = uploads.receive("c", "u2", new ByteRange(0, 9, 10), new ByteArrayInputStream(new byte[10]), "f.bin");
        assertThat(progress.complete()).isTrue();
        Thread.sleep(450);
        int whileAssembling = partials.touches;
        uploads.finish("u2");
        Thread.sleep(300);

        assertThat(whileAssembling).isGreaterThanOrEqualTo(2);
        assertThat(partials.touches).isLessThanOrEqualTo(whileAssembling + 1);
    }

    /** An upload of one part, complete once it is written. */
    private static final class OneShotStore implements PartialUploadStore {
        private final List<UploadPart> parts = new ArrayList<>();
        private volatile int touches;

        @Override
        public PartialUpload lock(String uploadId, String cloud, String newBlobKey) {
            return new PartialUpload(cloud, "parts/c/x", parts.isEmpty() ? -1 : 10, false, List.copyOf(parts));
        }

        @Override
        public void reserve(String uploadId, long first, long last, long total) {
        }

        @Override
        public void markWritten(String uploadId, long first) {
            parts.add(new UploadPart(0, 9, true));
        }

        @Override
        public void release(String uploadId, long first) {
        }

        @Override
        public void markAssembling(String uploadId) {
        }

        @Override
        public void touch(String uploadId) {
            touches++;
        }

        @Override
        public List<String> remove(String uploadId) {
            return List.of();
        }

        @Override
        public int discardAbandoned(Duration grace) {
            return 0;
        }
    }

    /** Creates the upload on the first lock, and has "discarded" it by the time the part is marked written. */
    private static final class DiscardingStore implements PartialUploadStore {
        private final List<UploadPart> parts = new ArrayList<>();

        @Override
        public PartialUpload lock(String uploadId, String cloud, String newBlobKey) {
            return newBlobKey == null ? null : new PartialUpload(cloud, newBlobKey, -1, false, parts);
        }

        @Override
        public void reserve(String uploadId, long first, long last, long total) {
        }

        @Override
        public void markWritten(String uploadId, long first) {
        }

        @Override
        public void release(String uploadId, long first) {
        }

        @Override
        public void markAssembling(String uploadId) {
        }

        @Override
        public void touch(String uploadId) {
        }

        @Override
        public List<String> remove(String uploadId) {
            return List.of();
        }

        @Override
        public int discardAbandoned(Duration grace) {
            return 0;
        }
    }

    private final class MemoryBlobs implements BlobStore {
        @Override
        public void store(String key, Path staged) throws IOException {
            blobs.put(key, Files.readAllBytes(staged));
        }

        @Override
        public void store(String key, InputStream in, long length) throws IOException {
            blobs.put(key, new ExactLength(in, length).readAllBytes());
        }

        @Override
        public Optional<InputStream> open(String key) {
            return Optional.ofNullable(blobs.get(key)).map(ByteArrayInputStream::new);
        }

        @Override
        public Optional<InputStream> open(String key, long first, long last) {
            return Optional.ofNullable(blobs.get(key)).map(bytes -> new ByteArrayInputStream(bytes, (int) first, (int) (last - first + 1)));
        }

        @Override
        public void delete(String key) {
            blobs.remove(key);
        }

        @Override
        public void list(String prefix, Consumer<StoredBlob> each) {
            blobs.forEach((key, bytes) -> {
                if (key.startsWith(prefix)) {
                    each.accept(new StoredBlob(key, bytes.length));
                }
            });
        }

        @Override
        public void check() {
        }
    }

    private static final class NoDeletions implements BlobDeletionQueue {
        @Override
        public void enqueue(Collection<String> blobKeys) {
        }

        @Override
        public void enqueueLater(String blobKey, Duration grace) {
        }

        @Override
        public void cancel(String blobKey) {
        }

        @Override
        public List<String> drain(int limit, Consumer<List<String>> remover) {
            return List.of();
        }
    }
}
