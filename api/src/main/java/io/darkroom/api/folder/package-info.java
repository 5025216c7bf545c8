/** The Folders API ({@code /folders}, {@code /resources/by_asset_folder}) and each cloud's folder mode. */
package io.darkroom.api.folder;
