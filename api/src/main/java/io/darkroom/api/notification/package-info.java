/** Notifications: their URLs per request, their bodies, and the webhook queue's wiring. */
package io.darkroom.api.notification;
