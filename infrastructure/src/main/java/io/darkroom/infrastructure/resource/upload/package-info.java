/** Uploads: measuring uploaded files (type, dimensions, perceptual hash, colours, metadata) and the parts of chunked uploads. */
package io.darkroom.infrastructure.resource.upload;
