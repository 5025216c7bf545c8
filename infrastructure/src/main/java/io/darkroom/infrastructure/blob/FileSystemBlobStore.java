package io.darkroom.infrastructure.blob;

import io.darkroom.application.blob.BlobStore;
import io.darkroom.application.blob.ExactLength;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Consumer;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Blobs as files under a root directory (the embedded default). A stored file appears atomically (moved in), so a reader
 * never sees half of it. Keys are checked to stay inside the root. Removing
 * the last part of a chunked upload also removes the upload's directory.
 */
public class FileSystemBlobStore implements BlobStore {
    private static final String PARTIAL = ".part";
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
            Path temporary = target.resolveSibling(target.getFileName() + PARTIAL);
            Files.copy(staged, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(staged);
        }
    }

    /**
     * Written in place, not moved in: every caller names a streamed blob only after this returns (and has queued the key
     * for removal before, so a crash midway leaves nothing behind), and a temporary file beside it would outlive a crash.
     */
    @Override
    public void store(String key, InputStream in, long length) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        boolean stored = false;
        try (OutputStream out = Files.newOutputStream(target)) {
            new ExactLength(in, length).transferTo(out);
            stored = true;
        } finally {
            if (!stored) {
                Files.deleteIfExists(target);
            }
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
    public Optional<InputStream> open(String key, long first, long last) throws IOException {
        try {
            SeekableByteChannel channel = Files.newByteChannel(resolve(key)).position(first);
            return Optional.of(new ExactLength(Channels.newInputStream(channel), last - first + 1));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Path path = resolve(key);
        Files.deleteIfExists(path);
        if (key.startsWith("parts/")) {
            try {
                Files.deleteIfExists(path.getParent());
            } catch (DirectoryNotEmptyException stillInUse) {
                // other parts of the upload remain
            }
        }
    }

    /** Walks only the directory the prefix names; files removed during the walk are passed over. */
    @Override
    public void list(String prefix, Consumer<StoredBlob> each) throws IOException {
        Path start = root.resolve(prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "").normalize();
        if (!start.startsWith(root) || !Files.isDirectory(start)) {
            return;
        }
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String key = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (attributes.isRegularFile() && key.startsWith(prefix) && !key.endsWith(PARTIAL)) {
                    each.accept(new StoredBlob(key, attributes.size()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e == null || e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    @Override
    public void check() throws IOException {
        if (!Files.isWritable(root)) {
            throw new IOException("the blob directory " + root + " is not writable");
        }
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("Blob key outside the store: " + key);
        }
        return path;
    }

}
