package io.darkroom.infrastructure.derivation.imaging;

import io.darkroom.application.derivation.Step;

/**
 * The alpha mask of rounded corners: 255 inside, 0 outside, anti-aliased at the edge by the
 * distance to the corner's ellipse. Only the corner squares are computed; {@code max} is the
 * ellipse inscribed in the image.
 */
final class CornerMask {
    private CornerMask() {
    }

    static byte[] of(Step.Corners corners, int width, int height) {
        byte[] mask = new byte[width * height];
        java.util.Arrays.fill(mask, (byte) 255);
        double limit = Math.min(width, height) / 2.0;
        if (corners.max()) {
            corner(mask, width, height, width / 2.0, height / 2.0, 0, 0);
            corner(mask, width, height, width / 2.0, height / 2.0, 1, 0);
            corner(mask, width, height, width / 2.0, height / 2.0, 1, 1);
            corner(mask, width, height, width / 2.0, height / 2.0, 0, 1);
            return mask;
        }
        corner(mask, width, height, Math.min(corners.topLeft(), limit), Math.min(corners.topLeft(), limit), 0, 0);
        corner(mask, width, height, Math.min(corners.topRight(), limit), Math.min(corners.topRight(), limit), 1, 0);
        corner(mask, width, height, Math.min(corners.bottomRight(), limit), Math.min(corners.bottomRight(), limit), 1, 1);
        corner(mask, width, height, Math.min(corners.bottomLeft(), limit), Math.min(corners.bottomLeft(), limit), 0, 1);
        return mask;
    }

    /** One corner of radii {@code rx}, {@code ry}; {@code right}/{@code bottom} 1 for the far sides. */
    private static void corner(byte[] mask, int width, int height, double rx, double ry, int right, int bottom) {
        if (rx < 0.5 || ry < 0.5) {
            return;
        }
        int cw = (int) Math.ceil(rx);
        int ch = (int) Math.ceil(ry);
        for (int dy = 0; dy < ch; dy++) {
            for (int dx = 0; dx < cw; dx++) {
                // distance of the pixel centre from the ellipse's centre, in radii
                double px = (rx - dx - 0.5) / rx;
                double py = (ry - dy - 0.5) / ry;
                double outside = (Math.sqrt(px * px + py * py) - 1) * Math.min(rx, ry);
                int alpha = (int) Math.round(255 * Math.max(0, Math.min(1, 0.5 - outside)));
                int x = right == 1 ? width - 1 - dx : dx;
                int y = bottom == 1 ? height - 1 - dy : dy;
                int i = y * width + x;
                mask[i] = (byte) Math.min(alpha, mask[i] & 0xff);
            }
        }
    }
}
