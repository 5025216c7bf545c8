/** Admin API authentication: Basic credentials per cloud, lock-out after repeated failures, the hourly rate limit. */
package io.darkroom.api.cloud;
