package io.darkroom.application.usage;

import io.darkroom.application.support.DarkroomException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Usage answers from the usage read model. A day's report shows the stocks at the end of that day
 * (objects, resources, derived resources, storage) and the flows of the 30 days ending with it
 * (bandwidth, requests, derivations, Admin API calls), as Cloudinary's monthly cycle does. Every day
 * since the first event is kept: history and per-folder storage answer for any range.
 */
public class UsageReport {
    static final int FLOW_DAYS = 30;
    /** Longest range one history call answers (ten years of days). */
    public static final int MAX_HISTORY_DAYS = 3660;
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final UsageStore store;
    private final Function<String, UsagePlan> plans;

    public UsageReport(UsageStore store, Function<String, UsagePlan> plans) {
        this.store = store;
        this.plans = plans;
    }

    /** The report as of the end of {@code day}. */
    public Map<String, Object> of(String cloud, LocalDate day) {
        UsageDelta stock = store.upTo(cloud, day);
        UsageDelta flows = UsageDelta.NONE;
        for (UsageStore.UsageDay d : store.days(cloud, day.minusDays(FLOW_DAYS - 1), day)) {
            flows = flows.plus(d.delta());
        }
        UsagePlan plan = plans.apply(cloud);
        double transformationCredits = flows.transformations() / 1000.0;
        double storageCredits = stock.storageBytes() / GIB;
        double bandwidthCredits = flows.bandwidthBytes() / GIB;
        double credits = transformationCredits + storageCredits + bandwidthCredits;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("plan", plan.name());
        report.put("last_updated", day.toString());
        report.put("date_requested", day + "T00:00:00Z");
        report.put("transformations", Map.of("usage", flows.transformations(), "credits_usage", round(transformationCredits)));
        report.put("objects", limited(stock.resources() + stock.derived(), plan.objectsLimit(), null));
        report.put("bandwidth", limited(flows.bandwidthBytes(), plan.bandwidthLimit(), bandwidthCredits));
        Map<String, Object> storage = limited(stock.storageBytes(), plan.storageLimit(), storageCredits);
        // trashed assets' bytes are storage until the trash retention removes them: usage includes them
        storage.put("trash_usage", stock.trashBytes());
        report.put("storage", storage);
        Map<String, Object> creditBlock = new LinkedHashMap<>();
        creditBlock.put("usage", round(credits));
        creditBlock.put("limit", plan.creditsLimit());
        creditBlock.put("used_percent", plan.creditsLimit() > 0 ? round(100 * credits / plan.creditsLimit()) : 0.0);
        report.put("credits", creditBlock);
        report.put("requests", flows.requests());
        report.put("resources", stock.resources());
        report.put("derived_resources", stock.derived());
        report.put("admin_api_calls", flows.adminCalls());
        return report;
    }

    /**
     * The Media Optimizer API's report as of the end of {@code day}: the same counts in that API's shape (no storage or
     * objects, its media limits instead).
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> ofMediaOptimizer(String cloud, LocalDate day, Map<String, Long> mediaLimits) {
        Map<String, Object> full = of(cloud, day);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("plan", full.get("plan"));
        report.put("last_updated", full.get("last_updated"));
        report.put("transformations", full.get("transformations"));
        Map<String, Object> bandwidth = (Map<String, Object>) full.get("bandwidth");
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("usage", bandwidth.get("usage"));
        shown.put("credits_usage", bandwidth.get("credits_usage"));
        report.put("bandwidth", shown);
        report.put("credits", full.get("credits"));
        report.put("requests", full.get("requests"));
        report.put("media_limits", mediaLimits);
        return report;
    }

    /** Every day from {@code from} to {@code to}: the stocks at its end and its own flows. */
    public List<Map<String, Object>> history(String cloud, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw DarkroomException.badRequest("from must not be after to");
        }
        if (from.plusDays(MAX_HISTORY_DAYS).isBefore(to)) {
            throw DarkroomException.badRequest("A history covers at most " + MAX_HISTORY_DAYS + " days");
        }
        UsageDelta stock = store.upTo(cloud, from.minusDays(1));
        Map<LocalDate, UsageDelta> changed = new LinkedHashMap<>();
        store.days(cloud, from, to).forEach(d -> changed.put(d.day(), d.delta()));
        List<Map<String, Object>> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            UsageDelta delta = changed.getOrDefault(day, UsageDelta.NONE);
            stock = stock.plus(delta);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", day.toString());
            row.put("resources", stock.resources());
            row.put("derived_resources", stock.derived());
            row.put("objects", stock.resources() + stock.derived());
            row.put("storage", stock.storageBytes());
            row.put("trash_storage", stock.trashBytes());
            row.put("bandwidth", delta.bandwidthBytes());
            row.put("requests", delta.requests());
            row.put("transformations", delta.transformations());
            row.put("admin_api_calls", delta.adminCalls());
            days.add(row);
        }
        return days;
    }

    /** Storage bytes per folder at the end of {@code day} ("" is the root). */
    public Map<String, Long> folders(String cloud, LocalDate day) {
        return store.folders(cloud, day);
    }

    private static Map<String, Object> limited(long usage, long limit, Double credits) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("usage", usage);
        block.put("limit", limit);
        block.put("used_percent", limit > 0 ? round(100.0 * usage / limit) : 0.0);
        if (credits != null) {
            block.put("credits_usage", round(credits));
        }
        return block;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
