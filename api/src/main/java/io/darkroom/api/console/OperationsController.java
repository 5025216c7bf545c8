package io.darkroom.api.console;

import io.darkroom.api.rebuild.Rebuilds;
import io.darkroom.application.rebuild.ReadModelRebuild;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operator's page (an operator session only, see {@link ConsoleAccess}): start a read-model rebuild and follow its
 * progress and verify result live, each event processor's lag, and the queues (webhooks, warm-ups, eager derivations,
 * stored files awaiting removal), all read from this node's meters, the ones Prometheus scrapes.
 */
@Controller
public class OperationsController {
    private static final Map<String, String> QUEUES = Map.of(
            "darkroom.webhooks.pending", "Webhooks waiting to be sent",
            "darkroom.optimizer.warm_up.pending", "Warm-ups waiting",
            "darkroom.eager.async.pending", "Eager derivations waiting",
            "darkroom.blob.deletion.queue", "Stored files waiting for removal");

    private final Rebuilds rebuilds;
    private final ReadModelRebuild rebuild;
    private final MeterRegistry meters;

    public OperationsController(Rebuilds rebuilds, ReadModelRebuild rebuild, MeterRegistry meters) {
        this.rebuilds = rebuilds;
        this.rebuild = rebuild;
        this.meters = meters;
    }

    @GetMapping("/console/operations")
    String page(HttpServletRequest request, Model model) {
        ConsoleModel.session(request, model);
        model.addAttribute("readModels", rebuild.readModels());
        model.addAttribute("status", rebuilds.status());
        model.addAttribute("lag", lag());
        model.addAttribute("queues", queues());
        model.addAttribute("queueNames", QUEUES);
        return "console/operations";
    }

    @PostMapping("/console/operations/rebuild")
    String start(@RequestParam(defaultValue = "all") String projections, @RequestParam(defaultValue = "verify") String mode) {
        rebuilds.start(projections, mode);
        return "redirect:/console/operations";
    }

    /** What the page's script polls: the rebuild's state and progress, the lag of each processor, the queues. */
    @GetMapping(path = "/console/operations/status", produces = "application/json")
    @ResponseBody
    Map<String, Object> status() {
        Map<String, Object> answer = new LinkedHashMap<>(rebuilds.status());
        answer.put("lag", lag());
        answer.put("queues", queues());
        return answer;
    }

    private Map<String, Long> lag() {
        Map<String, Long> lag = new TreeMap<>();
        meters.find("darkroom.projection.lag").gauges().forEach(g -> lag.put(g.getId().getTag("processor"), round(g)));
        return lag;
    }

    private Map<String, Long> queues() {
        Map<String, Long> queues = new TreeMap<>();
        QUEUES.keySet().forEach(name -> {
            Gauge gauge = meters.find(name).gauge();
            queues.put(name, gauge == null ? null : round(gauge));
        });
        return queues;
    }

    private static Long round(Gauge gauge) {
        double value = gauge.value();
        return Double.isNaN(value) ? null : Math.round(value);
    }
}
