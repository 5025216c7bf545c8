package io.darkroom.application.derivation;

import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.support.Commands;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.cloud.CloudName;
import io.darkroom.domain.resource.AssetId;
import io.darkroom.domain.resource.RecordDerivedResource;
import io.darkroom.domain.transformation.Transformation;
import org.axonframework.common.transaction.TransactionManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * Delivers derived images. A derivative is named by a hash of the resource's version, the canonical
 * transformation (as the URL names it) and the format, so every node computes the same id. A stored
 * one is read back; the first request for a new one takes a database lock on its id (other nodes'
 * requests for it wait, then find it stored), derives it in one of this node's {@link DerivationSlots}, stores the
 * bytes ({@link DerivedFiles}) and records {@code ResourceDerived} in one transaction.
 */
public class Derivations {
    private final DerivedResourceCatalog catalog;
    private final NamedTransformations named;
    private final DerivedFiles files;
    private final ImageDeriver deriver;
    private final DerivationLock lock;
    private final DerivationSlots slots;
    private final Commands commands;
    private final TransactionManager transactions;
    private final Function<String, Coordinates> coordinatesOf;

    public Derivations(DerivedResourceCatalog catalog, NamedTransformations named, DerivedFiles files, ImageDeriver deriver,
                       DerivationLock lock, DerivationSlots slots, Commands commands, TransactionManager transactions,
                       Function<String, Coordinates> coordinatesOf) {
        this.catalog = catalog;
        this.named = named;
        this.files = files;
        this.deriver = deriver;
        this.lock = lock;
        this.slots = slots;
        this.commands = commands;
        this.transactions = transactions;
        this.coordinatesOf = coordinatesOf;
    }

    /**
     * The image {@code resource} transformed by {@code transformation}, in {@code format} (null: the
     * transformation's or the original's); {@code accept} is the request's header, which {@code f_auto} chooses by.
     * With {@code strict} (the cloud's strict transformations, not bypassed by a signed URL), only named
     * transformations and ones allowed for strict may make a new derivative; stored ones are served.
     */
    public DeliveredFile deliver(ResourceView resource, Transformation transformation, String format, String accept,
                                 boolean strict) {
        Obtained obtained = obtain(resource, transformation, format, accept, strict);
        DerivedResource derived = obtained.derived();
        return new DeliveredFile(obtained.freshBytes() != null ? obtained.freshBytes() : files.read(derived.blobKey()),
                derived.format(), derived.derivedId(), obtained.formatByAccept());
    }

    /** Derives (or finds) {@code transformation} of an image now, as upload's and explicit's {@code eager} ask. */
    public DerivedResource eager(ResourceView resource, Transformation transformation) {
        return obtain(resource, transformation, null, null, false).derived();
    }

    /** The derived file of {@code transformation} if it is stored (named transformations expanded as in deliveries). */
    public java.util.Optional<DerivedResource> stored(ResourceView resource, Transformation transformation) {
        Transformation expanded = named.expanded(resource.cloud(), transformation);
        DerivationPlan plan = DerivationPlan.of(new Transformation(expanded.components(), transformation.extension()));
        return catalog.find(derivedId(resource, transformation.chain(), plan.outputFormat(resource.format(), null)));
    }

    /**
     * Checks eager transformations before anything is stored: each parses, the engine can apply it,
     * and the engine is there (else a 503 now rather than after the upload).
     */
    public void checkEager(List<Transformation> eager) {
        for (Transformation transformation : eager) {
            DerivationPlan.of(NamedTransformations.withoutReferences(transformation));
        }
        if (!eager.isEmpty()) {
            slots.requireEngine();
        }
    }

    /** A derived file's record, and its bytes when this call made them (else null: they are in the blob store). */
    private record Obtained(DerivedResource derived, byte[] freshBytes, boolean formatByAccept) {
    }

    private Obtained obtain(ResourceView resource, Transformation transformation, String format, String accept, boolean strict) {
        if (!resource.resourceType().equals("image")) {
            throw DarkroomException.badRequest("Transformations of " + resource.resourceType() + " resources are not supported yet");
        }
        Transformation expanded = named.expanded(resource.cloud(), transformation);
        DerivationPlan plan = DerivationPlan.of(new Transformation(expanded.components(),
                format != null ? format : transformation.extension()));
        String canonical = transformation.chain();
        String outputFormat = plan.outputFormat(resource.format(), accept);
        String derivedId = derivedId(resource, canonical, outputFormat);
        var stored = catalog.find(derivedId);
        if (stored.isPresent()) {
            return new Obtained(stored.get(), null, plan.formatByAccept());
        }
        if (strict && !named.allowedForStrict(resource.cloud(), canonical)) {
            throw new DarkroomException(DarkroomException.Kind.UNAUTHORIZED, "Transformation " + canonical
                    + " is not allowed: strict transformations are on (name it, mark it allowed_for_strict, or sign the URL)");
        }
        return slots.inSlot(() -> commands.retrying(() -> transactions.fetchInTransaction(() -> {
            lock.lock(derivedId);
            return catalog.find(derivedId).map(raced -> new Obtained(raced, null, plan.formatByAccept()))
                    .orElseGet(() -> derive(resource, plan, outputFormat, derivedId, canonical));
        })));
    }

    private Obtained derive(ResourceView resource, DerivationPlan plan, String outputFormat, String derivedId, String canonical) {
        byte[] original = files.original(resource);
        Coordinates coordinates = plan.needsCoordinates() ? coordinatesOf.apply(resource.assetId()) : Coordinates.NONE;
        DerivedImage image = deriver.derive(original, plan, outputFormat, coordinates);
        String blobKey = "derived/" + resource.cloud() + "/" + derivedId.substring(0, 2) + "/" + derivedId;
        files.store(blobKey, image.bytes());
        named.registerOnFirstUse(resource.cloud(), canonical);
        DerivedResource derived = new DerivedResource(derivedId, resource.assetId(), resource.cloud(), resource.versionId(),
                canonical, image.format(), image.bytes().length, image.width(), image.height(), blobKey);
        commands.send(new RecordDerivedResource(AssetId.of(resource.assetId()), CloudName.of(resource.cloud()), derivedId,
                resource.versionId(), canonical, image.format(), image.bytes().length, image.width(), image.height(), blobKey));
        files.kept(blobKey);
        return new Obtained(derived, image.bytes(), plan.formatByAccept());
    }

    static String derivedId(ResourceView resource, String canonical, String format) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((resource.assetId() + "|" + resource.versionId() + "|"
                    + canonical + "|" + format).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
