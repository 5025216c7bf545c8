package io.darkroom.infrastructure.resource.upload;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * An image as packed ARGB ints, made with one optimized blit. Reading pixels one at a time
 * through {@code BufferedImage.getRGB} converts each through the colour model and dominated
 * the upload path's CPU time; analysis reads this array instead.
 */
record Pixels(int[] argb, int width, int height, boolean hasAlpha) {
    static Pixels of(BufferedImage image) {
        BufferedImage packed = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = packed.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        int[] argb = ((DataBufferInt) packed.getRaster().getDataBuffer()).getData();
        return new Pixels(argb, image.getWidth(), image.getHeight(), image.getColorModel().hasAlpha());
    }
}
