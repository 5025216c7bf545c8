/** Admin API: browsing resources (lists, one resource, by asset id, by ids, by context, by moderation) and tags. */
package io.darkroom.api.resource.listing;
