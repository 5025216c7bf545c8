package io.darkroom.domain.optimizer;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A cloud's custom mapping function (a member of its {@link OptimizerSetup}): a name and its JavaScript code. Built-in
 * functions ({@link BuiltInMappingFunction}) are not members: they cannot be changed. Whether one may be deleted (no
 * delivery profile runs it) is the setup's.
 */
public class MappingFunction {
    @EntityId
    private final String id;
    private String displayName;
    private String code;

    MappingFunction(MappingFunctionCreated created) {
        this.id = created.id();
        this.displayName = created.displayName();
        this.code = created.code();
    }

    static MappingFunctionCreated created(CreateMappingFunction command) {
        return new MappingFunctionCreated(command.cloud(), command.id(), Required.name(command.displayName()),
                Required.value(command.code(), "code"));
    }

    @CommandHandler
    void handle(UpdateMappingFunction command) {
        String name = command.displayName() == null ? displayName : Required.name(command.displayName());
        String nextCode = command.code() == null ? code : Required.value(command.code(), "code");
        if (!name.equals(displayName) || !nextCode.equals(code)) {
            apply(new MappingFunctionUpdated(command.cloud(), id, name, nextCode));
        }
    }

    @EventSourcingHandler
    void on(MappingFunctionUpdated event) {
        this.displayName = event.displayName();
        this.code = event.code();
    }

    String displayName() {
        return displayName;
    }

    /** Equal in the same state: a member sourced from the events equals the one that applied them. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MappingFunction other && Objects.equals(id, other.id) && Objects.equals(displayName, other.displayName) && Objects.equals(code, other.code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, displayName, code);
    }
}
