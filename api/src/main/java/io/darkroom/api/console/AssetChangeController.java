package io.darkroom.api.console;

import io.darkroom.application.console.ConsoleSession;
import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.resource.manage.ResourceDeleter;
import io.darkroom.application.resource.manage.ResourceManager;
import io.darkroom.application.resource.manage.ResourceUpdate;
import io.darkroom.application.resource.restore.ResourceRestorer;
import io.darkroom.application.resource.restore.RestoreResult;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.folder.FolderPath;
import io.darkroom.domain.resource.DisplayName;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The asset page's changes: the edit form (only the parts that differ from the asset become events), delete (to the
 * trash) and restore (the asset from the trash, or one of its older versions made current). All go through the same
 * services as the Admin API, with the session's key as actor.
 */
@Controller
public class AssetChangeController {
    private final ResourceQueries queries;
    private final ResourceManager manager;
    private final ResourceDeleter deleter;
    private final ResourceRestorer restorer;

    public AssetChangeController(ResourceQueries queries, ResourceManager manager, ResourceDeleter deleter,
                                 ResourceRestorer restorer) {
        this.queries = queries;
        this.manager = manager;
        this.deleter = deleter;
        this.restorer = restorer;
    }

    @PostMapping("/console/asset/{assetId}")
    String edit(@PathVariable String assetId, @RequestParam(required = false) String tags,
                @RequestParam(required = false) String context, @RequestParam(required = false) String folder,
                @RequestParam(name = "display_name", required = false) String displayName, HttpServletRequest request) {
        ConsoleSession session = ConsoleModel.session(request);
        ResourceView asset = live(session.cloud(), assetId);
        List<String> newTags = tags == null ? null : Arrays.stream(tags.split("[,\\n]")).map(String::strip)
                .filter(t -> !t.isEmpty()).distinct().toList();
        Map<String, String> newContext = context == null ? null : context(context);
        FolderPath newFolder = folder == null ? null : FolderPath.of(folder);
        String newName = displayName == null || displayName.isBlank() ? null : displayName.strip();
        ResourceUpdate update = new ResourceUpdate(
                newTags == null || newTags.equals(asset.tags()) ? null : newTags,
                newContext == null || newContext.equals(asset.context()) ? null : newContext, null, null, null,
                newFolder == null || newFolder.value().equals(Objects.toString(asset.assetFolder(), "")) ? null : newFolder,
                newName == null || newName.equals(asset.displayName()) ? null : new DisplayName(newName));
        if (update.tags() == null && update.context() == null && update.assetFolder() == null && update.displayName() == null) {
            return "redirect:/console/asset/" + assetId + "?done=unchanged";
        }
        manager.updateByAssetId(session.cloud(), assetId, update);
        return "redirect:/console/asset/" + assetId + "?done=saved";
    }

    @PostMapping("/console/asset/{assetId}/delete")
    String delete(@PathVariable String assetId, HttpServletRequest request) {
        ConsoleSession session = ConsoleModel.session(request);
        live(session.cloud(), assetId);
        deleter.deleteAssets(session.cloud(), List.of(assetId), false, null);
        return "redirect:/console/trash?done=deleted";
    }

    @PostMapping("/console/asset/{assetId}/restore")
    String restore(@PathVariable String assetId, @RequestParam(name = "version_id", required = false) String versionId,
                   HttpServletRequest request) {
        ConsoleSession session = ConsoleModel.session(request);
        RestoreResult result = restorer.restoreByAssetIds(session.cloud(), List.of(assetId),
                versionId == null || versionId.isBlank() ? null : List.of(versionId));
        String error = result.errors().get(assetId);
        if (error != null) {
            throw DarkroomException.badRequest(error);
        }
        return "redirect:/console/asset/" + assetId + "?done=restored";
    }

    private ResourceView live(String cloud, String assetId) {
        return queries.findByAssetId(cloud, assetId).orElseThrow(() -> DarkroomException.notFound("No such asset in this cloud"));
    }

    /** One {@code key=value} a line; a line without {@code =} is refused rather than guessed at. */
    static Map<String, String> context(String text) {
        Map<String, String> context = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw DarkroomException.badRequest("Context is one key=value a line: \"" + line.strip() + "\" has no key");
            }
            context.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return context;
    }
}
