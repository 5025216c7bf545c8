package io.darkroom.api.rebuild;

import io.darkroom.application.rebuild.ProjectionRebuilder;

import java.util.List;

/** {@code java -jar darkroom.jar replay}: rebuilds every read model from the event store. */
public class ReplayCommand {
    private final ProjectionRebuilder rebuilder;
    private final List<Object> projections;

    public ReplayCommand(ProjectionRebuilder rebuilder, List<Object> projections) {
        this.rebuilder = rebuilder;
        this.projections = List.copyOf(projections);
    }

    /** Answers the number of events read (summed over the projections). */
    public long run() {
        long events = 0;
        for (Object projection : projections) {
            events += rebuilder.rebuild(projection);
        }
        return events;
    }
}
