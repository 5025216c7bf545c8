/**
 * Versions, the trash and restores over HTTP: {@code POST /resources/:resource_type/:type/restore},
 * {@code POST /resources/restore}, {@code DELETE /resources/backup/:asset_id}, {@code GET /download_backup}, the
 * versions in resource details, and the trash sweeper's schedule.
 */
package io.darkroom.api.resource.restore;
