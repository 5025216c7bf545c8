package io.darkroom.api.rebuild;

import io.darkroom.application.rebuild.ReadModelRebuild;
import io.darkroom.application.support.DarkroomException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs one online rebuild at a time on this node, in the background, and keeps its progress for
 * {@code GET /ops/rebuild}. (The engine's advisory lock keeps other nodes out.)
 */
public class Rebuilds {
    private final ReadModelRebuild rebuild;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<String, Object> status = Map.of("state", "idle");

    public Rebuilds(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /**
     * Starts a rebuild of {@code projections} (comma-separated read models, or "all") in {@code mode} ({@code switch}
     * or {@code verify}): an unknown mode or read model is a 400, a rebuild already running a 409.
     */
    public synchronized void start(String projections, String mode) {
        if (!mode.equals("switch") && !mode.equals("verify")) {
            throw DarkroomException.badRequest("mode is switch or verify");
        }
        if ("running".equals(status.get("state"))) {
            throw new DarkroomException(DarkroomException.Kind.ALREADY_EXISTS, "A rebuild is running");
        }
        List<String> names = java.util.Arrays.stream(projections.split(",")).map(String::trim).toList();
        List<String> chosenNames = names.contains("all") ? rebuild.readModels() : names;
        for (String name : chosenNames) {
            if (!rebuild.readModels().contains(name)) {
                throw DarkroomException.badRequest("Unknown read model " + name + " (known: "
                        + String.join(", ", rebuild.readModels()) + ", all)");
            }
        }
        boolean switchWhenCaughtUp = mode.equals("switch");
        status = state("running", chosenNames, mode, null, null, null);
        worker.submit(() -> {
            try {
                ReadModelRebuild.Outcome outcome = rebuild.run(chosenNames, switchWhenCaughtUp,
                        progress -> status = state("running", chosenNames, mode, progress, null, null));
                status = state("done", chosenNames, mode, null, outcome, null);
            } catch (Exception | Error e) {
                status = state("failed", chosenNames, mode, null, null, e.getMessage());
            }
        });
    }

    public Map<String, Object> status() {
        return status;
    }

    private static Map<String, Object> state(String state, List<String> names, String mode, ReadModelRebuild.Progress progress,
                                             ReadModelRebuild.Outcome outcome, String error) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", state);
        json.put("projections", names);
        json.put("mode", mode);
        if (progress != null) {
            json.put("phase", progress.phase());
            json.put("done", progress.done());
            json.put("total", progress.total());
            json.put("events_per_second", Math.round(progress.perSecond()));
            json.put("seconds_left", progress.left().toSeconds());
        }
        if (outcome != null) {
            json.put("events", outcome.events());
            json.put("switched", outcome.switched());
            json.put("differences", outcome.differences());
        }
        if (error != null) {
            json.put("error", error);
        }
        return json;
    }
}
