package io.darkroom.infrastructure.resource.upload;

import io.darkroom.domain.resource.ColorShare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The 32 leading colours of an image: pixels grouped into 4096 bins (4 bits per channel),
 * the most populated bins reported as their mean colour and share in percent (one decimal).
 * Transparent pixels do not count.
 */
final class LeadingColors {
    private static final int MAX_COLORS = 32;

    private LeadingColors() {
    }

    static List<ColorShare> of(Pixels image) {
        long[] count = new long[4096];
        long[] red = new long[4096];
        long[] green = new long[4096];
        long[] blue = new long[4096];
        long total = 0;
        boolean alpha = image.hasAlpha();
        for (int argb : image.argb()) {
            if (alpha && (argb >>> 24) < 128) {
                continue;
            }
            int r = (argb >> 16) & 0xff;
            int g = (argb >> 8) & 0xff;
            int b = argb & 0xff;
            int bin = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
            count[bin]++;
            red[bin] += r;
            green[bin] += g;
            blue[bin] += b;
            total++;
        }
        if (total == 0) {
            return List.of();
        }
        List<Integer> bins = new ArrayList<>();
        for (int bin = 0; bin < count.length; bin++) {
            if (count[bin] > 0) {
                bins.add(bin);
            }
        }
        bins.sort(Comparator.comparingLong((Integer bin) -> count[bin]).reversed().thenComparing(bin -> bin));
        List<ColorShare> colors = new ArrayList<>();
        for (int bin : bins.subList(0, Math.min(MAX_COLORS, bins.size()))) {
            String hex = String.format("#%02X%02X%02X", red[bin] / count[bin], green[bin] / count[bin], blue[bin] / count[bin]);
            colors.add(new ColorShare(hex, Math.round(count[bin] * 1000.0 / total) / 10.0));
        }
        return colors;
    }
}
