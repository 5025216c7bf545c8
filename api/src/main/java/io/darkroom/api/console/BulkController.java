package io.darkroom.api.console;

import io.darkroom.application.console.ConsoleSession;
import io.darkroom.application.resource.ResourceKey;
import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.resource.manage.ResourceDeleter;
import io.darkroom.application.resource.manage.ResourceManager;
import io.darkroom.application.resource.manage.ResourceUpdate;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.folder.FolderPath;
import io.darkroom.domain.resource.TagOperation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The media page's bulk actions on the selected assets: add or remove a tag, move to a folder, delete (to the trash).
 * Only the session's cloud's assets are looked up, so another cloud's asset ids change nothing. Each asset's change is
 * its own event, with the session's key as actor, exactly as the Admin API's calls would make it.
 */
@Controller
public class BulkController {
    private final ResourceQueries queries;
    private final ResourceManager manager;
    private final ResourceDeleter deleter;

    public BulkController(ResourceQueries queries, ResourceManager manager, ResourceDeleter deleter) {
        this.queries = queries;
        this.manager = manager;
        this.deleter = deleter;
    }

    @PostMapping("/console/media/bulk")
    String bulk(@RequestParam(required = false) String action,
                @RequestParam(name = "asset_ids", required = false) List<String> assetIds,
                @RequestParam(required = false) String tag, @RequestParam(required = false) String folder,
                @RequestParam(required = false) String back, HttpServletRequest request) {
        ConsoleSession session = ConsoleModel.session(request);
        String to = SignInController.safeNext(back);
        if (assetIds == null || assetIds.isEmpty()) {
            return redirect(to, "none");
        }
        if (assetIds.size() > ResourceDeleter.MAX_PER_CALL) {
            throw DarkroomException.badRequest("At most " + ResourceDeleter.MAX_PER_CALL + " assets at once");
        }
        List<ResourceView> selected = queries.byAssetIds(session.cloud(), assetIds);
        switch (action == null ? "" : action) {
            case "tag", "untag" -> {
                if (tag == null || tag.isBlank()) {
                    return redirect(to, "no-tag");
                }
                TagOperation operation = action.equals("tag") ? TagOperation.ADD : TagOperation.REMOVE;
                byKey(session.cloud(), selected).forEach((key, publicIds) ->
                        manager.changeTags(key, operation, List.of(tag.strip()), publicIds));
            }
            case "move" -> {
                FolderPath path = FolderPath.of(folder);
                for (ResourceView asset : selected) {
                    manager.updateByAssetId(session.cloud(), asset.assetId(),
                            new ResourceUpdate(null, null, null, null, null, path, null));
                }
            }
            case "delete" -> {
                if (!selected.isEmpty()) {
                    deleter.deleteAssets(session.cloud(), selected.stream().map(ResourceView::assetId).toList(), false, null);
                }
            }
            default -> throw DarkroomException.badRequest("action is tag, untag, move or delete");
        }
        return redirect(to, action + "-" + selected.size());
    }

    private static Map<ResourceKey, List<String>> byKey(String cloud, List<ResourceView> assets) {
        return assets.stream().collect(Collectors.groupingBy(r -> new ResourceKey(cloud, r.resourceType(), r.type()),
                Collectors.mapping(ResourceView::publicId, Collectors.toList())));
    }

    private static String redirect(String to, String done) {
        return "redirect:" + UriComponentsBuilder.fromUriString(to).replaceQueryParam("done", done).build().toUriString();
    }

    /** The line the media page shows after a bulk action ({@code done} is {@code <action>-<count>}); null for none. */
    static String notice(String done) {
        if (done == null) {
            return null;
        }
        if (done.equals("none")) {
            return "Select assets first (the box on each tile).";
        }
        if (done.equals("no-tag")) {
            return "Type the tag to add or remove.";
        }
        String[] parts = done.split("-", 2);
        String count = parts.length == 2 && parts[1].matches("\\d{1,4}") ? parts[1] : "0";
        String verb = switch (parts[0]) {
            case "tag" -> "Tagged";
            case "untag" -> "Removed the tag from";
            case "move" -> "Moved";
            case "delete" -> "Moved to the trash:";
            default -> null;
        };
        return verb == null ? null : verb + " " + count + (count.equals("1") ? " asset." : " assets.");
    }
}
