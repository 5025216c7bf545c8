package io.darkroom.application.derivation;

import io.darkroom.application.support.DarkroomException;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of one component as operations on pixels, computed from the size of the image it
 * receives: quarter turns ({@code a_auto_*}), resizes, cuts and padding. Pure arithmetic, so every
 * crop mode is specified by tests without an imaging engine; the engine only executes the list.
 * Larger than most classes because the crop modes share their arithmetic (aspect, gravity, rounding): split per mode,
 * each part would repeat it.
 */
public final class Layout {
    /** A geometry operation; each knows where a region of its input lands in its output (null: lost). */
    public sealed interface Op {
        Region map(Region region, int inputWidth, int inputHeight);

        /** Width and height of the output for an input of {@code inputWidth} x {@code inputHeight}. */
        int[] size(int inputWidth, int inputHeight);
    }

    /** A quarter turn clockwise ({@code clockwise}) or counter-clockwise. */
    public record Turn(boolean clockwise) implements Op {
        public Region map(Region r, int w, int h) {
            return r == null ? null : clockwise ? new Region(h - r.top() - r.height(), r.left(), r.height(), r.width())
                    : new Region(r.top(), w - r.left() - r.width(), r.height(), r.width());
        }

        public int[] size(int w, int h) {
            return new int[] {h, w};
        }
    }

    /** Scales to exactly {@code width} x {@code height}. */
    public record Resize(int width, int height) implements Op {
        public Region map(Region r, int w, int h) {
            return r == null ? null : r.scaled((double) width / w, (double) height / h);
        }

        public int[] size(int w, int h) {
            return new int[] {width, height};
        }
    }

    public record Extract(int left, int top, int width, int height) implements Op {
        public Region map(Region r, int w, int h) {
            return r == null ? null : r.shifted(-left, -top);
        }

        public int[] size(int w, int h) {
            return new int[] {width, height};
        }
    }

    /** Keeps the {@code width} x {@code height} window the engine finds most interesting (libvips' attention measure). */
    public record SmartCrop(int width, int height) implements Op {
        public Region map(Region r, int w, int h) {
            return null;
        }

        public int[] size(int w, int h) {
            return new int[] {width, height};
        }
    }

    /** Places the image at {@code left}, {@code top} on a {@code width} x {@code height} canvas of the background colour. */
    public record Embed(int left, int top, int width, int height) implements Op {
        public Region map(Region r, int w, int h) {
            return r == null ? null : r.shifted(left, top);
        }

        public int[] size(int w, int h) {
            return new int[] {width, height};
        }
    }

    private Layout() {
    }

    /**
     * The operations {@code step} makes of a {@code inputWidth} x {@code inputHeight} image whose
     * face or custom region (as the step's gravity asks) is {@code focus}, or null.
     */
    public static List<Op> of(Step step, int inputWidth, int inputHeight, Region focus) {
        List<Op> ops = new ArrayList<>();
        int iw = inputWidth;
        int ih = inputHeight;
        Integer w = pixels(step.width(), iw, ih, iw, step.dpr());
        Integer h = pixels(step.height(), iw, ih, ih, step.dpr());
        if (step.autoTurn() != Step.AutoTurn.NONE && w != null && h != null && w != h && iw != ih && (w > h) != (iw > ih)) {
            Turn turn = new Turn(step.autoTurn() == Step.AutoTurn.RIGHT);
            focus = turn.map(focus, iw, ih);
            ops.add(turn);
            int swap = iw;
            iw = ih;
            ih = swap;
        }
        Double ar = step.aspectRatio();
        if (w == null && h == null && ar != null) {
            boolean wider = (double) iw / ih > ar;
            w = wider ? (int) Math.round(ih * ar) : iw;
            h = wider ? ih : (int) Math.round(iw / ar);
        } else if (w == null && h != null) {
            w = ar != null ? (int) Math.round(h * ar) : step.crop() == Step.Crop.CROP ? iw : proportional(iw, h, ih);
        } else if (h == null && w != null) {
            h = ar != null ? (int) Math.round(w / ar) : step.crop() == Step.Crop.CROP ? ih : proportional(ih, w, iw);
        }
        if (w == null) {
            if (step.crop() == Step.Crop.CROP && focus != null && step.gravity().custom()) {
                ops.add(clamped(focus, iw, ih));
            }
            return ops;
        }
        check(w, "width");
        check(h, "height");
        if ((long) w * h > Step.MAX_PIXELS) {
            throw DarkroomException.badRequest("Invalid size " + w + " x " + h + ": more than " + Step.MAX_PIXELS + " pixels");
        }
        double fitScale = Math.min((double) w / iw, (double) h / ih);
        double coverScale = Math.max((double) w / iw, (double) h / ih);
        switch (step.crop()) {
            case SCALE -> ops.add(new Resize(w, h));
            case FIT -> ops.add(resized(iw, ih, fitScale));
            case LIMIT -> addIf(ops, fitScale < 1, resized(iw, ih, fitScale));
            case MFIT -> addIf(ops, fitScale > 1, resized(iw, ih, fitScale));
            case FILL -> cover(ops, step, iw, ih, w, h, coverScale, focus);
            case LFILL -> {
                if (coverScale < 1) {
                    cover(ops, step, iw, ih, w, h, coverScale, focus);
                } else {
                    double shrink = Math.min((double) iw / w, (double) ih / h);
                    cut(ops, step, iw, ih, (int) Math.round(w * shrink), (int) Math.round(h * shrink), focus);
                }
            }
            case THUMB -> {
                Region face = step.gravity().face() ? focus : null;
                if (face != null) {
                    zoomOn(ops, iw, ih, w, h, face);
                } else {
                    cover(ops, step, iw, ih, w, h, coverScale, focus);
                }
            }
            case CROP -> {
                if (focus != null && step.gravity().custom() && step.width() == null && step.height() == null) {
                    ops.add(clamped(focus, iw, ih));
                } else {
                    cut(ops, step, iw, ih, Math.min(w, iw), Math.min(h, ih), focus);
                }
            }
            case PAD, FILL_PAD -> pad(ops, step, iw, ih, resized(iw, ih, fitScale), w, h);
            case LPAD -> pad(ops, step, iw, ih, fitScale < 1 ? resized(iw, ih, fitScale) : null, w, h);
            case MPAD -> pad(ops, step, iw, ih, null, Math.max(w, iw), Math.max(h, ih));
        }
        return ops;
    }

    /** The size after {@code ops}, starting from {@code width} x {@code height}. */
    public static int[] sizeAfter(List<Op> ops, int width, int height) {
        int[] size = {width, height};
        for (Op op : ops) {
            size = op.size(size[0], size[1]);
        }
        return size;
    }

    private static void addIf(List<Op> ops, boolean condition, Op op) {
        if (condition) {
            ops.add(op);
        }
    }

    /** Scales to cover the box (the smaller side decides), then keeps the box at the gravity. */
    private static void cover(List<Op> ops, Step step, int iw, int ih, int w, int h, double scale, Region focus) {
        Resize resize = new Resize(Math.max(w, (int) Math.ceil(iw * scale - 1e-9)), Math.max(h, (int) Math.ceil(ih * scale - 1e-9)));
        ops.add(resize);
        cut(ops, step, resize.width(), resize.height(), w, h, resize.map(focus, iw, ih));
    }

    private static void cut(List<Op> ops, Step step, int iw, int ih, int w, int h, Region focus) {
        if (w == iw && h == ih && step.x() == null && step.y() == null) {
            return;
        }
        if (step.gravity() == Step.Gravity.AUTO) {
            ops.add(new SmartCrop(w, h));
            return;
        }
        int left;
        int top;
        if (focus != null && step.gravity().usesCoordinates()) {
            left = (int) Math.round(focus.centerX() - w / 2.0);
            top = (int) Math.round(focus.centerY() - h / 2.0);
        } else {
            left = placed(step, step.x(), iw, ih, iw - w, true);
            top = placed(step, step.y(), iw, ih, ih - h, false);
        }
        ops.add(new Extract(clamp(left, 0, iw - w), clamp(top, 0, ih - h), w, h));
    }

    /** {@code c_thumb} on a face: the face with a margin, widened to the box's aspect ratio, scaled to the box. */
    private static void zoomOn(List<Op> ops, int iw, int ih, int w, int h, Region face) {
        double ratio = (double) w / h;
        double regionWidth = Math.max(face.width() * 1.6, face.height() * 1.6 * ratio);
        double regionHeight = regionWidth / ratio;
        if (regionWidth > iw || regionHeight > ih) {
            double shrink = Math.min(iw / regionWidth, ih / regionHeight);
            regionWidth *= shrink;
            regionHeight *= shrink;
        }
        int cw = Math.max(1, (int) Math.round(regionWidth));
        int ch = Math.max(1, (int) Math.round(regionHeight));
        int left = clamp((int) Math.round(face.centerX() - cw / 2.0), 0, iw - cw);
        int top = clamp((int) Math.round(face.centerY() - ch / 2.0), 0, ih - ch);
        ops.add(new Extract(left, top, cw, ch));
        ops.add(new Resize(w, h));
    }

    private static void pad(List<Op> ops, Step step, int iw, int ih, Resize resize, int w, int h) {
        if (resize != null) {
            ops.add(resize);
        }
        int width = resize != null ? resize.width() : iw;
        int height = resize != null ? resize.height() : ih;
        ops.add(new Embed(anchor(step.gravity(), w - width, true), anchor(step.gravity(), h - height, false), w, h));
    }

    private static int anchor(Step.Gravity gravity, int room, boolean horizontal) {
        String name = gravity.name();
        if (horizontal) {
            return name.endsWith("WEST") ? 0 : name.endsWith("EAST") ? room : room / 2;
        }
        return name.startsWith("NORTH") ? 0 : name.startsWith("SOUTH") ? room : room / 2;
    }

    /**
     * Where a window with {@code room} pixels to spare starts. x/y give the top-left corner when no
     * compass gravity is given (as {@code c_crop,x_,y_} crops at those coordinates), else move the
     * window inward from the gravity's edge.
     */
    private static int placed(Step step, Length offset, int iw, int ih, int room, boolean horizontal) {
        Step.Gravity g = step.gravity();
        if (offset == null) {
            return anchor(g, room, horizontal);
        }
        int value = (int) Math.round(offset.pixels(iw, ih, horizontal ? iw : ih) * step.dpr());
        if (g == Step.Gravity.CENTER) {
            return value;
        }
        boolean far = horizontal ? g.name().endsWith("EAST") : g.name().startsWith("SOUTH");
        return anchor(g, room, horizontal) + (far ? -value : value);
    }

    private static Resize resized(int iw, int ih, double scale) {
        return new Resize(Math.max(1, (int) Math.round(iw * scale)), Math.max(1, (int) Math.round(ih * scale)));
    }

    private static int proportional(int side, int given, int givenSide) {
        return Math.max(1, (int) Math.round((double) side * given / givenSide));
    }

    private static Extract clamped(Region region, int iw, int ih) {
        int left = clamp((int) Math.round(region.left()), 0, iw - 1);
        int top = clamp((int) Math.round(region.top()), 0, ih - 1);
        return new Extract(left, top, clamp((int) Math.round(region.width()), 1, iw - left),
                clamp((int) Math.round(region.height()), 1, ih - top));
    }

    private static Integer pixels(Length length, int iw, int ih, int reference, double dpr) {
        if (length == null) {
            return null;
        }
        double value = length.pixels(iw, ih, reference) * dpr;
        if (Double.isNaN(value) || value < 0.5 || value > Step.MAX_DIMENSION + 0.5) {
            throw DarkroomException.badRequest("Invalid size " + length.text() + (dpr != 1 ? " at dpr " + dpr : "")
                    + ": it comes to " + (Double.isNaN(value) ? "nothing" : Math.round(value)) + " pixels; between 1 and "
                    + Step.MAX_DIMENSION);
        }
        return (int) Math.round(value);
    }

    private static void check(int pixels, String name) {
        if (pixels < 1 || pixels > Step.MAX_DIMENSION) {
            throw DarkroomException.badRequest("Invalid " + name + ": it comes to " + pixels + " pixels; between 1 and "
                    + Step.MAX_DIMENSION);
        }
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
