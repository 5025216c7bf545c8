package io.darkroom.application.resource.listing;

import io.darkroom.domain.resource.ColorShare;
import io.darkroom.domain.resource.MediaFacts;

import java.util.List;
import java.util.Map;

/** The heavier per-resource facts shown only on request: perceptual hash, colours, metadata, coordinates. */
public record ResourceAnalysis(String phash, List<ColorShare> colors, Map<String, String> exif,
                               Map<String, String> metadata, List<List<Integer>> faces, List<List<Integer>> custom) {
    public static final ResourceAnalysis NONE = new ResourceAnalysis(null, List.of(), Map.of(), Map.of(), List.of(), List.of());

    public ResourceAnalysis(String phash, List<ColorShare> colors, Map<String, String> exif, Map<String, String> metadata) {
        this(phash, colors, exif, metadata, List.of(), List.of());
    }

    /** What an upload measured (no coordinates: those are set later). */
    public static ResourceAnalysis of(MediaFacts facts) {
        return new ResourceAnalysis(facts.phash(), facts.colors(), facts.exif(), facts.metadata());
    }
}
