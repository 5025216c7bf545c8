package io.darkroom.infrastructure.derivation.imaging;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.darkroom.application.derivation.Coordinates;
import io.darkroom.application.derivation.DerivationPlan;
import io.darkroom.application.derivation.DerivedImage;
import io.darkroom.application.derivation.ImageDeriver;
import io.darkroom.application.derivation.Layout;
import io.darkroom.application.derivation.Region;
import io.darkroom.application.derivation.Rgba;
import io.darkroom.application.derivation.Step;
import io.darkroom.application.support.DarkroomException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Derives with libvips in-process (Debian {@code libvips42}, loaded through JNA when Darkroom starts).
 * Each component's geometry comes from {@link Layout}; when the first operation shrinks the original,
 * {@code vips_thumbnail_buffer} decodes it with shrink-on-load (a 12-megapixel JPEG is decoded at the
 * size needed). A watchdog stops a derivation that runs past the time bound. When the library is
 * missing, Darkroom runs on and derivations answer 503 saying how to install it.
 */
public final class VipsImageDeriver implements ImageDeriver {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "derivation-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final LibVips vips;
    private final String unavailableReason;
    private final Duration timeBound;

    private VipsImageDeriver(LibVips vips, String unavailableReason, Duration timeBound) {
        this.vips = vips;
        this.unavailableReason = unavailableReason;
        this.timeBound = timeBound;
    }

    /** The names libvips is looked up by: the development link, then Debian's runtime package's soname. */
    public static final List<String> LIBRARY_NAMES = List.of("vips", "libvips.so.42");

    /** Loads libvips; never throws: a machine without it gets a deriver that says so. */
    public static VipsImageDeriver load(Duration timeBound) {
        return load(timeBound, LIBRARY_NAMES);
    }

    /** Loads libvips by the first of {@code names} found (a name may be a path). */
    public static VipsImageDeriver load(Duration timeBound, List<String> names) {
        for (String name : names) {
            try {
                LibVips library = Native.load(name, LibVips.class);
                if (library.vips_init("darkroom") != 0) {
                    return new VipsImageDeriver(null, "libvips did not initialise: " + library.vips_error_buffer(), timeBound);
                }
                return new VipsImageDeriver(library, null, timeBound);
            } catch (UnsatisfiedLinkError notThisName) {
                // try the next name
            }
        }
        return new VipsImageDeriver(null, "libvips is not installed (Debian/Ubuntu: apt-get install libvips42)", timeBound);
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }

    @Override
    public DerivedImage derive(byte[] original, DerivationPlan plan, String outputFormat, Coordinates coordinates) {
        if (vips == null) {
            throw new DarkroomException(DarkroomException.Kind.UNAVAILABLE, "Image derivation is unavailable: " + unavailableReason);
        }
        try (VipsPipeline pipeline = new VipsPipeline(vips, original)) {
            ScheduledFuture<?> watchdog = WATCHDOG.schedule(pipeline::kill, timeBound.toMillis(), TimeUnit.MILLISECONDS);
            try {
                Pointer image = derive(pipeline, plan, coordinates);
                Rgba background = plan.steps().stream().map(Step::background).filter(java.util.Objects::nonNull)
                        .reduce((first, last) -> last).orElse(Rgba.WHITE);
                if (pipeline.hasAlpha(image) && outputFormat.equals("jpg")) {
                    Pointer opaque = pipeline.srgb(image);
                    image = pipeline.apply("flatten", out -> vips.vips_flatten(opaque, out, "background",
                            pipeline.array(background.red(), background.green(), background.blue()), null));
                }
                VipsMetadata.Prepared prepared = VipsMetadata.prepare(pipeline, image, plan.metadata());
                byte[] bytes = pipeline.encode(prepared.image(), outputFormat, plan.encoderQuality(outputFormat), prepared.strip());
                return new DerivedImage(bytes, pipeline.width(image), pipeline.height(image), outputFormat);
            } catch (VipsPipeline.TimeBoundExceeded e) {
                throw DarkroomException.badRequest("Transformation took longer than " + timeBound.toSeconds()
                        + " s and was stopped (the time bound per derivation)");
            } finally {
                watchdog.cancel(false);
            }
        }
    }

    private Pointer derive(VipsPipeline pipeline, DerivationPlan plan, Coordinates coordinates) {
        Pointer image;
        List<Step> steps = plan.steps();
        Step first = steps.isEmpty() ? null : steps.get(0);
        boolean exif = first == null || first.exif();
        Pointer header = pipeline.header();
        int width = pipeline.width(header);
        int height = pipeline.height(header);
        if (exif && pipeline.orientation(header) >= 5) {
            int swap = width;
            width = height;
            height = swap;
        }
        List<Layout.Op> firstOps = first == null ? List.of()
                : Layout.of(first, width, height, Region.focusOf(first.gravity(), coordinates));
        int skip = 0;
        if (!firstOps.isEmpty() && firstOps.get(0) instanceof Layout.Resize resize && resize.width() <= width
                && resize.height() <= height) {
            // shrink-on-load: decode straight at the size the first resize asks for
            boolean more = firstOps.size() > 1 || steps.size() > 1 || first.effect() != null || first.radius() != null
                    || !first.angle().isEmpty();
            image = pipeline.thumbnail(resize.width(), resize.height(), exif, more);
            coordinates = coordinates.after(resize, width, height);
            skip = 1;
        } else {
            image = exif ? pipeline.apply("rotate", rotated(header)) : header;
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            List<Layout.Op> ops = i == 0 ? firstOps
                    : Layout.of(step, pipeline.width(image), pipeline.height(image), Region.focusOf(step.gravity(), coordinates));
            for (Layout.Op op : ops.subList(i == 0 ? skip : 0, ops.size())) {
                coordinates = coordinates.after(op, pipeline.width(image), pipeline.height(image));
                image = apply(pipeline, image, op, step);
            }
            image = VipsEffects.apply(pipeline, image, step);
            if (!step.angle().isEmpty()) {
                coordinates = Coordinates.NONE;
            }
        }
        return image;
    }

    private VipsPipeline.Call rotated(Pointer header) {
        return out -> vips.vips_autorot(header, out, (Object) null);
    }

    private Pointer apply(VipsPipeline pipeline, Pointer image, Layout.Op op, Step step) {
        if (op instanceof Layout.Turn turn) {
            return pipeline.apply("rotate", out -> vips.vips_rot(image, out,
                    turn.clockwise() ? LibVips.VIPS_ANGLE_D90 : LibVips.VIPS_ANGLE_D270, (Object) null));
        }
        if (op instanceof Layout.Resize resize) {
            double scale = (double) resize.width() / pipeline.width(image);
            double vscale = (double) resize.height() / pipeline.height(image);
            return pipeline.apply("resize", out -> vips.vips_resize(image, out, scale, "vscale", vscale, null));
        }
        if (op instanceof Layout.Extract cut) {
            return pipeline.apply("crop", out -> vips.vips_extract_area(image, out, cut.left(), cut.top(), cut.width(),
                    cut.height(), (Object) null));
        }
        if (op instanceof Layout.SmartCrop smart) {
            return pipeline.apply("crop", out -> vips.vips_smartcrop(image, out, smart.width(), smart.height(),
                    "interesting", LibVips.VIPS_INTERESTING_ATTENTION, null));
        }
        Layout.Embed embed = (Layout.Embed) op;
        return VipsEffects.embed(pipeline, image, embed.left(), embed.top(), embed.width(), embed.height(),
                step.background() == null ? Rgba.WHITE : step.background());
    }
}
