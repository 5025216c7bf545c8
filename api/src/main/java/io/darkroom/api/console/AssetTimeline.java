package io.darkroom.api.console;

import io.darkroom.application.resource.audit.ResourceHistory;
import io.darkroom.application.resource.restore.StoredVersion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An asset's timeline as the console shows it: every event, newest first, with who (the API key), when, from which
 * address and what changed; a step that stored a version links to its bytes and can restore it while they are kept.
 */
final class AssetTimeline {
    private AssetTimeline() {
    }

    /** One step: {@code viewUrl} and {@code restorable} only for a version that can still be restored (and is not current). */
    record Entry(String what, Instant at, String actor, String clientAddress, String changes, String versionId,
                 boolean current, boolean restorable, String viewUrl) {
    }

    static List<Entry> of(List<ResourceHistory.Step> steps, List<StoredVersion> versions, boolean live,
                          Function<String, String> viewUrl) {
        Map<String, StoredVersion> byId = versions.stream().collect(Collectors.toMap(StoredVersion::versionId, v -> v, (a, b) -> a));
        List<Entry> entries = new ArrayList<>();
        for (ResourceHistory.Step step : steps) {
            StoredVersion version = step.versionId() == null ? null : byId.get(step.versionId());
            boolean kept = version != null && version.restorable();
            boolean current = version != null && version.current() && live;
            entries.add(new Entry(label(step.entry().eventType()), step.entry().occurredAt(), step.entry().actor(),
                    step.entry().clientAddress(), changes(step.entry().changes(), "\n"), step.versionId(), current,
                    kept && !current, kept ? viewUrl.apply(step.versionId()) : null));
        }
        Collections.reverse(entries);
        return entries;
    }

    /** {@code ResourceTagsChanged} reads "Tags changed". */
    static String label(String eventType) {
        String words = eventType.replaceFirst("^Resource(?=[A-Z])", "").replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** What an event changed, {@code name: value} each, joined by {@code separator} (the audit page's table uses "; "). */
    static String changes(Map<String, Object> changes, String separator) {
        if (changes == null || changes.isEmpty()) {
            return "";
        }
        return changes.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(separator));
    }
}
