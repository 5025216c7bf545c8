package io.darkroom.api.console;

import io.darkroom.application.cloud.TrashRetention;
import io.darkroom.application.console.ConsoleSession;
import io.darkroom.application.resource.restore.TrashedAsset;
import io.darkroom.application.resource.restore.VersionQueries;
import io.darkroom.application.support.CursorCodec;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.List;

/** The trash view: the cloud's deleted assets, newest deletion first, 100 a page by keyset cursor, each restorable. */
@Controller
public class TrashPageController {
    private static final int PAGE = 100;

    private final VersionQueries versions;
    private final CursorCodec cursors;
    private final TrashRetention retention;

    public TrashPageController(VersionQueries versions, CursorCodec cursors, TrashRetention retention) {
        this.versions = versions;
        this.cursors = cursors;
        this.retention = retention;
    }

    @GetMapping("/console/trash")
    String trash(@RequestParam(name = "next_cursor", required = false) String cursor,
                 @RequestParam(required = false) String done, HttpServletRequest request, Model model) {
        ConsoleSession session = ConsoleModel.session(request, model);
        String scope = "console-trash|" + session.cloud();
        List<String> after = cursor == null ? null : cursors.decode(scope, cursor, 2);
        List<TrashedAsset> page = versions.trash(session.cloud(), after == null ? null : Instant.parse(after.get(0)),
                after == null ? null : after.get(1), PAGE);
        List<TrashedAsset> shown = page.subList(0, Math.min(PAGE, page.size()));
        model.addAttribute("trash", shown);
        model.addAttribute("retention", retention.of(session.cloud()));
        model.addAttribute("notice", "deleted".equals(done) ? "Moved to the trash: restore it here until its retention ends." : null);
        if (page.size() > PAGE) {
            TrashedAsset last = shown.get(PAGE - 1);
            model.addAttribute("nextCursor", cursors.encode(scope, List.of(last.deletedAt().toString(), last.assetId())));
        }
        return "console/trash";
    }
}
