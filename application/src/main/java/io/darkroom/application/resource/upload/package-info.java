/** Uploading resources: staging bytes, inspecting them, claiming the public id and recording the upload. */
package io.darkroom.application.resource.upload;
