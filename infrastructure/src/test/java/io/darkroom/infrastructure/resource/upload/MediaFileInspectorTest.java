package io.darkroom.infrastructure.resource.upload;

import io.darkroom.application.resource.upload.MediaInspector;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaFileInspectorTest {
    private final MediaFileInspector inspector = new MediaFileInspector();

    @TempDir
    Path dir;

    private Path image(String format, int width, int height, Color left, Color right) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, width / 4, height);
        g.setColor(right);
        g.fillRect(width / 4, 0, width, height);
        g.dispose();
        Path file = dir.resolve("img-" + System.nanoTime() + "." + format);
        ImageIO.write(image, format, file.toFile());
        return file;
    }

    @Test
    void measures_a_png_from_its_bytes() throws Exception {
        Path png = image("png", 400, 300, Color.RED, Color.BLUE);
        MediaInspector.Inspected inspected = inspector.inspect(png, "holiday.png");
        assertThat(inspected.kind()).isEqualTo(ResourceType.IMAGE);
        assertThat(inspected.facts().format()).isEqualTo("png");
        assertThat(inspected.facts().width()).isEqualTo(400);
        assertThat(inspected.facts().height()).isEqualTo(300);
        assertThat(inspected.facts().bytes()).isEqualTo(Files.size(png));
        assertThat(inspected.facts().etag()).matches("[0-9a-f]{32}");
        assertThat(inspected.facts().phash()).matches("[0-9a-f]{16}");
        assertThat(inspected.facts().colors().get(0).hex()).isEqualTo("#0000FF");
        assertThat(inspected.facts().colors().get(0).percent()).isBetween(70.0, 80.0);
        assertThat(inspected.facts().colors().get(1).hex()).isEqualTo("#FF0000");
        assertThat(inspected.facts().originalFilename()).isEqualTo("holiday.png");
    }

    /** A scene of random overlapping discs, drawn at any size from one seed: the same picture at every size. */
    private Path scene(String format, int width, int height, long seed) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        java.util.Random random = new java.util.Random(seed);
        g.setColor(new Color(random.nextInt(0xffffff)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            double cx = random.nextDouble(), cy = random.nextDouble(), r = 0.05 + random.nextDouble() * 0.25;
            g.fill(new java.awt.geom.Ellipse2D.Double((cx - r) * width, (cy - r) * height, 2 * r * width, 2 * r * height));
        }
        g.dispose();
        Path file = dir.resolve("scene-" + System.nanoTime() + "." + format);
        ImageIO.write(image, format, file.toFile());
        return file;
    }

    @Test
    void similar_images_have_close_perceptual_hashes_and_different_ones_do_not() throws Exception {
        String original = inspector.inspect(scene("png", 640, 480, 1), null).facts().phash();
        String smallerJpeg = inspector.inspect(scene("jpg", 320, 240, 1), null).facts().phash();
        String different = inspector.inspect(scene("png", 640, 480, 2), null).facts().phash();
        // 10 of 64 bits is the usual pHash threshold for "the same picture"
        assertThat(hamming(original, smallerJpeg)).isLessThanOrEqualTo(10);
        assertThat(hamming(original, different)).isGreaterThan(20);
    }

    @Test
    void text_is_a_raw_file_and_a_truncated_image_is_refused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "just some words");
        MediaInspector.Inspected raw = inspector.inspect(text, "notes.txt");
        assertThat(raw.kind()).isEqualTo(ResourceType.RAW);
        assertThat(raw.facts().bytes()).isEqualTo(15);
        Path png = image("png", 100, 100, Color.RED, Color.GREEN);
        byte[] bytes = Files.readAllBytes(png);
        Path truncated = Files.write(dir.resolve("broken.png"), java.util.Arrays.copyOf(bytes, 80));
        assertThatThrownBy(() -> inspector.inspect(truncated, "broken.png")).isInstanceOf(DarkroomException.class)
                .hasMessageContaining("Invalid image file");
    }

    @Test
    void a_small_png_declaring_50000_by_50000_pixels_is_refused_before_decoding() throws Exception {
        Path bomb = Files.write(dir.resolve("bomb.png"), pngHeaderOnly(50_000, 50_000));
        assertThat(Files.size(bomb)).isLessThan(100);

        assertThatThrownBy(() -> inspector.inspect(bomb, "bomb.png")).isInstanceOf(DarkroomException.class)
                .hasMessageContaining("Image is too large: 50000x50000 pixels (maximum 100000000 pixels)");
        assertThatThrownBy(() -> new MediaFileInspector(100 * 99).inspect(image("png", 100, 100, Color.RED, Color.GREEN), "a.png"))
                .hasMessageContaining("maximum 9900 pixels");
    }

    /** PNG signature, an IHDR chunk with the given size, an empty IDAT and IEND: valid headers, no pixels. */
    private static byte[] pngHeaderOnly(int width, int height) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", new byte[0]);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static int hamming(String a, String b) {
        return Long.bitCount(Long.parseUnsignedLong(a, 16) ^ Long.parseUnsignedLong(b, 16));
    }
}
