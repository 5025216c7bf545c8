package io.darkroom.domain.transformation;

import io.darkroom.domain.cloud.InvalidValueException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A cloud's transformation under one name (a chosen name, or the canonical string of an unnamed
 * one). The id comes from cloud and name, so the event store's unique sequence number is what makes
 * a name unique: of two creates racing on two nodes, one appends first and the other is a 409.
 * A deleted name can be created again: the aggregate lives on, and creating revives it.
 */
public class TransformationDefinition {
    @AggregateIdentifier
    private String id;
    private String cloud;
    private String name;
    private boolean named;
    private String definition;
    private boolean allowedForStrict;
    private boolean live;

    protected TransformationDefinition() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateTransformation command) {
        if (live) {
            throw new TransformationExistsException(command.name());
        }
        if (command.named() && command.definition().namedReferences().contains(command.name())) {
            throw new InvalidValueException("Transformation " + command.name() + " cannot refer to itself");
        }
        apply(new TransformationCreated(command.id(), command.cloud(), command.name(), command.named(),
                command.definition().canonical(), command.allowedForStrict()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterTransformation command) {
        if (!live) {
            String canonical = command.definition().canonical();
            apply(new TransformationCreated(command.id(), command.cloud(), canonical, false, canonical, false));
        }
    }

    @CommandHandler
    public void handle(UpdateTransformation command) {
        requireVisibleTo(command.cloud());
        if (command.definition() != null && !named) {
            throw new InvalidValueException("unsafe_update applies to named transformations only; " + name + " is unnamed");
        }
        if (command.definition() != null && command.definition().namedReferences().contains(name)) {
            throw new InvalidValueException("Transformation " + name + " cannot refer to itself");
        }
        String nextDefinition = command.definition() == null ? definition : command.definition().canonical();
        boolean nextAllowed = command.allowedForStrict() == null ? allowedForStrict : command.allowedForStrict();
        if (!nextDefinition.equals(definition) || nextAllowed != allowedForStrict) {
            apply(new TransformationUpdated(id, cloud, name, nextDefinition, nextAllowed));
        }
    }

    @CommandHandler
    public void handle(DeleteTransformation command) {
        requireVisibleTo(command.cloud());
        apply(new TransformationDeleted(id, cloud, name));
    }

    private void requireVisibleTo(String callerCloud) {
        if (!live || !cloud.equals(callerCloud)) {
            throw new TransformationNotFoundException(name == null ? "" : name);
        }
    }

    @EventSourcingHandler
    void on(TransformationCreated event) {
        id = event.id();
        cloud = event.cloud();
        name = event.name();
        named = event.named();
        definition = event.definition();
        allowedForStrict = event.allowedForStrict();
        live = true;
    }

    @EventSourcingHandler
    void on(TransformationUpdated event) {
        definition = event.definition();
        allowedForStrict = event.allowedForStrict();
    }

    @EventSourcingHandler
    void on(TransformationDeleted event) {
        live = false;
    }
}
