package io.darkroom.domain.resource;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One asset and its versions. Its identity is the immutable asset id; the public id is a
 * name claimed outside the aggregate (uniqueness spans aggregates), so commands reach here
 * only after the claim succeeded in the same transaction.
 */
public class Resource {
    @AggregateIdentifier
    private String assetId;
    private String cloud;
    private String resourceType;
    private String type;
    private String publicId;
    private long version;
    private List<String> tags;
    private Map<String, String> context;

    protected Resource() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Resource(UploadResource command) {
        Moderation moderation = command.moderation();
        apply(new ResourceUploaded(command.assetId().value(), command.cloud().value(),
                command.resourceType().wireName(), command.type().wireName(), command.publicId().value(),
                command.versionId(), VersionPolicy.next(0, command.uploadedAt()), command.facts(),
                command.labels().tags(), command.labels().context(),
                moderation == null ? null : moderation.kind(), moderation == null ? null : moderation.status(),
                command.uploadedAt()));
    }

    @CommandHandler
    public long handle(UploadNewVersion command) {
        if (!cloud.equals(command.cloud().value())) {
            throw new ResourceNotInCloudException(assetId);
        }
        Labels labels = command.labels() == null ? new Labels(tags, context) : command.labels();
        long nextVersion = VersionPolicy.next(version, command.uploadedAt());
        apply(new ResourceVersionUploaded(assetId, cloud, resourceType, type, publicId, command.versionId(),
                nextVersion, command.facts(), labels.tags(), labels.context(), command.uploadedAt()));
        return nextVersion;
    }

    @EventSourcingHandler
    void on(ResourceUploaded event) {
        assetId = event.assetId();
        cloud = event.cloud();
        resourceType = event.resourceType();
        type = event.type();
        publicId = event.publicId();
        version = event.version();
        tags = event.tags();
        context = event.context();
    }

    @EventSourcingHandler
    void on(ResourceVersionUploaded event) {
        version = event.version();
        tags = event.tags();
        context = event.context();
    }
}
