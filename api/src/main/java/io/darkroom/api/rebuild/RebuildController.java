package io.darkroom.api.rebuild;

import io.darkroom.api.web.OperatorAccess;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code POST /ops/rebuild?projections=listing,audit|all&mode=switch|verify} starts an online rebuild
 * on this node; {@code GET /ops/rebuild} shows its progress. Both need
 * {@code Authorization: Bearer <DARKROOM_OPERATOR_TOKEN>}; without a configured token they do not exist.
 */
@RestController
public class RebuildController {
    private final Rebuilds rebuilds;
    private final OperatorAccess access;

    public RebuildController(Rebuilds rebuilds, OperatorAccess access) {
        this.rebuilds = rebuilds;
        this.access = access;
    }

    @PostMapping("/ops/rebuild")
    ResponseEntity<Map<String, Object>> start(@RequestParam(defaultValue = "all") String projections,
                                              @RequestParam(defaultValue = "switch") String mode, HttpServletRequest request) {
        ResponseEntity<Map<String, Object>> refused = refused(request);
        if (refused != null) {
            return refused;
        }
        rebuilds.start(projections, mode);
        return ResponseEntity.accepted().body(rebuilds.status());
    }

    @GetMapping("/ops/rebuild")
    ResponseEntity<Map<String, Object>> status(HttpServletRequest request) {
        ResponseEntity<Map<String, Object>> refused = refused(request);
        return refused != null ? refused : ResponseEntity.ok(rebuilds.status());
    }

    private ResponseEntity<Map<String, Object>> refused(HttpServletRequest request) {
        return access.refused(request);
    }
}
