package io.darkroom.api.console;

import io.darkroom.application.console.ConsoleSession;
import io.darkroom.application.resource.listing.ListingQuery;
import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.support.Page;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * The media page: the cloud's images newest first, 100 a page by keyset cursor (one indexed query, never a count of the
 * cloud), as thumbnails Darkroom derives once and then serves from its delivery cache.
 */
@Controller
public class MediaController {
    static final int PAGE = 100;

    private final ResourceQueries queries;

    public MediaController(ResourceQueries queries) {
        this.queries = queries;
    }

    @GetMapping({"/console", "/console/"})
    String home() {
        return "redirect:/console/media";
    }

    @GetMapping("/console/media")
    String media(@RequestParam(name = "next_cursor", required = false) String cursor, HttpServletRequest request, Model model) {
        ConsoleSession session = (ConsoleSession) request.getAttribute(ConsoleAccess.SESSION);
        ListingQuery query = new ListingQuery(session.cloud(), "image", "upload", null, null, null, null, null, null, null,
                false, null, PAGE, null, null);
        Page<ResourceView> page = queries.list(query, false, cursor);
        model.addAttribute("console", session);
        model.addAttribute("assets", page.items().stream().map(r -> Thumbnail.of(session.cloud(), r)).toList());
        model.addAttribute("nextCursor", page.nextCursor());
        return "console/media";
    }

    /** One tile of the grid: a 240-pixel square thumbnail delivered (and cached) by Darkroom itself. */
    record Thumbnail(String assetId, String publicId, String displayName, String src, String format, int width, int height,
                     List<String> tags) {
        static Thumbnail of(String cloud, ResourceView r) {
            String src = "/" + cloud + "/image/upload/c_fill,g_auto,h_240,w_240,q_auto/v" + r.version() + "/"
                    + org.springframework.web.util.UriUtils.encodePath(r.publicId(), java.nio.charset.StandardCharsets.UTF_8)
                    + ".jpg";
            return new Thumbnail(r.assetId(), r.publicId(), r.displayName() == null ? r.publicId() : r.displayName(), src,
                    r.format(), r.width(), r.height(), r.tags());
        }
    }
}
