/**
 * Versions, the trash and restores: every stored version of an asset listed and restorable, deleted assets kept in a
 * trash for their cloud's retention, and the sweeper that purges them after it. The versions read model is kept by
 * {@link io.darkroom.application.resource.restore.VersionProjection} from the resource events alone.
 */
package io.darkroom.application.resource.restore;
