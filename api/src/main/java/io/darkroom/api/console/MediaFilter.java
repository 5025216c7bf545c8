package io.darkroom.api.console;

import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the media page shows: words or a Search API expression ({@code q}), the filters beside it and the folder picked
 * in the tree, read into one search expression (each filter a condition ANDed to the others).
 */
record MediaFilter(String q, String type, String format, String tag, String from, String to, String folder) {
    private static final Set<String> TYPES = Set.of("image", "video", "raw");

    MediaFilter {
        q = blankToNull(q);
        type = type != null && TYPES.contains(type) ? type : null;
        format = blankToNull(format);
        tag = blankToNull(tag);
        from = blankToNull(from);
        to = blankToNull(to);
        folder = blankToNull(folder);
    }

    /**
     * The search expression; the box's text goes in as written (in parentheses), so simple words are the Search API's
     * bare terms and anything else its own syntax. A date that is no date is a 400 with the field named.
     */
    String expression() {
        List<String> parts = new ArrayList<>();
        if (q != null) {
            parts.add("(" + q + ")");
        }
        if (type != null) {
            parts.add("resource_type:" + type);
        }
        if (format != null) {
            parts.add("format=" + quoted(format));
        }
        if (tag != null) {
            parts.add("tags=" + quoted(tag));
        }
        if (from != null) {
            parts.add("created_at>=" + quoted(ConsoleDates.day("from", from).toString()));
        }
        if (to != null) {
            parts.add("created_at<" + quoted(ConsoleDates.day("to", to).plusDays(1).toString()));
        }
        if (folder != null) {
            parts.add("asset_folder=" + quoted(folder));
        }
        return String.join(" AND ", parts);
    }

    /** This page's address with {@code nextCursor} (null: the first page) and the filters kept. */
    String link(String nextCursor) {
        return UriComponentsBuilder.fromPath("/console/media").queryParamIfPresent("q", java.util.Optional.ofNullable(q))
                .queryParamIfPresent("type", java.util.Optional.ofNullable(type))
                .queryParamIfPresent("format", java.util.Optional.ofNullable(format))
                .queryParamIfPresent("tag", java.util.Optional.ofNullable(tag))
                .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                .queryParamIfPresent("to", java.util.Optional.ofNullable(to))
                .queryParamIfPresent("folder", java.util.Optional.ofNullable(folder))
                .queryParamIfPresent("next_cursor", java.util.Optional.ofNullable(nextCursor))
                .encode().build().toUriString();
    }

    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
