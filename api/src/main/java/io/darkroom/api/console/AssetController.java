package io.darkroom.api.console;

import io.darkroom.api.resource.restore.VersionsJson;
import io.darkroom.api.resource.wire.DeliveryUrls;
import io.darkroom.application.cloud.Cloud;
import io.darkroom.application.cloud.CloudDirectory;
import io.darkroom.application.cloud.DeliverySignature;
import io.darkroom.application.console.ConsoleSession;
import io.darkroom.application.derivation.DerivedResources;
import io.darkroom.application.resource.audit.ResourceHistory;
import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.resource.restore.TrashedAsset;
import io.darkroom.application.resource.restore.VersionQueries;
import io.darkroom.application.support.DarkroomException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Optional;

/**
 * An asset's page: preview, facts, the edit form, derived files, delivery URLs (plain and signed) and the timeline of
 * every event with its versions viewable and restorable; a trashed asset's page shows its timeline and a restore
 * button. Another cloud's asset id is a 404, as in the Admin API. The changes are {@link AssetChangeController}'s.
 */
@Controller
public class AssetController {
    private static final int DERIVED_SHOWN = 50;

    private final ResourceQueries queries;
    private final VersionQueries versions;
    private final ResourceHistory history;
    private final DerivedResources derived;
    private final VersionsJson versionsJson;
    private final CloudDirectory clouds;
    private final DeliveryUrls urls;

    public AssetController(ResourceQueries queries, VersionQueries versions, ResourceHistory history, DerivedResources derived,
                           VersionsJson versionsJson, CloudDirectory clouds, DeliveryUrls urls) {
        this.queries = queries;
        this.versions = versions;
        this.history = history;
        this.derived = derived;
        this.versionsJson = versionsJson;
        this.clouds = clouds;
        this.urls = urls;
    }

    @GetMapping("/console/asset/{assetId}")
    String asset(@PathVariable String assetId, @RequestParam(required = false) String done, HttpServletRequest request,
                 Model model) {
        ConsoleSession session = ConsoleModel.session(request, model);
        Cloud cloud = clouds.find(session.cloud()).orElseThrow(() -> DarkroomException.notFound("Unknown cloud"));
        Optional<ResourceView> live = queries.findByAssetId(session.cloud(), assetId);
        Optional<TrashedAsset> trashed = live.isPresent() ? Optional.empty() : versions.trashed(session.cloud(), assetId);
        if (live.isEmpty() && trashed.isEmpty()) {
            throw DarkroomException.notFound("No such asset in this cloud");
        }
        model.addAttribute("assetId", assetId);
        model.addAttribute("notice", notice(done));
        model.addAttribute("timeline", AssetTimeline.of(history.steps(session.cloud(), assetId),
                versions.versions(session.cloud(), assetId), live.isPresent(),
                versionId -> versionsJson.downloadUrl(cloud, assetId, versionId)));
        if (trashed.isPresent()) {
            model.addAttribute("trashed", trashed.get());
            return "console/asset";
        }
        ResourceView asset = live.get();
        String base = urls.bases().secure();
        String signature = DeliverySignature.sign(DeliverySignature.signedPart("", DeliveryUrls.file(asset)), cloud.apiSecret());
        model.addAttribute("asset", asset);
        model.addAttribute("analysis", queries.analysis(assetId));
        model.addAttribute("deliveryUrl", base + DeliveryUrls.path(asset));
        model.addAttribute("signedUrl", base + DeliveryUrls.signedPath(asset, signature));
        model.addAttribute("preview", asset.resourceType().equals("image")
                ? DeliveryUrls.derivedPath(asset, "c_limit,h_720,w_960,q_auto", "jpg") : null);
        model.addAttribute("derived", derived.derivedOf(assetId, null, DERIVED_SHOWN).stream()
                .map(d -> new Derived(d.transformation(), d.format(), d.width(), d.height(), d.bytes(),
                        base + DeliveryUrls.derivedPath(asset, d.transformation(), d.format())))
                .toList());
        model.addAttribute("tagsText", String.join(", ", asset.tags()));
        model.addAttribute("contextText", asset.context().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .reduce((a, b) -> a + "\n" + b).orElse(""));
        return "console/asset";
    }

    /** A derived file: its transformation and where it is delivered. */
    record Derived(String transformation, String format, int width, int height, long bytes, String url) {
    }

    static String notice(String done) {
        return switch (done == null ? "" : done) {
            case "saved" -> "Saved.";
            case "unchanged" -> "Nothing changed.";
            case "restored" -> "Restored.";
            default -> null;
        };
    }
}
