/**
 * Outgoing webhooks: upload, rename, delete and eager notifications, and the Media Optimizer's warm-up notifications, all
 * through one durable queue, signed as Cloudinary signs them, retried with backoff.
 */
package io.darkroom.application.notification;
