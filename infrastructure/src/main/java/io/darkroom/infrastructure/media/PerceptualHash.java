package io.darkroom.infrastructure.media;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * The DCT perceptual hash (pHash): the image reduced to 32x32 grey, its 8x8 lowest DCT
 * frequencies compared with their median, 64 bits as 16 hex characters. Similar images
 * give hashes at a small Hamming distance.
 */
final class PerceptualHash {
    private static final int SIZE = 32;
    private static final int LOW = 8;
    private static final double[][] COSINES = new double[SIZE][SIZE];

    static {
        for (int u = 0; u < SIZE; u++) {
            for (int x = 0; x < SIZE; x++) {
                COSINES[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2.0 * SIZE));
            }
        }
    }

    private PerceptualHash() {
    }

    static String of(BufferedImage image) {
        // area averaging: every source pixel counts, so the hash does not depend on how the sample was taken
        Image averaged = image.getScaledInstance(SIZE, SIZE, Image.SCALE_AREA_AVERAGING);
        BufferedImage small = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        g.drawImage(averaged, 0, 0, null);
        g.dispose();
        double[][] pixels = new double[SIZE][SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                pixels[y][x] = small.getRaster().getSample(x, y, 0);
            }
        }
        double[] coefficients = new double[LOW * LOW];
        for (int u = 0; u < LOW; u++) {
            for (int v = 0; v < LOW; v++) {
                double sum = 0;
                for (int y = 0; y < SIZE; y++) {
                    for (int x = 0; x < SIZE; x++) {
                        sum += COSINES[u][y] * COSINES[v][x] * pixels[y][x];
                    }
                }
                coefficients[u * LOW + v] = sum;
            }
        }
        double[] withoutDc = Arrays.copyOfRange(coefficients, 1, coefficients.length);
        Arrays.sort(withoutDc);
        double median = (withoutDc[withoutDc.length / 2 - 1] + withoutDc[withoutDc.length / 2]) / 2;
        long bits = 0;
        for (int i = 0; i < 64; i++) {
            if (coefficients[i] > median) {
                bits |= 1L << (63 - i);
            }
        }
        return String.format("%016x", bits);
    }
}
