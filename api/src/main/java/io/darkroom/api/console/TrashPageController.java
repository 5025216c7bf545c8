package io.darkroom.api.console;

import io.darkroom.application.cloud.TrashRetention;
import io.darkroom.application.console.ConsoleSession;
import io.darkroom.application.resource.restore.TrashedAsset;
import io.darkroom.application.resource.restore.TrashListing;
import io.darkroom.application.support.Page;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;


/** The trash view: the cloud's deleted assets, newest deletion first, 100 a page by keyset cursor, each restorable. */
@Controller
public class TrashPageController {
    private static final int PAGE = 100;

    private final TrashListing trash;
    private final TrashRetention retention;

    public TrashPageController(TrashListing trash, TrashRetention retention) {
        this.trash = trash;
        this.retention = retention;
    }

    @GetMapping("/console/trash")
    String trash(@RequestParam(name = "next_cursor", required = false) String cursor,
                 @RequestParam(required = false) String done, HttpServletRequest request, Model model) {
        ConsoleSession session = ConsoleModel.session(request, model);
        Page<TrashedAsset> page = trash.page(session.cloud(), PAGE, cursor);
        model.addAttribute("trash", page.items());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("retention", retention.of(session.cloud()));
        model.addAttribute("notice", "deleted".equals(done) ? "Moved to the trash: restore it here until its retention ends." : null);
        return "console/trash";
    }
}
