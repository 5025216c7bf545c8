package io.darkroom.application.rebuild;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Port: rebuilding named read models from the event store while Darkroom serves (switching them in, or verifying them). */
public interface ReadModelRebuild {
    /** Progress as the operator sees it. */
    record Progress(long done, long total, double perSecond, Duration left, String phase) {
    }

    /** What a run did: events read, the rows that differ between live and rebuilt, whether the rebuilt rows replaced the live ones. */
    record Outcome(long events, List<String> differences, boolean switched) {
    }

    /** The read models it knows. */
    List<String> readModels();

    Outcome run(List<String> readModels, boolean switchWhenCaughtUp, Consumer<Progress> progress) throws Exception;
}
