package io.darkroom.api.optimizer;

import io.darkroom.api.config.DarkroomProperties;
import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.optimizer.setup.OptimizerConfiguration;
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
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /v1/:cloud/ping}, {@code /domains} and {@code /usage?date=dd-mm-yyyy} (within the last three months, as the reference says). */
@RestController
public class OptimizerController {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final OptimizerConfiguration configuration;
    private final UsageReport usage;
    private final Clock clock;
    private final Map<String, Long> mediaLimits;

    public OptimizerController(OptimizerConfiguration configuration, UsageReport usage, Clock clock, DarkroomProperties properties) {
        this.configuration = configuration;
        this.usage = usage;
        this.clock = clock;
        long maxFile = properties.upload().maxFileSize().toBytes();
        long maxPixels = properties.upload().maxPixels();
        Map<String, Long> limits = new LinkedHashMap<>();
        limits.put("image_max_size_bytes", maxFile);
        limits.put("video_max_size_bytes", maxFile);
        limits.put("raw_max_size_bytes", maxFile);
        limits.put("image_max_px", maxPixels);
        limits.put("asset_max_total_px", maxPixels);
        this.mediaLimits = Map.copyOf(limits);
    }

    @GetMapping("/v1/{cloud}/ping")
    Map<String, Object> ping() {
        return Map.of("status", "ok");
    }

    @GetMapping("/v1/{cloud}/domains")
    List<Map<String, Object>> domains(@PathVariable String cloud) {
        return configuration.domains(cloud).stream().map(OptimizerJson::domain).toList();
    }

    @GetMapping("/v1/{cloud}/usage")
    Map<String, Object> usage(@PathVariable String cloud, HttpServletRequest request) {
        String date = ApiParameters.of(request).get("date");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate day = today;
        if (date != null) {
            try {
                day = LocalDate.parse(date, DATE);
            } catch (DateTimeParseException e) {
                throw DarkroomException.badRequest("Invalid date " + date + " (dd-mm-yyyy)");
            }
            if (day.isAfter(today)) {
                throw DarkroomException.badRequest("Invalid date " + date + ": it is in the future");
            }
            if (day.isBefore(today.minusMonths(3))) {
                throw DarkroomException.badRequest("Invalid date " + date + ": it must be within the last three months");
            }
        }
        return usage.ofMediaOptimizer(cloud, day, mediaLimits);
    }
}
