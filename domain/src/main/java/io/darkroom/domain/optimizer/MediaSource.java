package io.darkroom.domain.optimizer;

import io.darkroom.domain.cloud.InvalidValueException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Where a cloud's originals are fetched from (a member of its {@link OptimizerSetup}): a name, a {@link UriType} and the
 * config that type requires. Owns its own changes; whether it may be deleted (no delivery profile uses it) is the setup's.
 */
public class MediaSource {
    @EntityId
    private final String id;
    private String displayName;
    private UriType uriType;
    private Map<String, Object> config;

    MediaSource(MediaSourceCreated created) {
        this.id = created.id();
        set(created.displayName(), created.uriType(), created.config());
    }

    /** The event that creates a media source, once its name and config are complete for its type. */
    static MediaSourceCreated created(CreateMediaSource command) {
        String name = Required.name(command.displayName());
        command.uriType().validate(command.config());
        return new MediaSourceCreated(command.cloud(), command.id(), name, command.uriType().wireName(),
                Required.ordered(command.config()));
    }

    /** A new type needs its whole config (but http, which has none); a new config replaces the old one whole. */
    @CommandHandler
    void handle(UpdateMediaSource command) {
        UriType type = command.uriType() == null ? uriType : command.uriType();
        Map<String, Object> nextConfig = command.config() == null ? config : command.config();
        if (type != uriType && command.config() == null && type != UriType.HTTP) {
            throw new InvalidValueException("Changing uri_type to " + type.wireName() + " needs its whole config");
        }
        if (type == UriType.HTTP && command.config() == null) {
            nextConfig = Map.of();
        }
        type.validate(nextConfig);
        String name = command.displayName() == null ? displayName : Required.name(command.displayName());
        Map<String, Object> ordered = Required.ordered(nextConfig);
        if (!name.equals(displayName) || type != uriType || !ordered.equals(config)) {
            apply(new MediaSourceUpdated(command.cloud(), id, name, type.wireName(), ordered));
        }
    }

    @EventSourcingHandler
    void on(MediaSourceUpdated event) {
        set(event.displayName(), event.uriType(), event.config());
    }

    String displayName() {
        return displayName;
    }

    private void set(String displayName, String uriType, Map<String, Object> config) {
        this.displayName = displayName;
        this.uriType = UriType.of(uriType);
        this.config = config;
    }

    /** Equal in the same state: a member sourced from the events equals the one that applied them. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MediaSource other && Objects.equals(id, other.id) && Objects.equals(displayName, other.displayName) && Objects.equals(uriType, other.uriType) && Objects.equals(config, other.config);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, displayName, uriType, config);
    }
}
