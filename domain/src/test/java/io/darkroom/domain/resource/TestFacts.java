package io.darkroom.domain.resource;

import java.util.List;
import java.util.Map;

/**
 * {@link MediaFacts} for tests with named fields, so a test says only what matters to it:
 * {@code TestFacts.of("png").size(241, 81).build()}. Unnamed fields are those of a small, uninteresting file.
 */
final class TestFacts {
    private final String format;
    private int width = 400;
    private int height = 300;
    private long bytes = 1;
    private String etag = "e";
    private String phash;
    private List<ColorShare> colors = List.of();
    private Map<String, String> exif = Map.of();
    private String filename;

    private TestFacts(String format) {
        this.format = format;
        this.filename = "a." + format;
    }

    static TestFacts of(String format) {
        return new TestFacts(format);
    }

    TestFacts size(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    TestFacts bytes(long bytes) {
        this.bytes = bytes;
        return this;
    }

    TestFacts etag(String etag) {
        this.etag = etag;
        return this;
    }

    TestFacts phash(String phash) {
        this.phash = phash;
        return this;
    }

    TestFacts colors(List<ColorShare> colors) {
        this.colors = colors;
        return this;
    }

    TestFacts exif(Map<String, String> exif) {
        this.exif = exif;
        return this;
    }

    TestFacts filename(String filename) {
        this.filename = filename;
        return this;
    }

    MediaFacts build() {
        return new MediaFacts(format, width, height, 1, bytes, etag, phash, colors, exif, Map.of(), filename);
    }
}
