package io.darkroom.application.derivation;

import io.darkroom.application.resource.upload.IncomingConversion;
import io.darkroom.domain.transformation.Transformation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Incoming transformations and format conversions of uploads, with the engine and the bounds of every derivation: one of
 * this node's slots, the engine's pixel and time bounds. Named transformations ({@code t_name}) are expanded as in URLs.
 * Embedded metadata is dropped unless the transformation keeps it, as in derived images.
 */
public class IncomingTransformations implements IncomingConversion {
    private final ImageDeriver deriver;
    private final DerivationSlots slots;
    private final NamedTransformations named;

    public IncomingTransformations(ImageDeriver deriver, DerivationSlots slots, NamedTransformations named) {
        this.deriver = deriver;
        this.slots = slots;
        this.named = named;
    }

    @Override
    public Path convert(String cloud, Path original, Transformation transformation, String format) {
        Transformation applied = transformation == null ? new Transformation(List.of(), format)
                : new Transformation(named.expanded(cloud, transformation).components(), format);
        DerivationPlan plan = DerivationPlan.of(applied);
        try {
            byte[] bytes = Files.readAllBytes(original);
            DerivedImage image = slots.inSlot(() -> deriver.derive(bytes, plan, format, Coordinates.NONE));
            Path result = Files.createTempFile(original.toAbsolutePath().getParent(), "incoming-", "." + image.format());
            Files.write(result, image.bytes());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not transform the uploaded file", e);
        }
    }
}
