/** Fetching remote files for uploads by URL, guarded against server-side request forgery. */
package io.darkroom.infrastructure.fetch;
