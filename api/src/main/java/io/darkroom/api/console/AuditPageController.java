package io.darkroom.api.console;

import io.darkroom.application.console.ConsoleSession;
import io.darkroom.application.resource.audit.AuditEntry;
import io.darkroom.application.resource.audit.AuditQueries;
import io.darkroom.application.support.Page;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The cloud's audit trail, newest first, 100 a page by cursor, filtered by actor (API key) and by days. */
@Controller
public class AuditPageController {
    private static final int PAGE = 100;

    private final AuditQueries audit;

    public AuditPageController(AuditQueries audit) {
        this.audit = audit;
    }

    @GetMapping("/console/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(name = "next_cursor", required = false) String cursor,
                 HttpServletRequest request, Model model) {
        ConsoleSession session = ConsoleModel.session(request, model);
        String who = actor == null || actor.isBlank() ? null : actor.strip();
        LocalDate first = ConsoleDates.day("from", from);
        LocalDate last = ConsoleDates.day("to", to);
        Instant since = first == null ? null : first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = last == null ? null : last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Page<AuditEntry> page = audit.list(session.cloud(), since, until, who, PAGE, cursor);
        model.addAttribute("actor", who);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("entries", page.items().stream().map(e -> new Row(e.occurredAt(), e.actor(), e.clientAddress(),
                AssetTimeline.label(e.eventType()), e.assetId(), e.publicId(), AssetTimeline.changes(e.changes(), "; "))).toList());
        if (page.nextCursor() != null) {
            model.addAttribute("nextLink", UriComponentsBuilder.fromPath("/console/audit").queryParam("actor", who == null ? "" : who)
                    .queryParam("from", from == null ? "" : from).queryParam("to", to == null ? "" : to)
                    .queryParam("next_cursor", page.nextCursor()).encode().build().toUriString());
        }
        return "console/audit";
    }

    /** One line of the trail. */
    record Row(Instant at, String actor, String clientAddress, String what, String assetId, String publicId, String changes) {
    }
}
