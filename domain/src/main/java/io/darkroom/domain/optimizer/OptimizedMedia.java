package io.darkroom.domain.optimizer;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The derived versions Media Optimizer deliveries made of one media key of a cloud. Its id comes from cloud and key, so a
 * derivation and an invalidation of the same media on two nodes meet in the event store; caches drop the media's
 * answers by this id, as they drop an asset's.
 */
public class OptimizedMedia {
    @AggregateIdentifier
    private String id;
    private final Map<String, Variant> variants = new LinkedHashMap<>();

    private record Variant(String blobKey, long bytes) {
    }

    protected OptimizedMedia() {
        // required by Axon to rebuild the aggregate from its events
    }

    public static String idOf(String cloud, String mediaKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("media\u0000" + cloud + "\u0000" + mediaKey)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordOptimizedDerivation command) {
        id = command.mediaId();
        if (variants.containsKey(command.variantId())) {
            return false;
        }
        org.axonframework.modelling.command.AggregateLifecycle.apply(new OptimizedMediaDerived(command.mediaId(), command.cloud(),
                command.mediaKey(), command.resourceType(), command.variantId(), command.transformation(), command.format(),
                command.bytes(), command.width(), command.height(), command.blobKey()));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(InvalidateOptimizedMedia command) {
        id = command.mediaId();
        List<String> ids = new ArrayList<>(variants.keySet());
        List<String> blobs = variants.values().stream().map(Variant::blobKey).toList();
        long bytes = variants.values().stream().mapToLong(Variant::bytes).sum();
        org.axonframework.modelling.command.AggregateLifecycle.apply(new OptimizedMediaInvalidated(command.mediaId(), command.cloud(),
                command.mediaKey(), ids, blobs, bytes));
    }

    @EventSourcingHandler
    void on(OptimizedMediaDerived event) {
        id = event.mediaId();
        variants.put(event.variantId(), new Variant(event.blobKey(), event.bytes()));
    }

    @EventSourcingHandler
    void on(OptimizedMediaInvalidated event) {
        id = event.mediaId();
        variants.clear();
    }
}
