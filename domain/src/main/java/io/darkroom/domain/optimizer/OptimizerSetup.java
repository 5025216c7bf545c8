package io.darkroom.domain.optimizer;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.ForwardMatchingInstances;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A cloud's Media Optimizer configuration: its {@link MediaSource}s, custom {@link MappingFunction}s and
 * {@link DeliveryProfile}s, members of this one aggregate so that the rules between them are checked against a consistent
 * state and made final by the event store (two nodes changing one cloud's configuration at once: one appends, the other
 * retries on the new state). Each member handles the changes that concern only itself; this root holds what spans them:
 * creating members, a profile names what exists, nothing in use is deleted, one enabled profile per domain and prefix.
 * Configuration changes are rare, so one aggregate per cloud costs no contention worth having
 * (docs/decisions/003-optimizer-setup-aggregate.md).
 */
public class OptimizerSetup {
    @AggregateIdentifier
    private String id;
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, MediaSource> sources = new LinkedHashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, MappingFunction> functions = new HashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, DeliveryProfile> profiles = new LinkedHashMap<>();

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
        apply(MediaSource.created(command));
    }

    @CommandHandler
    public void handle(DeleteMediaSource command) {
        MediaSource source = source(command.id());
        profiles.forEach((profileId, profile) -> {
            if (profile.settings().mediaSourceIds().contains(command.id())) {
                throw new OptimizerConflictException("Media source " + command.id() + " is used by delivery profile " + profileId
                        + " (" + profile.settings().displayName() + ")");
            }
        });
        apply(new MediaSourceDeleted(command.cloud(), command.id(), source.displayName()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateMappingFunction command) {
        id = command.setupId();
        apply(MappingFunction.created(command));
    }

    @CommandHandler
    public void handle(DeleteMappingFunction command) {
        MappingFunction function = function(command.id());
        profiles.forEach((profileId, profile) -> {
            if (profile.settings().mappingFunctionId().equals(command.id())) {
                throw new OptimizerConflictException("Mapping function " + command.id() + " is used by delivery profile " + profileId
                        + " (" + profile.settings().displayName() + ")");
            }
        });
        apply(new MappingFunctionDeleted(command.cloud(), command.id(), function.displayName()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateDeliveryProfile command) {
        id = command.setupId();
        DeliveryProfile.Settings settings = DeliveryProfile.Settings.of(command);
        admit(settings, command.id());
        apply(settings.created(command.cloud(), command.id()));
    }

    @CommandHandler
    public void handle(UpdateDeliveryProfile command) {
        DeliveryProfile.Settings current = profile(command.id()).settings();
        DeliveryProfile.Settings next = current.changedBy(command);
        admit(next, command.id());
        if (!next.equals(current)) {
            apply(next.updated(command.cloud(), command.id()));
        }
    }

    /** A change a member handles itself reaches it only when it exists: else the API's own "not found". */
    @CommandHandlerInterceptor
    Object sourceExists(UpdateMediaSource command, InterceptorChain chain) throws Exception {
        source(command.id());
        return chain.proceed();
    }

    @CommandHandlerInterceptor
    Object functionExists(UpdateMappingFunction command, InterceptorChain chain) throws Exception {
        function(command.id());
        return chain.proceed();
    }

    @CommandHandlerInterceptor
    Object profileExists(DeleteDeliveryProfile command, InterceptorChain chain) throws Exception {
        profile(command.id());
        return chain.proceed();
    }

    /** What a profile names exists; an enabled one claims a domain and path prefix no other enabled profile has. */
    private void admit(DeliveryProfile.Settings settings, String profileId) {
        for (String sourceId : settings.mediaSourceIds()) {
            if (!sources.containsKey(sourceId)) {
                throw new OptimizerNotFoundException("Media source " + sourceId + " not found");
            }
        }
        if (BuiltInMappingFunction.byId(settings.mappingFunctionId()).isEmpty() && !functions.containsKey(settings.mappingFunctionId())) {
            throw new OptimizerNotFoundException("Mapping function " + settings.mappingFunctionId() + " not found");
        }
        profiles.forEach((otherId, other) -> {
            if (!otherId.equals(profileId) && settings.collidesWith(other.settings())) {
                throw new OptimizerConflictException("Delivery profile " + otherId + " (" + other.settings().displayName()
                        + ") already serves this domain" + (settings.pathPrefix() == null ? "" : " and path prefix " + settings.pathPrefix()));
            }
        });
    }

    private MediaSource source(String sourceId) {
        MediaSource source = sources.get(sourceId);
        if (source == null) {
            throw new OptimizerNotFoundException("Media source " + sourceId + " not found");
        }
        return source;
    }

    /** A custom function; a built-in one's id is refused as read-only before it could be looked up. */
    private MappingFunction function(String functionId) {
        BuiltInMappingFunction.byId(functionId).ifPresent(builtIn -> {
            throw new ReadOnlyMappingFunctionException("Mapping function " + functionId + " (" + builtIn.displayName()
                    + ") is built in: only custom mapping functions can be changed or deleted");
        });
        MappingFunction function = functions.get(functionId);
        if (function == null) {
            throw new OptimizerNotFoundException("Mapping function " + functionId + " not found");
        }
        return function;
    }

    private DeliveryProfile profile(String profileId) {
        DeliveryProfile profile = profiles.get(profileId);
        if (profile == null) {
            throw new OptimizerNotFoundException("Delivery profile " + profileId + " not found");
        }
        return profile;
    }

    @EventSourcingHandler
    void on(MediaSourceCreated event) {
        id = idOf(event.cloud());
        sources.put(event.id(), new MediaSource(event));
    }

    @EventSourcingHandler
    void on(MediaSourceDeleted event) {
        sources.remove(event.id());
    }

    @EventSourcingHandler
    void on(MappingFunctionCreated event) {
        id = idOf(event.cloud());
        functions.put(event.id(), new MappingFunction(event));
    }

    @EventSourcingHandler
    void on(MappingFunctionDeleted event) {
        functions.remove(event.id());
    }

    @EventSourcingHandler
    void on(DeliveryProfileCreated event) {
        id = idOf(event.cloud());
        profiles.put(event.id(), new DeliveryProfile(event));
    }

    @EventSourcingHandler
    void on(DeliveryProfileDeleted event) {
        profiles.remove(event.id());
    }
}
