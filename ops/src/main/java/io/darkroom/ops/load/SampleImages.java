package io.darkroom.ops.load;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Real JPEG photographs-alike (shapes plus noise) of roughly a target size, made once per run. */
final class SampleImages {
    private SampleImages() {
    }

    static List<byte[]> jpegsOfAbout(int targetBytes, int count) throws IOException {
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BufferedImage image = draw(800, 600, i);
            float quality = 0.9f;
            byte[] bytes = encode(image, quality);
            while (bytes.length > targetBytes * 1.1 && quality > 0.2f) {
                quality -= 0.05f;
                bytes = encode(image, quality);
            }
            images.add(bytes);
        }
        return images;
    }

    /** One photograph-alike of {@code width} x {@code height} as a JPEG of {@code quality} (0-1). */
    static byte[] photo(int width, int height, long seed, float quality) throws IOException {
        return encode(draw(width, height, seed), quality);
    }

    private static BufferedImage draw(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillOval(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(300), 20 + random.nextInt(300));
        }
        g.dispose();
        for (int i = 0; i < width * height / 4; i++) {
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            int rgb = image.getRGB(x, y);
            int delta = random.nextInt(40) - 20;
            int r = clamp(((rgb >> 16) & 0xff) + delta);
            int gr = clamp(((rgb >> 8) & 0xff) + delta);
            int b = clamp((rgb & 0xff) + delta);
            image.setRGB(x, y, (r << 16) | (gr << 8) | b);
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static byte[] encode(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
