package io.darkroom.api.folder;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.api.web.RequestMetadata;
import io.darkroom.application.folder.FolderQueries;
import io.darkroom.application.folder.Folders;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.folder.FolderId;
import io.darkroom.domain.folder.FolderPath;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Folders API as the SDKs call it: {@code GET /folders} (top folders), {@code GET /folders/:path} (subfolders),
 * {@code POST /folders/:path} (with missing parents), {@code PUT /folders/:path} with {@code to_folder} (a rename: the
 * assets move in the background, one event each; the answer comes at once), {@code DELETE /folders/:path} (empty ones
 * only) and {@code POST /folders/search}. Lists page by {@code max_results} and {@code next_cursor} and count
 * {@code total_count}.
 */
@RestController
public class FoldersController {
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Folders folders;

    public FoldersController(Folders folders) {
        this.folders = folders;
    }

    @GetMapping("/v1_1/{cloud}/folders")
    Map<String, Object> root(@PathVariable String cloud, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        return listing(cloud, folders.list(cloud, FolderPath.ROOT, maxResults(params), params.get("next_cursor")), false);
    }

    @GetMapping("/v1_1/{cloud}/folders/{*path}")
    Map<String, Object> subfolders(@PathVariable String cloud, @PathVariable String path, HttpServletRequest request) {
        ApiParameters params = ApiParameters.of(request);
        return listing(cloud, folders.list(cloud, path(path), maxResults(params), params.get("next_cursor")), false);
    }

    @PostMapping("/v1_1/{cloud}/folders/search")
    Map<String, Object> search(@PathVariable String cloud, HttpServletRequest request) {
        long started = System.nanoTime();
        ApiParameters params = ApiParameters.of(request);
        Map<String, Object> body = listing(cloud, folders.search(cloud, params.rawValue("expression"), maxResults(params),
                params.get("next_cursor")), true);
        body.put("time", (System.nanoTime() - started) / 1_000_000);
        return body;
    }

    @PostMapping("/v1_1/{cloud}/folders/{*path}")
    Map<String, Object> create(@PathVariable String cloud, @PathVariable String path) {
        FolderPath folder = path(path);
        folders.create(cloud, folder);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("path", folder.value());
        body.put("name", folder.name());
        return body;
    }

    @PutMapping("/v1_1/{cloud}/folders/{*path}")
    Map<String, Object> rename(@PathVariable String cloud, @PathVariable String path, HttpServletRequest request) {
        FolderPath from = path(path);
        String target = ApiParameters.of(request).get("to_folder");
        if (target == null) {
            throw DarkroomException.badRequest("Missing required parameter - to_folder");
        }
        FolderPath to = FolderPath.of(target);
        folders.startRename(cloud, from, to, RequestMetadata.current());
        return Map.of("from", Map.of("name", from.name(), "path", from.value()), "to", Map.of("name", to.name(), "path", to.value()));
    }

    @DeleteMapping("/v1_1/{cloud}/folders/{*path}")
    Map<String, Object> delete(@PathVariable String cloud, @PathVariable String path) {
        return Map.of("deleted", folders.delete(cloud, path(path)));
    }

    private static Map<String, Object> listing(String cloud, Folders.Listing listing, boolean withTimes) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (withTimes) {
            body.put("total_count", listing.totalCount());
        }
        body.put("folders", listing.folders().stream().map(folder -> json(cloud, folder, withTimes)).toList());
        if (listing.nextCursor() != null) {
            body.put("next_cursor", listing.nextCursor());
        }
        if (!withTimes) {
            body.put("total_count", listing.totalCount());
        }
        return body;
    }

    private static Map<String, Object> json(String cloud, FolderQueries.FolderRow folder, boolean withTimes) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", folder.name());
        json.put("path", folder.path());
        if (withTimes) {
            json.put("created_at", CREATED_AT.format(folder.createdAt()));
        }
        json.put("external_id", FolderId.of(cloud, FolderPath.of(folder.path())).substring(3, 35));
        return json;
    }

    private static int maxResults(ApiParameters params) {
        return params.integer("max_results", 50, 1, Folders.MAX_PAGE);
    }

    /** A folder path from the caller; a bad one is a 400 naming what is wrong ({@code InvalidValueException}). */
    private static FolderPath path(String captured) {
        return FolderPath.of(ApiParameters.pathRest(captured, "folder"));
    }
}
