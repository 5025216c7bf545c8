package io.darkroom.infrastructure.resource.upload;

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

    /** The image reduced to 32x32 luma by area averaging: every source pixel counts once. */
    private static double[][] averagedGrey(Pixels image) {
        double[][] sum = new double[SIZE][SIZE];
        int[][] count = new int[SIZE][SIZE];
        int[] argb = image.argb();
        for (int y = 0; y < image.height(); y++) {
            int cellY = y * SIZE / image.height();
            for (int x = 0; x < image.width(); x++) {
                int cellX = x * SIZE / image.width();
                int p = argb[y * image.width() + x];
                sum[cellY][cellX] += 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
                count[cellY][cellX]++;
            }
        }
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                sum[y][x] = count[y][x] == 0 ? 0 : sum[y][x] / count[y][x];
            }
        }
        return sum;
    }

    static String of(Pixels image) {
        double[][] pixels = averagedGrey(image);
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
