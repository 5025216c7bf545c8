package io.darkroom.infrastructure.resource.upload;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import io.darkroom.application.resource.upload.MediaInspector;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.resource.MediaFacts;
import io.darkroom.domain.resource.ResourceType;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Measures files with real libraries: metadata-extractor detects the type and reads Exif, IPTC
 * and XMP; ImageIO (with TwelveMonkeys readers for WebP and TIFF) decodes images, subsampled so
 * that analysis costs little memory whatever the image size. Images above the pixel limit
 * (width x height from the header, read before any pixel is decoded; 100 million by default)
 * are refused, so a small file declaring a giant canvas costs nothing.
 */
public class MediaFileInspector implements MediaInspector {
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    private static final int ANALYSIS_EDGE = 160;
    private static final int MAX_METADATA_ENTRIES = 300;
    private static final int MAX_METADATA_VALUE = 1024;
    private static final Map<FileType, String> IMAGE_FORMATS = Map.of(FileType.Jpeg, "jpg", FileType.Png, "png",
            FileType.Gif, "gif", FileType.Bmp, "bmp", FileType.WebP, "webp", FileType.Tiff, "tiff");
    private static final Map<FileType, String> VIDEO_FORMATS = Map.of(FileType.Mp4, "mp4", FileType.QuickTime, "mov",
            FileType.Avi, "avi");
    private static final Set<String> ANIMATED = Set.of("gif", "webp", "tiff");

    private final long maxPixels;

    public MediaFileInspector(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    public MediaFileInspector() {
        this(DEFAULT_MAX_PIXELS);
    }

    @Override
    public Inspected inspect(Path file, String originalFilename) {
        try {
            long bytes = Files.size(file);
            String etag = md5(file);
            FileType type;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                type = FileTypeDetector.detectFileType(in);
            }
            String name = baseName(originalFilename);
            String imageFormat = IMAGE_FORMATS.get(type);
            if (imageFormat != null) {
                MediaFacts image = inspectImage(file, imageFormat, bytes, etag, name);
                if (image != null) {
                    return new Inspected(ResourceType.IMAGE, image);
                }
            }
            String videoFormat = VIDEO_FORMATS.get(type);
            if (videoFormat != null) {
                return new Inspected(ResourceType.VIDEO, new MediaFacts(videoFormat, 0, 0, 0, bytes, etag, null,
                        List.of(), Map.of(), readMetadata(file).other(), name));
            }
            return new Inspected(ResourceType.RAW, new MediaFacts("", 0, 0, 0, bytes, etag, null, List.of(), Map.of(),
                    Map.of(), name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MediaFacts inspectImage(Path file, String format, long bytes, String etag, String name) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (stream == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, false, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > maxPixels) {
                    throw DarkroomException.badRequest("Image is too large: " + width + "x" + height
                            + " pixels (maximum " + maxPixels + " pixels)");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / ANALYSIS_EDGE);
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage sample = reader.read(0, param);
                int pages = ANIMATED.contains(format) ? Math.max(1, reader.getNumImages(true)) : 1;
                MetadataMaps metadata = readMetadata(file);
                Pixels pixels = Pixels.of(sample);
                return new MediaFacts(format, width, height, pages, bytes, etag, PerceptualHash.of(pixels),
                        LeadingColors.of(pixels), metadata.exif(), metadata.other(), name);
            } catch (IOException | RuntimeException e) {
                if (e instanceof DarkroomException known) {
                    throw known;
                }
                throw DarkroomException.badRequest("Invalid image file: it cannot be decoded");
            } finally {
                reader.dispose();
            }
        }
    }

    private record MetadataMaps(Map<String, String> exif, Map<String, String> other) {
    }

    private static MetadataMaps readMetadata(Path file) {
        Map<String, String> exif = new LinkedHashMap<>();
        Map<String, String> other = new LinkedHashMap<>();
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
            for (Directory directory : metadata.getDirectories()) {
                boolean isExif = directory instanceof ExifDirectoryBase || directory instanceof GpsDirectory;
                Map<String, String> target = isExif ? exif : other;
                if (directory instanceof XmpDirectory xmp) {
                    xmp.getXmpProperties().forEach((key, value) -> put(target, key, value));
                    continue;
                }
                if (!isExif && !directory.getName().startsWith("IPTC")) {
                    continue;
                }
                for (Tag tag : directory.getTags()) {
                    put(target, tag.getTagName().replaceAll("[^A-Za-z0-9]", ""), tag.getDescription());
                }
            }
        } catch (Exception unreadable) {
            // metadata is optional: a file whose metadata cannot be parsed still has its bytes and pixels
        }
        return new MetadataMaps(exif, other);
    }

    private static void put(Map<String, String> target, String key, String value) {
        if (key == null || key.isEmpty() || value == null || target.size() >= MAX_METADATA_ENTRIES) {
            return;
        }
        String clean = value.replaceAll("\\p{Cntrl}", " ").strip();
        target.putIfAbsent(key, clean.length() > MAX_METADATA_VALUE ? clean.substring(0, MAX_METADATA_VALUE) : clean);
    }

    private static String md5(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("MD5"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    /** The file name without directories, or null when there is none. */
    private static String baseName(String filename) {
        if (filename == null || filename.isBlank()) {
            return null;
        }
        String base = filename.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.isEmpty() ? null : base;
    }
}
