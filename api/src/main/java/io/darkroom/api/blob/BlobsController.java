package io.darkroom.api.blob;

import io.darkroom.api.web.OperatorAccess;
import io.darkroom.application.blob.BlobAudit;
import io.darkroom.application.blob.BlobStore;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /ops/blobs/verify[?sample=100]} (operator token): the blob store against what Darkroom references, as
 * {@link BlobAudit} compares them; {@code java -jar darkroom.jar blobs verify} prints it.
 */
@RestController
public class BlobsController {
    private final BlobAudit audit;
    private final BlobStore blobs;
    private final OperatorAccess access;

    public BlobsController(BlobAudit audit, BlobStore blobs, OperatorAccess access) {
        this.audit = audit;
        this.blobs = blobs;
        this.access = access;
    }

    @GetMapping("/ops/blobs/verify")
    ResponseEntity<Map<String, Object>> verify(@RequestParam(defaultValue = "100") int sample, HttpServletRequest request) {
        ResponseEntity<Map<String, Object>> refused = access.refused(request);
        if (refused != null) {
            return refused;
        }
        BlobAudit.Report report = audit.run(blobs, Math.max(0, Math.min(sample, 10_000)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stored", report.stored());
        body.put("referenced", report.referenced());
        body.put("missing_count", report.missingCount());
        body.put("missing", report.missing());
        body.put("unreferenced_count", report.unreferencedCount());
        body.put("unreferenced", report.unreferenced());
        body.put("awaiting_removal", report.queued());
        return ResponseEntity.ok(body);
    }
}
