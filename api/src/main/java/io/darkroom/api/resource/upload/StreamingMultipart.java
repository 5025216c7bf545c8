package io.darkroom.api.resource.upload;

import io.darkroom.application.support.DarkroomException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.fileupload.MultipartStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body read as it arrives, with the container's own parser (Tomcat's
 * {@code MultipartStream}), so a chunk's bytes can go from the socket straight to their place in the
 * upload's file instead of being spooled first. The SDKs send the signed fields before the file:
 * then {@link #file()} is the live stream of the file part. A file part that comes before the
 * {@code signature} field is spooled to a staging file and read from there once the fields are in.
 * Fields after the file part are read and ignored (they cannot be part of a signature checked before it).
 */
final class StreamingMultipart implements AutoCloseable {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("(?:^|;)\\s*name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("(?:^|;)\\s*filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final int MAX_FIELD_BYTES = 64 * 1024;
    private static final int MAX_FIELDS_BYTES = 1024 * 1024;

    private final MultipartStream stream;
    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private InputStream file;
    private String filename;
    private Path spooled;
    private boolean more;
    private int fieldBytes;

    private StreamingMultipart(MultipartStream stream) {
        this.stream = stream;
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** Reads the fields up to the file part (or, when it comes before the signature, all of them). */
    static StreamingMultipart read(HttpServletRequest request, Path spoolDir) throws IOException {
        Matcher boundary = BOUNDARY.matcher(request.getContentType());
        if (!boundary.find()) {
            throw DarkroomException.badRequest("Malformed multipart request: no boundary");
        }
        String value = boundary.group(1) != null ? boundary.group(1) : boundary.group(2);
        StreamingMultipart body = new StreamingMultipart(new MultipartStream(request.getInputStream(),
                value.getBytes(StandardCharsets.ISO_8859_1), 64 * 1024, null));
        try {
            body.readUpToFile(spoolDir);
        } catch (MultipartStream.MalformedStreamException | org.apache.tomcat.util.http.fileupload.impl.FileUploadIOException e) {
            body.close();
            throw DarkroomException.badRequest("Malformed multipart request");
        }
        return body;
    }

    private void readUpToFile(Path spoolDir) throws IOException {
        more = stream.skipPreamble();
        while (more) {
            String headers = stream.readHeaders();
            String name = find(NAME, headers);
            String partFilename = find(FILENAME, headers);
            if (name != null && name.equals("file") && partFilename != null && file == null) {
                filename = partFilename.isEmpty() ? null : partFilename;
                if (fields.containsKey("signature")) {
                    file = new ClientBytes(stream.newInputStream());
                    return;
                }
                spooled = Files.createTempFile(spoolDir, "part-", ".part");
                try (InputStream in = stream.newInputStream()) {
                    Files.copy(in, spooled, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                readField(name);
            }
            more = stream.readBoundary();
        }
        if (spooled != null) {
            file = Files.newInputStream(spooled);
        }
    }

    private void readField(String name) throws IOException {
        try (InputStream in = stream.newInputStream()) {
            byte[] value = in.readNBytes(MAX_FIELD_BYTES + 1);
            fieldBytes += value.length;
            if (value.length > MAX_FIELD_BYTES || fieldBytes > MAX_FIELDS_BYTES) {
                throw DarkroomException.badRequest("Multipart fields are larger than allowed");
            }
            if (name != null) {
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(new String(value, StandardCharsets.UTF_8));
            }
        }
    }

    private static String find(Pattern pattern, String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-disposition:", 0, 20)) {
                Matcher m = pattern.matcher(line.substring(20));
                return m.find() ? m.group(1) : null;
            }
        }
        return null;
    }

    /** The form fields read before the file part (all of them when it was spooled). */
    Map<String, List<String>> fields() {
        return fields;
    }

    /** The file part's bytes, or null when the body has none. */
    InputStream file() {
        return file;
    }

    String filename() {
        return filename;
    }

    /** Reads (and ignores) whatever follows the file part, then lets go of any spooled file. */
    @Override
    public void close() throws IOException {
        try {
            if (spooled == null && file != null) {
                file.close();
                more = stream.readBoundary();
                while (more) {
                    stream.readHeaders();
                    stream.discardBodyData();
                    more = stream.readBoundary();
                }
            }
        } catch (IOException ignored) {
            // the answer is decided already; a broken tail only ends the connection
        } finally {
            if (spooled != null) {
                if (file != null) {
                    file.close();
                }
                Files.deleteIfExists(spooled);
            }
        }
    }

    /**
     * The file part as it arrives: a failure to read it (a truncated or malformed body, a client that
     * went away) is the request's fault, a 400, not a failure of the server.
     */
    private static final class ClientBytes extends java.io.FilterInputStream {
        ClientBytes(InputStream in) {
            super(in);
        }

        @Override
        public int read() {
            try {
                return super.read();
            } catch (IOException e) {
                throw malformed();
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw malformed();
            }
        }

        private static DarkroomException malformed() {
            return DarkroomException.badRequest("Malformed multipart request: the file part ended before its boundary");
        }
    }
}
