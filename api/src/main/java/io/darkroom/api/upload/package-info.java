/** Upload API adapter: signed uploads of multipart files, data URIs and remote URLs. */
package io.darkroom.api.upload;
