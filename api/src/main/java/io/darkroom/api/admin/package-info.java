/** Admin API adapters (v1_1): browsing resources, tags, ping. Authentication and rate limits come from the web package's guard. */
package io.darkroom.api.admin;
