package io.darkroom.ops.load;

import io.darkroom.ops.client.Api;

import java.net.http.HttpClient;
import java.util.Map;

/** The load tool's writes: signed multipart uploads and tag additions, as the official SDKs send them. */
final class UploadClient {
    private final Api api;
    private final String cloud;

    UploadClient(HttpClient http, Options options) {
        this.api = new Api(http, options.url(), options.cloud(), options.key(), options.secret());
        this.cloud = options.cloud();
    }

    int upload(int index, byte[] jpeg) throws Exception {
        return api.upload(Map.of("public_id", "load/" + index, "tags", "tag" + (index % 50) + ",load"), jpeg, "photo" + index + ".jpg")
                .status();
    }

    /** Signed {@code POST /image/tags} adding {@code tag} to one resource, sent on {@code connection}. */
    KeepAliveConnection.Answer addTag(KeepAliveConnection connection, String publicId, String tag) throws Exception {
        return connection.postForm("/v1_1/" + cloud + "/image/tags",
                Api.form(api.sign(Map.of("command", "add", "tag", tag, "public_ids", publicId))));
    }
}
