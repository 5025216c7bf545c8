package io.darkroom.domain.optimizer;

import io.darkroom.domain.cloud.InvalidValueException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A cloud's Media Optimizer configuration. Its media sources, custom mapping functions and delivery profiles live in this
 * one aggregate so that the rules between them are checked against a consistent state and made final by the event store
 * (two nodes changing one cloud's configuration at once: one appends, the other retries on the new state). Configuration
 * changes are rare, so one aggregate per cloud costs no contention worth having.
 */
public class OptimizerSetup {
    @AggregateIdentifier
    private String id;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, Function> functions = new HashMap<>();
    private final Map<String, Profile> profiles = new LinkedHashMap<>();

    private record Source(String displayName, UriType uriType, Map<String, Object> config) {
    }

    private record Function(String displayName, String code) {
    }

    private record Profile(String displayName, String cnameId, String pathPrefix, String mappingFunctionId,
                           String defaultTransformation, List<String> mediaSourceIds, boolean enabled) {
    }

    protected OptimizerSetup() {
        // required by Axon to rebuild the aggregate from its events
    }

    public static String idOf(String cloud) {
        return "mo-" + cloud;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateMediaSource command) {
        id = command.setupId();
        String name = requireName(command.displayName());
        command.uriType().validate(command.config());
        apply(new MediaSourceCreated(command.cloud(), command.id(), name, command.uriType().wireName(), ordered(command.config())));
    }

    @CommandHandler
    public void handle(UpdateMediaSource command) {
        Source current = source(command.id());
        UriType type = command.uriType() == null ? current.uriType() : command.uriType();
        Map<String, Object> config = command.config() == null ? current.config() : command.config();
        if (type != current.uriType() && command.config() == null && type != UriType.HTTP) {
            throw new InvalidValueException("Changing uri_type to " + type.wireName() + " needs its whole config");
        }
        if (type == UriType.HTTP && command.config() == null) {
            config = Map.of();
        }
        type.validate(config);
        String name = command.displayName() == null ? current.displayName() : requireName(command.displayName());
        Source next = new Source(name, type, ordered(config));
        if (!next.equals(current)) {
            apply(new MediaSourceUpdated(command.cloud(), command.id(), name, type.wireName(), next.config()));
        }
    }

    @CommandHandler
    public void handle(DeleteMediaSource command) {
        Source current = source(command.id());
        profiles.forEach((profileId, profile) -> {
            if (profile.mediaSourceIds().contains(command.id())) {
                throw new OptimizerConflictException("Media source " + command.id() + " is used by delivery profile " + profileId
                        + " (" + profile.displayName() + ")");
            }
        });
        apply(new MediaSourceDeleted(command.cloud(), command.id(), current.displayName()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateMappingFunction command) {
        id = command.setupId();
        apply(new MappingFunctionCreated(command.cloud(), command.id(), requireName(command.displayName()), requireCode(command.code())));
    }

    @CommandHandler
    public void handle(UpdateMappingFunction command) {
        requireCustom(command.id());
        Function current = function(command.id());
        Function next = new Function(command.displayName() == null ? current.displayName() : requireName(command.displayName()),
                command.code() == null ? current.code() : requireCode(command.code()));
        if (!next.equals(current)) {
            apply(new MappingFunctionUpdated(command.cloud(), command.id(), next.displayName(), next.code()));
        }
    }

    @CommandHandler
    public void handle(DeleteMappingFunction command) {
        requireCustom(command.id());
        String name = function(command.id()).displayName();
        profiles.forEach((profileId, profile) -> {
            if (profile.mappingFunctionId().equals(command.id())) {
                throw new OptimizerConflictException("Mapping function " + command.id() + " is used by delivery profile " + profileId
                        + " (" + profile.displayName() + ")");
            }
        });
        apply(new MappingFunctionDeleted(command.cloud(), command.id(), name));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateDeliveryProfile command) {
        id = command.setupId();
        Profile profile = new Profile(requireName(command.displayName()), require(command.cnameId(), "cname_id"),
                prefix(command.pathPrefix()), require(command.mappingFunctionId(), "mapping_function_id"),
                blankToNull(command.defaultTransformation()), command.mediaSourceIds(), false);
        check(profile, command.id());
        apply(new DeliveryProfileCreated(command.cloud(), command.id(), profile.displayName(), profile.cnameId(), profile.pathPrefix(),
                profile.mappingFunctionId(), profile.defaultTransformation(), List.copyOf(profile.mediaSourceIds()), false));
    }

    @CommandHandler
    public void handle(UpdateDeliveryProfile command) {
        Profile current = profiles.get(command.id());
        if (current == null) {
            throw new OptimizerNotFoundException("Delivery profile " + command.id() + " not found");
        }
        Profile next = new Profile(
                command.displayName() == null ? current.displayName() : requireName(command.displayName()),
                command.cnameId() == null ? current.cnameId() : require(command.cnameId(), "cname_id"),
                command.pathPrefix() == null ? current.pathPrefix() : prefix(command.pathPrefix()),
                command.mappingFunctionId() == null ? current.mappingFunctionId() : require(command.mappingFunctionId(), "mapping_function_id"),
                command.defaultTransformation() == null ? current.defaultTransformation() : blankToNull(command.defaultTransformation()),
                command.mediaSourceIds() == null ? current.mediaSourceIds() : List.copyOf(command.mediaSourceIds()),
                command.enabled() == null ? current.enabled() : command.enabled());
        check(next, command.id());
        if (!next.equals(current)) {
            apply(new DeliveryProfileUpdated(command.cloud(), command.id(), next.displayName(), next.cnameId(), next.pathPrefix(),
                    next.mappingFunctionId(), next.defaultTransformation(), next.mediaSourceIds(), next.enabled()));
        }
    }

    @CommandHandler
    public void handle(DeleteDeliveryProfile command) {
        Profile current = profiles.get(command.id());
        if (current == null) {
            throw new OptimizerNotFoundException("Delivery profile " + command.id() + " not found");
        }
        apply(new DeliveryProfileDeleted(command.cloud(), command.id(), current.displayName()));
    }

    /** What a profile names exists; an enabled one claims a domain and path prefix no other enabled profile has. */
    private void check(Profile profile, String profileId) {
        if (profile.mediaSourceIds() == null || profile.mediaSourceIds().isEmpty()) {
            throw new InvalidValueException("Missing required parameter - media_source_ids");
        }
        for (String sourceId : profile.mediaSourceIds()) {
            if (!sources.containsKey(sourceId)) {
                throw new OptimizerNotFoundException("Media source " + sourceId + " not found");
            }
        }
        if (BuiltInMappingFunction.byId(profile.mappingFunctionId()).isEmpty() && !functions.containsKey(profile.mappingFunctionId())) {
            throw new OptimizerNotFoundException("Mapping function " + profile.mappingFunctionId() + " not found");
        }
        if (profile.enabled()) {
            profiles.forEach((otherId, other) -> {
                if (!otherId.equals(profileId) && other.enabled() && other.cnameId().equals(profile.cnameId())
                        && Objects.equals(other.pathPrefix(), profile.pathPrefix())) {
                    throw new OptimizerConflictException("Delivery profile " + otherId + " (" + other.displayName()
                            + ") already serves this domain" + (profile.pathPrefix() == null ? "" : " and path prefix " + profile.pathPrefix()));
                }
            });
        }
    }

    private Source source(String sourceId) {
        Source source = sources.get(sourceId);
        if (source == null) {
            throw new OptimizerNotFoundException("Media source " + sourceId + " not found");
        }
        return source;
    }

    private Function function(String functionId) {
        Function function = functions.get(functionId);
        if (function == null) {
            throw new OptimizerNotFoundException("Mapping function " + functionId + " not found");
        }
        return function;
    }

    private static void requireCustom(String functionId) {
        BuiltInMappingFunction.byId(functionId).ifPresent(builtIn -> {
            throw new ReadOnlyMappingFunctionException("Mapping function " + functionId + " (" + builtIn.displayName()
                    + ") is built in: only custom mapping functions can be changed or deleted");
        });
    }

    private static String requireName(String displayName) {
        return require(displayName, "display_name");
    }

    private static String require(String value, String parameter) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("Missing required parameter - " + parameter);
        }
        return value;
    }

    private static String requireCode(String code) {
        return require(code, "code");
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

    private static Map<String, Object> ordered(Map<String, Object> config) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @EventSourcingHandler
    void on(MediaSourceCreated event) {
        id = idOf(event.cloud());
        sources.put(event.id(), new Source(event.displayName(), UriType.of(event.uriType()), event.config()));
    }

    @EventSourcingHandler
    void on(MediaSourceUpdated event) {
        sources.put(event.id(), new Source(event.displayName(), UriType.of(event.uriType()), event.config()));
    }

    @EventSourcingHandler
    void on(MediaSourceDeleted event) {
        sources.remove(event.id());
    }

    @EventSourcingHandler
    void on(MappingFunctionCreated event) {
        id = idOf(event.cloud());
        functions.put(event.id(), new Function(event.displayName(), event.code()));
    }

    @EventSourcingHandler
    void on(MappingFunctionUpdated event) {
        functions.put(event.id(), new Function(event.displayName(), event.code()));
    }

    @EventSourcingHandler
    void on(MappingFunctionDeleted event) {
        functions.remove(event.id());
    }

    @EventSourcingHandler
    void on(DeliveryProfileCreated event) {
        id = idOf(event.cloud());
        profiles.put(event.id(), new Profile(event.displayName(), event.cnameId(), event.pathPrefix(), event.mappingFunctionId(),
                event.defaultTransformation(), event.mediaSourceIds(), event.enabled()));
    }

    @EventSourcingHandler
    void on(DeliveryProfileUpdated event) {
        on(new DeliveryProfileCreated(event.cloud(), event.id(), event.displayName(), event.cnameId(), event.pathPrefix(),
                event.mappingFunctionId(), event.defaultTransformation(), event.mediaSourceIds(), event.enabled()));
    }

    @EventSourcingHandler
    void on(DeliveryProfileDeleted event) {
        profiles.remove(event.id());
    }
}
