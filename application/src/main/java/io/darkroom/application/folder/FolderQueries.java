package io.darkroom.application.folder;

import java.time.Instant;
import java.util.List;

/** Port: reads of the folder read model and of which assets a folder holds. */
public interface FolderQueries {
    /** A folder as listed: its path and when it came to exist. */
    record FolderRow(String path, Instant createdAt) {
        public String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** The folders directly inside {@code parent} ({@code ""}: the root) after {@code afterPath} (exclusive, may be null), by path; up to {@code limit}. */
    List<FolderRow> children(String cloud, String parent, String afterPath, int limit);

    long countChildren(String cloud, String parent);

    /** Every folder below {@code path} (not the folder itself), by path. */
    List<String> subtree(String cloud, String path);

    boolean exists(String cloud, String path);

    /** Whether any asset is filed in the folder or below it. */
    boolean holdsAssets(String cloud, String path);

    /**
     * The cloud's folders matching {@code expression} (over {@code name}, {@code path} and {@code created_at}) by path
     * after {@code afterPath}; up to {@code limit}, and how many match in all.
     */
    FolderMatches search(String cloud, io.darkroom.application.search.SearchNode expression, String afterPath, int limit);

    record FolderMatches(List<FolderRow> folders, long totalCount) {
    }

    /** An asset to move: its id and current folder. */
    record Filed(String assetId, String assetFolder) {
    }

    /** Up to {@code limit} assets filed in the folder or below it, in no particular order (moved ones are not found again). */
    List<Filed> assetsIn(String cloud, String path, int limit);
}
