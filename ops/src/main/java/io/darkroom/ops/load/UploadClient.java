package io.darkroom.ops.load;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Signed multipart uploads, as the official SDKs send them. */
final class UploadClient {
    private final HttpClient http;
    private final Options options;

    UploadClient(HttpClient http, Options options) {
        this.http = http;
        this.options = options;
    }

    int upload(int index, byte[] jpeg) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("public_id", "load/" + index);
        params.put("tags", "tag" + (index % 50) + ",load");
        params.put("timestamp", String.valueOf(System.currentTimeMillis() / 1000));
        String toSign = "public_id=" + params.get("public_id") + "&tags=" + params.get("tags") + "&timestamp=" + params.get("timestamp");
        params.put("signature", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest((toSign + options.secret()).getBytes(StandardCharsets.UTF_8))));
        params.put("api_key", options.key());
        String boundary = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream(jpeg.length + 1024);
        for (Map.Entry<String, String> entry : params.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + entry.getKey() + "\"\r\n\r\n"
                    + entry.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo" + index
                + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(jpeg);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.url() + "/v1_1/" + options.cloud() + "/image/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Signed {@code POST /image/tags} adding {@code tag} to one resource. */
    int addTag(String publicId, String tag) throws Exception {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String toSign = "command=add&public_ids=" + publicId + "&tag=" + tag + "&timestamp=" + timestamp;
        String signature = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest((toSign + options.secret()).getBytes(StandardCharsets.UTF_8)));
        String body = "command=add&public_ids=" + java.net.URLEncoder.encode(publicId, StandardCharsets.UTF_8) + "&tag=" + tag
                + "&timestamp=" + timestamp + "&api_key=" + options.key() + "&signature=" + signature;
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.url() + "/v1_1/" + options.cloud() + "/image/tags"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
