/** Upload API: signed uploads of multipart files, data URIs and remote URLs, chunked parts, explicit, and the signed tag/context/destroy/rename actions. */
package io.darkroom.api.resource.upload;
