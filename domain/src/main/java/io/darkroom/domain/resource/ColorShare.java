package io.darkroom.domain.resource;

/** One of an image's leading colours: {@code #RRGGBB} and its share of the pixels in percent (0..100). */
public record ColorShare(String hex, double percent) {
}
