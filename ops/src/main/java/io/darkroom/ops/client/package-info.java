/** A small HTTP client of the Admin and Upload APIs, shared by the load tool and the reliability suite. */
package io.darkroom.ops.client;
