package io.darkroom.api.usage;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.usage.UsageReport;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /usage} (today, UTC), {@code GET /usage/dd-MM-yyyy} as the SDKs send a date and
 * {@code ?date=} (also {@code yyyy-MM-dd}); beyond Cloudinary, which keeps about 90 days:
 * {@code /usage/history?from=&to=} (the daily series of any range) and {@code /usage/folders?date=}.
 * A date in the future is a 400; any past date answers, because history is never lost.
 */
@RestController
public class UsageController {
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private final UsageReport usage;
    private final Clock clock;

    public UsageController(UsageReport usage, Clock clock) {
        this.usage = usage;
        this.clock = clock;
    }

    @GetMapping("/v1_1/{cloud}/usage")
    Map<String, Object> today(@PathVariable String cloud, HttpServletRequest request) {
        String date = ApiParameters.of(request).get("date");
        return usage.of(cloud, date == null ? today() : day("date", date));
    }

    @GetMapping("/v1_1/{cloud}/usage/{date:\\d{2}-\\d{2}-\\d{4}|\\d{4}-\\d{2}-\\d{2}}")
    Map<String, Object> onDay(@PathVariable String cloud, @PathVariable String date) {
        return usage.of(cloud, day("date", date));
    }

    @GetMapping("/v1_1/{cloud}/usage/history")
    Map<String, Object> history(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        LocalDate to = params.get("to") == null ? today() : day("to", params.get("to"));
        LocalDate from = params.get("from") == null ? to.minusDays(29) : day("from", params.get("from"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("days", usage.history(cloud, from, to));
        return body;
    }

    @GetMapping("/v1_1/{cloud}/usage/folders")
    Map<String, Object> folders(@PathVariable String cloud, HttpServletRequest request) {
        String date = ApiParameters.of(request).get("date");
        LocalDate day = date == null ? today() : day("date", date);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", day.toString());
        body.put("folders", usage.folders(cloud, day).entrySet().stream().map(e -> {
            Map<String, Object> folder = new LinkedHashMap<>();
            folder.put("folder", e.getKey());
            folder.put("storage", e.getValue());
            return folder;
        }).toList());
        return body;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private LocalDate day(String name, String text) {
        LocalDate day;
        try {
            day = text.matches("\\d{2}-\\d{2}-\\d{4}") ? LocalDate.parse(text, SDK_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw DarkroomException.badRequest("Invalid " + name + " " + text + " (dd-mm-yyyy or yyyy-mm-dd)");
        }
        if (day.isAfter(today())) {
            throw DarkroomException.badRequest("Invalid " + name + " " + text + ": it is in the future");
        }
        return day;
    }
}
