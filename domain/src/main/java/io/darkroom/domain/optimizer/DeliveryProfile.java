package io.darkroom.domain.optimizer;

import io.darkroom.domain.cloud.InvalidValueException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * How a domain and path prefix are served (a member of a cloud's {@link OptimizerSetup}): the media sources to fetch
 * from, the mapping function to run, a default transformation, enabled or not. Owns its settings' own rules; what they
 * name must exist and two enabled profiles never serve one domain and prefix: those rules span the setup, which checks
 * them before a profile is created or changed.
 */
public class DeliveryProfile {
    @EntityId
    private final String id;
    private Settings settings;

    /** A profile's settings, each already valid on its own. */
    record Settings(String displayName, String cnameId, String pathPrefix, String mappingFunctionId, String defaultTransformation,
                    List<String> mediaSourceIds, boolean enabled) {
        /** A new profile's settings; new profiles start disabled. */
        static Settings of(CreateDeliveryProfile command) {
            return new Settings(Required.name(command.displayName()), Required.value(command.cnameId(), "cname_id"),
                    prefix(command.pathPrefix()), Required.value(command.mappingFunctionId(), "mapping_function_id"),
                    Required.blankToNull(command.defaultTransformation()), sources(command.mediaSourceIds()), false);
        }

        /** These settings changed by {@code command}: null leaves a part as it is. */
        Settings changedBy(UpdateDeliveryProfile command) {
            return new Settings(
                    command.displayName() == null ? displayName : Required.name(command.displayName()),
                    command.cnameId() == null ? cnameId : Required.value(command.cnameId(), "cname_id"),
                    command.pathPrefix() == null ? pathPrefix : prefix(command.pathPrefix()),
                    command.mappingFunctionId() == null ? mappingFunctionId
                            : Required.value(command.mappingFunctionId(), "mapping_function_id"),
                    command.defaultTransformation() == null ? defaultTransformation
                            : Required.blankToNull(command.defaultTransformation()),
                    command.mediaSourceIds() == null ? mediaSourceIds : sources(command.mediaSourceIds()),
                    command.enabled() == null ? enabled : command.enabled());
        }

        /** Whether both are enabled on one domain and path prefix. */
        boolean collidesWith(Settings other) {
            return enabled && other.enabled && cnameId.equals(other.cnameId) && Objects.equals(pathPrefix, other.pathPrefix);
        }

        DeliveryProfileCreated created(String cloud, String id) {
            return new DeliveryProfileCreated(cloud, id, displayName, cnameId, pathPrefix, mappingFunctionId, defaultTransformation,
                    mediaSourceIds, enabled);
        }

        DeliveryProfileUpdated updated(String cloud, String id) {
            return new DeliveryProfileUpdated(cloud, id, displayName, cnameId, pathPrefix, mappingFunctionId, defaultTransformation,
                    mediaSourceIds, enabled);
        }

        private static List<String> sources(List<String> mediaSourceIds) {
            if (mediaSourceIds == null || mediaSourceIds.isEmpty()) {
                throw new InvalidValueException("Missing required parameter - media_source_ids");
            }
            return List.copyOf(mediaSourceIds);
        }
    }

    DeliveryProfile(DeliveryProfileCreated created) {
        this.id = created.id();
        this.settings = new Settings(created.displayName(), created.cnameId(), created.pathPrefix(), created.mappingFunctionId(),
                created.defaultTransformation(), created.mediaSourceIds(), created.enabled());
    }

    @CommandHandler
    void handle(DeleteDeliveryProfile command) {
        apply(new DeliveryProfileDeleted(command.cloud(), id, settings.displayName()));
    }

    @EventSourcingHandler
    void on(DeliveryProfileUpdated event) {
        settings = new Settings(event.displayName(), event.cnameId(), event.pathPrefix(), event.mappingFunctionId(),
                event.defaultTransformation(), event.mediaSourceIds(), event.enabled());
    }

    Settings settings() {
        return settings;
    }

    /** A path prefix without its slashes; none when empty. */
    static String prefix(String pathPrefix) {
        if (pathPrefix == null) {
            return null;
        }
        String trimmed = pathPrefix.strip().replaceAll("^/+|/+$", "");
        if (trimmed.contains("//") || trimmed.contains("?") || trimmed.contains("#")) {
            throw new InvalidValueException("Invalid path_prefix " + pathPrefix);
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Equal in the same state: a member sourced from the events equals the one that applied them. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DeliveryProfile other && Objects.equals(id, other.id) && Objects.equals(settings, other.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, settings);
    }
}
