package io.darkroom.api.console;

import io.darkroom.application.console.ConsoleSession;
import io.darkroom.application.usage.UsageReport;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Usage over any range (30 days by default) from the usage history, one row a day: storage, bandwidth, requests and
 * transformations as charts, and the storage of each folder at the range's end.
 */
@Controller
public class UsagePageController {
    private final UsageReport usage;
    private final Clock clock;

    public UsagePageController(UsageReport usage, Clock clock) {
        this.usage = usage;
        this.clock = clock;
    }

    @GetMapping("/console/usage")
    String usage(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 HttpServletRequest request, Model model) {
        ConsoleSession session = ConsoleModel.session(request, model);
        LocalDate last = java.util.Objects.requireNonNullElse(ConsoleDates.day("to", to), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        LocalDate first = java.util.Objects.requireNonNullElse(ConsoleDates.day("from", from), last.minusDays(29));
        List<Map<String, Object>> history = usage.history(session.cloud(), first, last);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("charts", List.of(
                UsageChart.of("Storage", "storage", true, history),
                UsageChart.of("Bandwidth", "bandwidth", true, history),
                UsageChart.of("Requests", "requests", false, history),
                UsageChart.of("Transformations", "transformations", false, history)));
        model.addAttribute("folders", usage.folders(session.cloud(), last).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .map(e -> Map.entry(e.getKey().isEmpty() ? "(root)" : e.getKey(), UsageChart.format(e.getValue(), true))).toList());
        return "console/usage";
    }
}
