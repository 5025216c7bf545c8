package io.darkroom.application.transformation.derive;

import io.darkroom.application.resource.cleanup.BlobDeletionQueue;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.resource.upload.BlobStore;
import io.darkroom.application.support.Commands;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.transformation.TransformationCatalog;
import io.darkroom.application.transformation.TransformationView;
import io.darkroom.domain.cloud.CloudName;
import io.darkroom.domain.resource.AssetId;
import io.darkroom.domain.resource.RecordDerivedResource;
import io.darkroom.domain.transformation.Component;
import io.darkroom.domain.transformation.ParameterKey;
import io.darkroom.domain.transformation.RegisterTransformation;
import io.darkroom.domain.transformation.Transformation;
import io.darkroom.domain.transformation.TransformationId;
import org.axonframework.common.transaction.TransactionManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Delivers derived images. A derivative is named by a hash of the resource's version, the canonical
 * transformation (as the URL names it) and the format, so every node computes the same id. A stored
 * one is read back; the first request for a new one takes a database lock on its id (other nodes'
 * requests for it wait, then find it stored), derives it on a bounded number of threads, stores the
 * bytes (queued for removal first, as uploads do) and records {@code ResourceDerived} in one transaction.
 */
public class Derivations {
    private static final int MAX_NAMED_DEPTH = 5;

    private final DerivedResourceCatalog catalog;
    private final TransformationCatalog named;
    private final BlobStore blobs;
    private final BlobDeletionQueue deletions;
    private final ImageDeriver deriver;
    private final DerivationLock lock;
    private final Commands commands;
    private final TransactionManager transactions;
    private final Path stagingDir;
    private final Duration orphanGrace;
    private final Semaphore slots;
    private final int parallel;
    private final Duration slotWait;
    private final Function<String, Coordinates> coordinatesOf;

    public Derivations(DerivedResourceCatalog catalog, TransformationCatalog named, BlobStore blobs, BlobDeletionQueue deletions,
                       ImageDeriver deriver, DerivationLock lock, Commands commands, TransactionManager transactions,
                       Path stagingDir, Duration orphanGrace, int parallelDerivations, Duration slotWait,
                       Function<String, Coordinates> coordinatesOf) {
        this.catalog = catalog;
        this.named = named;
        this.blobs = blobs;
        this.deletions = deletions;
        this.deriver = deriver;
        this.lock = lock;
        this.commands = commands;
        this.transactions = transactions;
        this.stagingDir = stagingDir;
        this.orphanGrace = orphanGrace;
        this.slots = new Semaphore(parallelDerivations, true);
        this.parallel = parallelDerivations;
        this.slotWait = slotWait;
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
        return new DeliveredFile(obtained.freshBytes() != null ? obtained.freshBytes() : read(derived), derived.format(),
                derived.derivedId(), obtained.formatByAccept());
    }

    /** Derives (or finds) {@code transformation} of an image now, as upload's and explicit's {@code eager} ask. */
    public DerivedResource eager(ResourceView resource, Transformation transformation) {
        return obtain(resource, transformation, null, null, false).derived();
    }

    /** A derived file's record, and its bytes when this call made them (else null: they are in the blob store). */
    private record Obtained(DerivedResource derived, byte[] freshBytes, boolean formatByAccept) {
    }

    private Obtained obtain(ResourceView resource, Transformation transformation, String format, String accept, boolean strict) {
        if (!resource.resourceType().equals("image")) {
            throw DarkroomException.badRequest("Transformations of " + resource.resourceType() + " resources are not supported yet");
        }
        Transformation expanded = expand(resource.cloud(), transformation, 0);
        DerivationPlan plan = DerivationPlan.of(new Transformation(expanded.components(),
                format != null ? format : transformation.extension()));
        String canonical = transformation.chain();
        String outputFormat = plan.outputFormat(resource.format(), accept);
        String derivedId = derivedId(resource, canonical, outputFormat);
        var stored = catalog.find(derivedId);
        if (stored.isPresent()) {
            return new Obtained(stored.get(), null, plan.formatByAccept());
        }
        if (strict && !allowedForStrict(resource.cloud(), canonical)) {
            throw new DarkroomException(DarkroomException.Kind.UNAUTHORIZED, "Transformation " + canonical
                    + " is not allowed: strict transformations are on (name it, mark it allowed_for_strict, or sign the URL)");
        }
        requireEngine();
        acquireSlot();
        try {
            return commands.retrying(() -> transactions.fetchInTransaction(() -> {
                lock.lock(derivedId);
                return catalog.find(derivedId).map(raced -> new Obtained(raced, null, plan.formatByAccept()))
                        .orElseGet(() -> derive(resource, plan, outputFormat, derivedId, canonical));
            }));
        } finally {
            slots.release();
        }
    }

    private Obtained derive(ResourceView resource, DerivationPlan plan, String outputFormat, String derivedId, String canonical) {
        byte[] original;
        try (InputStream in = blobs.open(BlobStore.keyOf(resource.cloud(), resource.versionId()))
                .orElseThrow(() -> DarkroomException.notFound("Resource not found - " + resource.publicId()))) {
            original = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the original", e);
        }
        Coordinates coordinates = plan.needsCoordinates() ? coordinatesOf.apply(resource.assetId()) : Coordinates.NONE;
        DerivedImage image = deriver.derive(original, plan, outputFormat, coordinates);
        String blobKey = "derived/" + resource.cloud() + "/" + derivedId.substring(0, 2) + "/" + derivedId;
        deletions.enqueueLater(blobKey, orphanGrace);
        try {
            Path staged = Files.createTempFile(stagingDir, "derived-", ".part");
            Files.write(staged, image.bytes());
            blobs.store(blobKey, staged);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the derived file", e);
        }
        if (!canonical.isEmpty() && !isOnlyNamed(canonical) && named.find(resource.cloud(), canonical).isEmpty()) {
            // an unnamed transformation is registered on its first use, so it is listed and reports `used`
            commands.send(new RegisterTransformation(TransformationId.of(resource.cloud(), canonical), resource.cloud(),
                    Transformation.parse(canonical)));
        }
        DerivedResource derived = new DerivedResource(derivedId, resource.assetId(), resource.cloud(), resource.versionId(),
                canonical, image.format(), image.bytes().length, image.width(), image.height(), blobKey);
        commands.send(new RecordDerivedResource(AssetId.of(resource.assetId()), CloudName.of(resource.cloud()), derivedId,
                resource.versionId(), canonical, image.format(), image.bytes().length, image.width(), image.height(), blobKey));
        deletions.cancel(blobKey);
        return new Obtained(derived, image.bytes(), plan.formatByAccept());
    }

    private void requireEngine() {
        deriver.unavailableReason().ifPresent(reason -> {
            throw new DarkroomException(DarkroomException.Kind.UNAVAILABLE, "Image derivation is unavailable: " + reason);
        });
    }

    /**
     * Deletes the cloud's derived files among {@code derivedIds} (one unit of work per asset); answers
     * each id as {@code deleted} or {@code not_found}.
     */
    public Map<String, String> delete(String cloud, List<String> derivedIds) {
        Map<String, String> result = new LinkedHashMap<>();
        derivedIds.forEach(id -> result.put(id, "not_found"));
        deleteGrouped(cloud, catalog.findAll(derivedIds)).values().forEach(ids -> ids.forEach(id -> result.put(id, "deleted")));
        return result;
    }

    /**
     * Deletes the derived files of {@code assetIds}, only those made with one of {@code only} when it
     * is not null (a transformation with an extension matches that format only); the number deleted per asset.
     */
    public Map<String, Integer> deleteOf(String cloud, Collection<String> assetIds, List<Transformation> only) {
        Map<String, String> formats = new java.util.HashMap<>();
        if (only != null) {
            // chain -> the format it asks for ("" when any), computed once rather than per derived file
            only.forEach(t -> formats.put(t.chain(), t.extension() == null ? "" : t.extension()));
        }
        List<DerivedResource> chosen = catalog.ofAssets(assetIds).stream().filter(d -> only == null
                || (formats.containsKey(d.transformation())
                && (formats.get(d.transformation()).isEmpty() || formats.get(d.transformation()).equals(d.format())))).toList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        deleteGrouped(cloud, chosen).forEach((assetId, ids) -> counts.put(assetId, ids.size()));
        return counts;
    }

    /** How many derived files each of {@code assetIds} has (absent: none). */
    public Map<String, Integer> countsOf(Collection<String> assetIds) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        catalog.ofAssets(assetIds).forEach(d -> counts.merge(d.assetId(), 1, Integer::sum));
        return counts;
    }

    /** One {@code DeleteDerivedResources} per asset of the cloud; the ids deleted per asset. */
    private Map<String, List<String>> deleteGrouped(String cloud, List<DerivedResource> derived) {
        Map<String, List<String>> byAsset = new LinkedHashMap<>();
        for (DerivedResource d : derived) {
            if (d.cloud().equals(cloud)) {
                byAsset.computeIfAbsent(d.assetId(), k -> new ArrayList<>()).add(d.derivedId());
            }
        }
        Map<String, List<String>> deleted = new LinkedHashMap<>();
        byAsset.forEach((assetId, ids) -> {
            try {
                deleted.put(assetId, commands.retrying(() -> commands.send(
                        new io.darkroom.domain.resource.DeleteDerivedResources(AssetId.of(assetId), CloudName.of(cloud), ids))));
            } catch (DarkroomException gone) {
                // the resource was deleted meanwhile: its derived files went with it
            }
        });
        return deleted;
    }

    /**
     * Checks eager transformations before anything is stored: each parses, the engine can apply it,
     * and the engine is there (else a 503 now rather than after the upload).
     */
    public void checkEager(List<Transformation> eager) {
        for (Transformation transformation : eager) {
            DerivationPlan.of(expandless(transformation));
        }
        if (!eager.isEmpty()) {
            requireEngine();
        }
    }

    /** Named references are checked when derived; their shape here is that of the rest. */
    private static Transformation expandless(Transformation transformation) {
        return new Transformation(transformation.components().stream()
                .filter(c -> c.get(ParameterKey.TRANSFORMATION) == null).toList(), transformation.extension());
    }

    /** Which of {@code transformations} (as URLs name them: {@code t_name} for a named one) have derived files. */
    public java.util.Set<String> usedAmong(String cloud, java.util.Collection<String> transformations) {
        return catalog.usedAmong(cloud, transformations);
    }

    /** Derived files made with {@code transformation} (as URLs name it), up to {@code limit}. */
    public List<DerivedResource> madeWith(String cloud, String transformation, int limit) {
        return catalog.ofTransformation(cloud, transformation, limit);
    }

    /** The asset's derived files after {@code afterId} (null: from the first), up to {@code limit}, in id order. */
    public List<DerivedResource> derivedOf(String assetId, String afterId, int limit) {
        return catalog.ofAsset(assetId, afterId, limit);
    }

    private boolean allowedForStrict(String cloud, String canonical) {
        return canonical.isEmpty() || isOnlyNamed(canonical)
                || named.find(cloud, canonical).map(TransformationView::allowedForStrict).orElse(false);
    }

    private static boolean isOnlyNamed(String canonical) {
        return canonical.startsWith("t_") && canonical.indexOf(',') < 0 && canonical.indexOf('/') < 0;
    }

    /** Components that are only {@code t_name[.name]} are replaced by the named transformations' definitions. */
    private Transformation expand(String cloud, Transformation transformation, int depth) {
        List<Component> components = new ArrayList<>();
        for (Component component : transformation.components()) {
            String names = component.get(ParameterKey.TRANSFORMATION);
            if (names == null) {
                components.add(component);
                continue;
            }
            if (component.parameters().size() != 1 || component.condition() != null || !component.variables().isEmpty()) {
                throw DarkroomException.badRequest("Transformation not supported yet: a named transformation with other parameters in one component");
            }
            if (depth >= MAX_NAMED_DEPTH) {
                throw DarkroomException.badRequest("Named transformations nest deeper than " + MAX_NAMED_DEPTH);
            }
            for (String name : names.split("\\.")) {
                TransformationView view = named.find(cloud, name).filter(TransformationView::named)
                        .orElseThrow(() -> DarkroomException.badRequest("Named transformation " + name + " does not exist"));
                components.addAll(expand(cloud, Transformation.parse(view.definition()), depth + 1).components());
            }
        }
        return new Transformation(components, transformation.extension());
    }

    private byte[] read(DerivedResource derived) {
        try (InputStream in = blobs.open(derived.blobKey())
                .orElseThrow(() -> new IOException("derived file " + derived.blobKey() + " is missing"))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The transformation with its named references replaced by their definitions, as a delivery applies it. */
    public Transformation expanded(String cloud, Transformation transformation) {
        return expand(cloud, transformation, 0);
    }

    /** Runs {@code work} within this node's bound on derivations (the slots deliveries share); a 503 when none frees up. */
    public <T> T inSlot(java.util.function.Supplier<T> work) {
        requireEngine();
        acquireSlot();
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    /** Derivations computing now on this node. */
    public int inProgress() {
        return parallel - slots.availablePermits();
    }

    /** Requests waiting for a derivation slot on this node. */
    public int waiting() {
        return slots.getQueueLength();
    }

    public int slots() {
        return parallel;
    }

    private void acquireSlot() {
        try {
            if (!slots.tryAcquire(slotWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DarkroomException(DarkroomException.Kind.UNAVAILABLE,
                        "Too many derivations in progress; try again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DarkroomException(DarkroomException.Kind.UNAVAILABLE, "Interrupted while waiting to derive");
        }
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
