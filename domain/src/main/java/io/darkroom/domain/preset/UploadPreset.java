package io.darkroom.domain.preset;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A cloud's upload preset under one name. The id comes from cloud and name, so the event store's unique sequence number
 * is what makes a name unique across nodes: of two creates racing, one appends first and the other is a 409. A deleted
 * name can be created again: the aggregate lives on, and creating revives it. An update that changes nothing records
 * nothing.
 */
public class UploadPreset {
    @AggregateIdentifier
    private String id;
    private String cloud;
    private String name;
    private boolean unsigned;
    private boolean disallowPublicId;
    private SortedMap<String, String> settings;
    private boolean live;

    protected UploadPreset() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateUploadPreset command) {
        if (live) {
            throw new UploadPresetExistsException(command.name());
        }
        apply(new UploadPresetCreated(command.id(), command.cloud(), command.name(), command.unsigned(),
                command.disallowPublicId(), PresetSettings.copyOf(command.settings())));
    }

    @CommandHandler
    public void handle(UpdateUploadPreset command) {
        requireVisibleTo(command.cloud());
        boolean nextUnsigned = command.unsigned() == null ? unsigned : command.unsigned();
        boolean nextDisallow = command.disallowPublicId() == null ? disallowPublicId : command.disallowPublicId();
        SortedMap<String, String> nextSettings = PresetSettings.merge(settings, command.settings());
        if (nextUnsigned != unsigned || nextDisallow != disallowPublicId || !Objects.equals(nextSettings, settings)) {
            apply(new UploadPresetUpdated(id, cloud, name, nextUnsigned, nextDisallow, nextSettings));
        }
    }

    @CommandHandler
    public void handle(DeleteUploadPreset command) {
        requireVisibleTo(command.cloud());
        apply(new UploadPresetDeleted(id, cloud, name));
    }

    private void requireVisibleTo(String callerCloud) {
        if (!live || !cloud.equals(callerCloud)) {
            throw new UploadPresetNotFoundException(name == null ? "" : name);
        }
    }

    @EventSourcingHandler
    void on(UploadPresetCreated event) {
        id = event.id();
        cloud = event.cloud();
        name = event.name();
        adopt(event.unsigned(), event.disallowPublicId(), event.settings());
        live = true;
    }

    @EventSourcingHandler
    void on(UploadPresetUpdated event) {
        adopt(event.unsigned(), event.disallowPublicId(), event.settings());
    }

    @EventSourcingHandler
    void on(UploadPresetDeleted event) {
        live = false;
    }

    private void adopt(boolean unsigned, boolean disallowPublicId, Map<String, String> settings) {
        this.unsigned = unsigned;
        this.disallowPublicId = disallowPublicId;
        this.settings = PresetSettings.copyOf(settings);
    }
}
