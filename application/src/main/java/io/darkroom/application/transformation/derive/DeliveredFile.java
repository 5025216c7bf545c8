package io.darkroom.application.transformation.derive;

/** Bytes to deliver, with the format they are in and the entity tag that names them. */
public record DeliveredFile(byte[] bytes, String format, String etag) {
}
