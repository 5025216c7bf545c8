package io.darkroom.application.derivation;

/** Bytes to deliver, their format and ETag; {@code variesByAccept} when {@code f_auto} chose the format by the request's {@code Accept}. */
public record DeliveredFile(byte[] bytes, String format, String etag, boolean variesByAccept) {
}
