package io.darkroom.api.console;

import io.darkroom.api.resource.wire.DeliveryUrls;
import io.darkroom.application.console.ConsoleSession;
import io.darkroom.application.folder.FolderQueries;
import io.darkroom.application.folder.Folders;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.search.ResourceSearch;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.folder.FolderPath;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;

/**
 * The media page: the folder tree, the search box and filters, and the matching assets newest first, 100 a page by
 * keyset cursor: one indexed query, never a count of the cloud. Thumbnails are 240-pixel squares Darkroom derives once
 * and then serves from its delivery cache.
 */
@Controller
public class MediaController {
    static final int PAGE = 100;
    private static final int FOLDERS_SHOWN = 200;

    private final ResourceSearch search;
    private final Folders folders;

    public MediaController(ResourceSearch search, Folders folders) {
        this.search = search;
        this.folders = folders;
    }

    @GetMapping({"/console", "/console/"})
    String home() {
        return "redirect:/console/media";
    }

    @GetMapping("/console/media")
    String media(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                 @RequestParam(required = false) String format, @RequestParam(required = false) String tag,
                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) String folder, @RequestParam(name = "next_cursor", required = false) String cursor,
                 @RequestParam(required = false) String done, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        ConsoleSession session = ConsoleModel.session(request, model);
        MediaFilter filter = new MediaFilter(q, type, format, tag, from, to, folder);
        model.addAttribute("filter", filter);
        model.addAttribute("tree", tree(session.cloud(), filter.folder()));
        model.addAttribute("notice", BulkController.notice(done));
        model.addAttribute("back", filter.link(null));
        try {
            ResourceSearch.Result result = search.browse(session.cloud(), filter.expression(), PAGE, cursor);
            model.addAttribute("assets", result.page().resources().stream().map(Thumbnail::of).toList());
            model.addAttribute("nextLink", result.nextCursor() == null ? null : filter.link(result.nextCursor()));
        } catch (DarkroomException e) {
            response.setStatus(400);
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("assets", List.of());
        }
        return "console/media";
    }

    /** The top folders, and the children of each folder on the way to the chosen one (a few indexed reads). */
    private List<FolderNode> tree(String cloud, String chosen) {
        List<String> open = new ArrayList<>();
        if (chosen != null) {
            FolderPath path = FolderPath.of(chosen);
            for (FolderPath at = path; at != null && !at.isRoot(); at = at.parent().orElse(null)) {
                open.add(0, at.value());
            }
        }
        return children(cloud, FolderPath.ROOT, open, chosen);
    }

    private List<FolderNode> children(String cloud, FolderPath parent, List<String> open, String chosen) {
        List<FolderQueries.FolderRow> rows;
        try {
            rows = folders.list(cloud, parent, FOLDERS_SHOWN, null).folders();
        } catch (DarkroomException missing) {
            return List.of();
        }
        return rows.stream().map(row -> new FolderNode(row.name(), row.path(), row.path().equals(chosen),
                open.contains(row.path()) ? children(cloud, FolderPath.of(row.path()), open, chosen) : List.of())).toList();
    }

    /** One folder of the tree, with its children when it is open. */
    record FolderNode(String name, String path, boolean chosen, List<FolderNode> children) {
    }

    /** One tile of the grid: a 240-pixel square thumbnail delivered (and cached) by Darkroom itself; files are named. */
    record Thumbnail(String assetId, String displayName, String src, String format, int width, int height, List<String> tags) {
        static Thumbnail of(ResourceView r) {
            String src = r.resourceType().equals("image") ? DeliveryUrls.derivedPath(r, "c_fill,g_auto,h_240,w_240,q_auto", "jpg")
                    : null;
            return new Thumbnail(r.assetId(), r.displayName() == null ? r.publicId() : r.displayName(), src,
                    r.format(), r.width(), r.height(), r.tags());
        }
    }
}
