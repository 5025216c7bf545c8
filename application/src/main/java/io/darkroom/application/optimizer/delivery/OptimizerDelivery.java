package io.darkroom.application.optimizer.delivery;

import io.darkroom.application.derivation.Coordinates;
import io.darkroom.application.derivation.DerivationLock;
import io.darkroom.application.derivation.DerivationPlan;
import io.darkroom.application.derivation.DerivationSlots;
import io.darkroom.application.derivation.DerivedFiles;
import io.darkroom.application.derivation.DerivedImage;
import io.darkroom.application.derivation.ImageDeriver;
import io.darkroom.application.derivation.NamedTransformations;
import io.darkroom.application.optimizer.mapping.MappingEngine;
import io.darkroom.application.optimizer.mapping.MappingEnvironment;
import io.darkroom.application.optimizer.mapping.MappingRequest;
import io.darkroom.application.optimizer.mapping.MappingResult;
import io.darkroom.application.optimizer.media.OptimizedMediaCatalog;
import io.darkroom.application.optimizer.setup.DeliveryProfileView;
import io.darkroom.application.optimizer.setup.MappingFunctionView;
import io.darkroom.application.optimizer.setup.MediaSourceView;
import io.darkroom.application.optimizer.setup.OptimizerCatalog;
import io.darkroom.application.optimizer.setup.OptimizerDomain;
import io.darkroom.application.support.Commands;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.optimizer.BuiltInMappingFunction;
import io.darkroom.domain.optimizer.OptimizedMedia;
import io.darkroom.domain.optimizer.RecordOptimizedDerivation;
import io.darkroom.domain.transformation.Transformation;
import org.axonframework.common.transaction.TransactionManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A Media Optimizer delivery: the enabled profile of the domain with the longest matching path prefix, its mapping
 * function's answer, the profile's default transformation followed by the mapped one, and the result stored by media
 * key and variant (transformation and format) so the next request is served as stored. An original is fetched only
 * when the variant is not stored yet; a variant is made once across nodes (a lock per variant in PostgreSQL).
 */
public class OptimizerDelivery {
    private final OptimizerCatalog catalog;
    private final MappingEngine engine;
    private final OriginSources origins;
    private final NamedTransformations named;
    private final ImageDeriver deriver;
    private final DerivationSlots slots;
    private final DerivedFiles files;
    private final OptimizedMediaCatalog media;
    private final DerivationLock lock;
    private final Commands commands;
    private final TransactionManager transactions;

    /** What to answer: bytes, format, ETag, whether {@code Accept} chose the format, and the media it came from. */
    public record Delivered(byte[] bytes, String format, String etag, boolean variesByAccept, String cloud, String mediaId) {
    }

    public OptimizerDelivery(OptimizerCatalog catalog, MappingEngine engine, OriginSources origins, NamedTransformations named,
                             ImageDeriver deriver, DerivationSlots slots, DerivedFiles files, OptimizedMediaCatalog media,
                             DerivationLock lock, Commands commands, TransactionManager transactions) {
        this.catalog = catalog;
        this.engine = engine;
        this.origins = origins;
        this.named = named;
        this.deriver = deriver;
        this.slots = slots;
        this.files = files;
        this.media = media;
        this.lock = lock;
        this.commands = commands;
        this.transactions = transactions;
    }

    /** The profile that serves {@code path} on {@code domain}: enabled, and the longest prefix that matches. */
    public DeliveryProfileView profileFor(OptimizerDomain domain, String path) {
        for (DeliveryProfileView profile : catalog.enabledOn(domain.cloud(), domain.id())) {
            String prefix = profile.pathPrefix();
            if (prefix == null || path.equals(prefix) || path.startsWith(prefix + "/")) {
                return profile;
            }
        }
        throw DarkroomException.notFound("No enabled delivery profile serves " + domain.domain() + "/" + path);
    }

    /** What the profile's mapping function makes of the request. */
    public MappingResult map(DeliveryProfileView profile, MappingRequest request) {
        var builtIn = BuiltInMappingFunction.byId(profile.mappingFunctionId());
        if (builtIn.isPresent()) {
            return BuiltInMappings.map(builtIn.get(), request, profile.pathPrefix());
        }
        MappingFunctionView function = catalog.function(profile.cloud(), profile.mappingFunctionId())
                .orElseThrow(() -> DarkroomException.notFound("Mapping function " + profile.mappingFunctionId() + " not found"));
        return engine.map(function.code(), request, new MappingEnvironment(profile.pathPrefix(),
                defaultChain(profile).isEmpty() ? "" : defaultChain(profile) + "/", profile.cloud(), profile.id()));
    }

    public Delivered deliver(OptimizerDomain domain, MappingRequest request, String accept) {
        DeliveryProfileView profile = profileFor(domain, request.path());
        MappingResult mapped = map(profile, request);
        if (!mapped.resourceType().equals("image")) {
            throw DarkroomException.badRequest("Media Optimizer deliveries of " + mapped.resourceType() + " are not supported yet");
        }
        if (mapped.mediaKey().isBlank() || mapped.fwdKey().isBlank()) {
            throw DarkroomException.badRequest("The mapping function gave an empty fwd_key or media_key");
        }
        String chain = chain(defaultChain(profile), mapped.transformation());
        Transformation transformation;
        try {
            transformation = chain.isEmpty() ? new Transformation(List.of()) : Transformation.parse(chain);
        } catch (IllegalArgumentException e) {
            throw DarkroomException.badRequest("Invalid transformation " + chain + " from the mapping function: " + e.getMessage());
        }
        DerivationPlan plan = DerivationPlan.of(new Transformation(named.expanded(profile.cloud(), transformation).components(),
                null));
        String formatKey = plan.formatByAccept() ? "auto:" + DerivationPlan.bestAccepted(accept) : String.valueOf(plan.format());
        String mediaId = OptimizedMedia.idOf(profile.cloud(), mapped.mediaKey());
        String variantId = variantId(mediaId, transformation.chain(), formatKey);
        var stored = media.find(mediaId, variantId);
        if (stored.isPresent()) {
            return new Delivered(files.read(stored.get().blobKey()), stored.get().format(), variantId, plan.formatByAccept(), profile.cloud(),
                    mediaId);
        }
        List<MediaSourceView> sources = new ArrayList<>();
        for (String sourceId : profile.mediaSourceIds()) {
            catalog.source(profile.cloud(), sourceId).ifPresent(sources::add);
        }
        return slots.inSlot(() -> commands.retrying(() -> transactions.fetchInTransaction(() -> {
            lock.lock(variantId);
            return media.find(mediaId, variantId)
                    .map(raced -> new Delivered(files.read(raced.blobKey()), raced.format(), variantId, plan.formatByAccept(), profile.cloud(),
                            mediaId))
                    .orElseGet(() -> derive(profile, mapped, sources, transformation, plan, accept, mediaId, variantId));
        })));
    }

    private Delivered derive(DeliveryProfileView profile, MappingResult mapped, List<MediaSourceView> sources,
                             Transformation transformation, DerivationPlan plan, String accept, String mediaId, String variantId) {
        byte[] original = origins.fetch(sources, mapped.fwdKey()).bytes();
        String originalFormat = ImageFormats.sniff(original);
        if (originalFormat == null) {
            throw DarkroomException.badRequest("Media " + mapped.fwdKey() + " is not an image Darkroom can read");
        }
        String format = plan.outputFormat(originalFormat, accept);
        // always derived, even with no transformation: a variant never carries the origin's embedded metadata (GPS, owner)
        DerivedImage image = deriver.derive(original, plan, format, Coordinates.NONE);
        String blobKey = "optimized/" + profile.cloud() + "/" + mediaId.substring(0, 2) + "/" + mediaId + "-" + variantId;
        files.store(blobKey, image.bytes());
        commands.send(new RecordOptimizedDerivation(mediaId, profile.cloud(), mapped.mediaKey(), mapped.resourceType(), variantId,
                transformation.chain(), image.format(), image.bytes().length, image.width(), image.height(), blobKey));
        files.kept(blobKey);
        return new Delivered(image.bytes(), image.format(), variantId, plan.formatByAccept(), profile.cloud(), mediaId);
    }

    /** The profile's default transformation as a chain: parameters as given, a bare name as the named transformation. */
    static String defaultChain(DeliveryProfileView profile) {
        String value = profile.defaultTransformation();
        if (value == null || value.isBlank()) {
            return "";
        }
        return Transformation.looksLikeParameters(value) || value.startsWith("t_") ? value : "t_" + value;
    }

    /**
     * The default followed by the mapped transformation; a mapped one that starts with the default already (custom
     * functions get it as {@code environment.defaultTransformation}, and the reference's example prepends it) is used as is.
     */
    static String chain(String defaults, String mapped) {
        String tail = trimSlashes(mapped == null ? "" : mapped);
        if (defaults.isEmpty()) {
            return tail;
        }
        if (tail.equals(defaults) || tail.startsWith(defaults + "/")) {
            return tail;
        }
        return tail.isEmpty() ? defaults : defaults + "/" + tail;
    }

    private static String trimSlashes(String value) {
        return value.strip().replaceAll("^/+|/+$", "").replaceAll("/{2,}", "/");
    }

    /** Unique across media (the usage read model counts derived files by it). */
    static String variantId(String mediaId, String chain, String formatKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((mediaId + "|" + chain + "|" + formatKey)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
