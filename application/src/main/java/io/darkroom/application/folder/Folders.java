package io.darkroom.application.folder;

import io.darkroom.application.search.SearchExpression;
import io.darkroom.application.search.SearchField;
import io.darkroom.application.search.SearchNode;
import io.darkroom.application.search.SearchSyntaxException;
import io.darkroom.application.cloud.FolderModes;
import io.darkroom.application.support.Commands;
import io.darkroom.application.support.CursorCodec;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.folder.CreateFolder;
import io.darkroom.domain.folder.DeleteFolder;
import io.darkroom.domain.folder.FolderPath;
import io.darkroom.domain.folder.StartFolderRename;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Folders API's changes. A rename only starts here (the {@link FolderMover} moves the assets, in batches, on whichever
 * node holds the rename); the rename's record and its queue entry are written in one transaction, so a rename is never
 * started without being carried out, nor queued without being recorded.
 */
public class Folders {
    private final Commands commands;
    private final FolderQueries queries;
    private final FolderMoveQueue moves;
    private final FolderModes modes;
    private final CursorCodec cursors;

    public Folders(Commands commands, FolderQueries queries, FolderMoveQueue moves, FolderModes modes, CursorCodec cursors) {
        this.commands = commands;
        this.queries = queries;
        this.moves = moves;
        this.modes = modes;
        this.cursors = cursors;
    }

    public static final int MAX_PAGE = 500;

    /** A page of folders, how many there are in all, and the cursor of the next page (null at the end). */
    public record Listing(List<FolderQueries.FolderRow> folders, long totalCount, String nextCursor) {
    }

    /** The folders directly inside {@code parent} (the root: every top folder); a missing parent is a 404. */
    public Listing list(String cloud, FolderPath parent, int maxResults, String cursor) {
        if (!parent.isRoot()) {
            requireExists(cloud, parent);
        }
        String scope = "folders\u0000" + cloud + "\u0000" + parent.value();
        String after = cursor == null ? null : cursors.decode(scope, cursor, 1).get(0);
        List<FolderQueries.FolderRow> rows = queries.children(cloud, parent.value(), after, maxResults + 1);
        return page(rows, queries.countChildren(cloud, parent.value()), maxResults, scope);
    }

    /** {@code POST /folders/search}: folders by {@code name}, {@code path} ({@code path:a/*}: a subtree) and {@code created_at}. */
    public Listing search(String cloud, String expression, int maxResults, String cursor) {
        String scope = "folder-search\u0000" + cloud + "\u0000" + (expression == null ? "" : expression.strip());
        String after = cursor == null ? null : cursors.decode(scope, cursor, 1).get(0);
        try {
            SearchNode tree = SearchExpression.parse(expression, Folders::folderField);
            FolderQueries.FolderMatches matches = queries.search(cloud, tree, after, maxResults + 1);
            return page(matches.folders(), matches.totalCount(), maxResults, scope);
        } catch (SearchSyntaxException e) {
            throw DarkroomException.badRequest(e.getMessage());
        }
    }

    private static java.util.Optional<SearchField> folderField(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "name" -> java.util.Optional.of(SearchField.DISPLAY_NAME);
            case "path" -> java.util.Optional.of(SearchField.ASSET_FOLDER);
            case "created_at" -> java.util.Optional.of(SearchField.CREATED_AT);
            default -> java.util.Optional.empty();
        };
    }

    private Listing page(List<FolderQueries.FolderRow> rows, long total, int maxResults, String scope) {
        boolean more = rows.size() > maxResults;
        List<FolderQueries.FolderRow> shown = more ? rows.subList(0, maxResults) : rows;
        String next = more ? cursors.encode(scope, List.of(shown.get(shown.size() - 1).path())) : null;
        return new Listing(List.copyOf(shown), total, next);
    }

    public void create(String cloud, FolderPath path) {
        requireNotRoot(path);
        commands.retrying(() -> commands.send(new CreateFolder(cloud, path)));
    }

    /** Deletes an empty folder and its (empty) subfolders; answers the paths removed, the folder's own first. */
    public List<String> delete(String cloud, FolderPath path) {
        requireNotRoot(path);
        requireExists(cloud, path);
        if (queries.holdsAssets(cloud, path.value())) {
            throw DarkroomException.badRequest("Folder is not empty");
        }
        List<String> removed = new ArrayList<>();
        removed.add(path.value());
        removed.addAll(queries.subtree(cloud, path.value()));
        commands.retrying(() -> commands.send(new DeleteFolder(cloud, path)));
        return removed;
    }

    /** Starts moving the folder (and all inside it) to {@code to}; {@code origin} names who asked, for each move's event. */
    public void startRename(String cloud, FolderPath from, FolderPath to, Map<String, String> origin) {
        if (!modes.dynamic(cloud)) {
            throw DarkroomException.badRequest("Renaming a folder needs dynamic folder mode: in fixed mode a folder is its "
                    + "assets' public ids, so rename the assets instead");
        }
        requireNotRoot(from);
        requireExists(cloud, from);
        if (to.isRoot()) {
            throw DarkroomException.badRequest("to_folder must name a folder");
        }
        if (from.contains(to)) {
            throw DarkroomException.badRequest("Cannot move folder " + from + " into itself (" + to + ")");
        }
        if (queries.exists(cloud, to.value())) {
            throw new DarkroomException(DarkroomException.Kind.ALREADY_EXISTS, "Folder " + to + " already exists");
        }
        commands.retrying(() -> commands.inOneUnit(() -> {
            commands.send(new StartFolderRename(cloud, from, to));
            moves.add(cloud, from.value(), to.value(), origin);
            return null;
        }));
    }

    private void requireExists(String cloud, FolderPath path) {
        if (!queries.exists(cloud, path.value())) {
            throw DarkroomException.notFound("Can't find folder with path " + path);
        }
    }

    private static void requireNotRoot(FolderPath path) {
        if (path.isRoot()) {
            throw DarkroomException.badRequest("Folder path must not be empty");
        }
    }
}
