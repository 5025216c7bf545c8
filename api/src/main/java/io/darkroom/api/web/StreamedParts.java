package io.darkroom.api.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/**
 * Requests whose multipart body the upload controller reads as it arrives (a part of a chunked
 * upload): no filter may ask for their parameters first, because that parses and spools the whole
 * body (see {@code StreamingMultipart}).
 */
public final class StreamedParts {
    private StreamedParts() {
    }

    public static boolean isStreamedPart(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && request.getHeader("Content-Range") != null
                && type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                && request.getRequestURI().endsWith("/upload");
    }
}
