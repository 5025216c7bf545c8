package io.darkroom.api;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/** Real image bytes for tests, drawn and encoded with ImageIO. */
public final class TestImages {
    private TestImages() {
    }

    /** A picture of two colour blocks (left {@code left}, right {@code right}) with some noise from {@code seed}. */
    public static byte[] image(String format, int width, int height, Color left, Color right, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(right);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        Random random = new Random(seed);
        for (int i = 0; i < width * height / 50; i++) {
            image.setRGB(random.nextInt(width), random.nextInt(height), random.nextInt(0xffffff));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code bytes} decoded with ImageIO; fails the test when they are no image it reads. */
    public static BufferedImage decoded(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        if (image == null) {
            throw new AssertionError("not a decodable image (" + bytes.length + " bytes)");
        }
        return image;
    }

    public static byte[] png(int width, int height, long seed) {
        return image("png", width, height, Color.RED, Color.BLUE, seed);
    }

    public static byte[] jpeg(int width, int height, long seed) {
        return image("jpg", width, height, Color.GREEN, Color.WHITE, seed);
    }

    /** A PNG of random pixels: it hardly compresses, so about {@code 3 x width x height} bytes. */
    public static byte[] noisePng(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
