package io.darkroom.ops.load;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One persistent HTTP/1.1 connection that sends small prepared requests and reads whole
 * answers. The load tool measures the server, not a client library: java.net.http spent
 * about 0.5 ms of CPU per small request here, as much as the server's own work, on the
 * cores the server shares with it. This costs a write and a read per request (wrk's shape).
 */
final class KeepAliveConnection implements AutoCloseable {
    private final String hostName;
    private final int port;
    private final String host;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    KeepAliveConnection(URI base) {
        hostName = base.getHost();
        port = base.getPort() > 0 ? base.getPort() : 80;
        host = hostName + ":" + port;
    }

    /** A status and the answer's body. */
    record Answer(int status, String body) {
    }

    /**
     * Posts a form body; answers the status and body after reading the whole answer. Opens a connection
     * when there is none, as after the server said {@code Connection: close} (Tomcat does after
     * 100 requests on one connection).
     */
    Answer postForm(String path, String form) throws IOException {
        if (socket == null) {
            socket = new Socket(hostName, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        try {
            out.write(request);
            out.flush();
            return readAnswer();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private Answer readAnswer() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                closing = true;
            }
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(256);
        if (chunked) {
            for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                copy(size, body);
                line();
            }
            line();
        } else if (length > 0) {
            copy(length, body);
        }
        if (closing) {
            close();
        }
        return new Answer(status, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder text = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed");
            }
            if (b != '\r') {
                text.append((char) b);
            }
        }
        return text.toString();
    }

    private void copy(long count, java.io.ByteArrayOutputStream body) throws IOException {
        for (long left = count; left > 0; left--) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed");
            }
            body.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
