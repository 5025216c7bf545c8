package io.darkroom.infrastructure.blob;

import io.darkroom.application.blob.BlobStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Blobs as files under a root directory. A stored blob appears atomically (moved in complete), so a
 * reader never sees half a file; a chunked upload's file is written at offsets and never read until it
 * is moved out whole. Keys are checked to stay inside the root.
 */
public class FileSystemBlobStore implements BlobStore {
    private static final int WRITE_BUFFER = 256 * 1024;
    private final Path root;

    public FileSystemBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    @Override
    public void store(String key, Path staged) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Path temporary = target.resolveSibling(target.getFileName() + ".part");
            Files.copy(staged, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(staged);
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        try {
            return Optional.of(Files.newInputStream(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public long writeAt(String key, long offset, InputStream in, long maxBytes) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        try (FileChannel file = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(WRITE_BUFFER);
            long written = 0;
            while (written < maxBytes) {
                int n = in.read(buffer.array(), 0, (int) Math.min(buffer.capacity(), maxBytes - written));
                if (n < 0) {
                    break;
                }
                buffer.limit(n).position(0);
                while (buffer.hasRemaining()) {
                    written += file.write(buffer, offset + written);
                }
                buffer.clear();
            }
            return written;
        }
    }

    @Override
    public void moveOut(String key, Path target) throws IOException {
        try {
            Files.move(resolve(key), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(resolve(key), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("Blob key outside the store: " + key);
        }
        return path;
    }
}
