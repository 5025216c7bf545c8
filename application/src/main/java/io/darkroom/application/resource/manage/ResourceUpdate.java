package io.darkroom.application.resource.manage;

import io.darkroom.domain.folder.FolderPath;
import io.darkroom.domain.resource.DisplayName;
import io.darkroom.domain.resource.Region;

import java.util.List;
import java.util.Map;

/**
 * The Admin API's update: each part null when not given. Tags and context replace what the resource has;
 * {@code assetFolder} moves it and {@code displayName} renames it for people (dynamic folder mode).
 */
public record ResourceUpdate(List<String> tags, Map<String, String> context, List<Region> faces, List<Region> custom,
                             String moderationStatus, FolderPath assetFolder, DisplayName displayName) {
}
