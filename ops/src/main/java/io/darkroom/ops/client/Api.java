package io.darkroom.ops.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Calls to a Darkroom (or Cloudinary) cloud, sent the way the official SDKs send them: signed Upload API posts, Basic-auth Admin API calls. */
public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper();

    public record Answer(int status, String body, String contentType) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final HttpClient http;
    private final String baseUrl;
    private final String cloud;
    private final String key;
    private final String secret;

    public Api(String baseUrl, String cloud, String key, String secret) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build(), baseUrl, cloud, key, secret);
    }

    public Api(HttpClient http, String baseUrl, String cloud, String key, String secret) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.cloud = cloud;
        this.key = key;
        this.secret = secret;
    }

    public String cloud() {
        return cloud;
    }

    /** The Basic authorization header value of this cloud's key and secret. */
    public String authorization() {
        return basic(key, secret);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpClient http() {
        return http;
    }

    /** Signed multipart upload of {@code bytes} with the given parameters. */
    public Answer upload(Map<String, String> params, byte[] bytes, String filename) throws IOException, InterruptedException {
        return upload("image", params, bytes, 0, bytes.length, filename, Map.of());
    }

    /**
     * Signed multipart upload of {@code length} bytes of {@code bytes} from {@code offset}, with extra
     * headers (a chunked upload's {@code Content-Range} and {@code X-Unique-Upload-Id}); the file
     * is not copied into the request body.
     */
    public Answer upload(String resourceType, Map<String, String> params, byte[] bytes, int offset, int length, String filename,
                         Map<String, String> headers) throws IOException, InterruptedException {
        return multipart(resourceType, sign(params), bytes, offset, length, filename, headers);
    }

    /** An unsigned multipart upload (no key, no signature), as browsers send one to an unsigned upload preset. */
    public Answer unsignedUpload(String preset, Map<String, String> params, byte[] bytes, String filename)
            throws IOException, InterruptedException {
        Map<String, String> fields = new java.util.LinkedHashMap<>(params);
        fields.put("upload_preset", preset);
        return multipart("image", fields, bytes, 0, bytes.length, filename, Map.of());
    }

    private Answer multipart(String resourceType, Map<String, String> signed, byte[] bytes, int offset, int length, String filename,
                             Map<String, String> headers) throws IOException, InterruptedException {
        String boundary = "----darkroom" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        for (Map.Entry<String, String> entry : signed.entrySet()) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(entry.getKey())
                    .append("\"\r\n\r\n").append(entry.getValue()).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(filename).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1_1/" + cloud + "/" + resourceType + "/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head.toString().getBytes(StandardCharsets.UTF_8)),
                        HttpRequest.BodyPublishers.ofByteArray(bytes, offset, length),
                        HttpRequest.BodyPublishers.ofByteArray(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8))));
        headers.forEach(request::header);
        return send(request);
    }

    /** A signed Upload API action ({@code tags}, {@code destroy}, ...) as a form post. */
    public Answer action(String path, Map<String, String> params) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1_1/" + cloud + "/" + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(sign(params)))));
    }

    /** An Admin API call with Basic authentication; {@code path} follows {@code /v1_1/<cloud>/}. */
    public Answer admin(String method, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1_1/" + cloud + "/" + path))
                .header("Authorization", basic(key, secret)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** An Admin API call with a JSON body (search, restore), as the SDKs send those. */
    public Answer adminJson(String method, String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1_1/" + cloud + "/" + path))
                .header("Authorization", basic(key, secret)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer get(String absoluteUrl) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(absoluteUrl)).GET());
    }

    public byte[] bytes(String absoluteUrl) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(absoluteUrl)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return response.statusCode() == 200 ? response.body() : null;
    }

    public Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
    }

    /** Cloudinary's signature: parameters sorted by name, joined, the secret appended, SHA-1. */
    public Map<String, String> sign(Map<String, String> params) {
        Map<String, String> signed = new TreeMap<>(params);
        signed.putIfAbsent("timestamp", String.valueOf(System.currentTimeMillis() / 1000));
        String toSign = signed.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        signed.put("signature", sha1Hex(toSign + secret));
        signed.put("api_key", key);
        return signed;
    }

    public static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
