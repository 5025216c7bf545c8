package io.darkroom.ops.load;

import io.darkroom.ops.client.Api;

import java.net.URI;
import java.net.http.HttpClient;

/** The server a benchmark runs against: its base URL and the cloud it signs in to (HTTP/1.1, as the SDKs speak). */
record BenchmarkTarget(String url, String cloud, HttpClient http, Api api) {
    static BenchmarkTarget of(String url, String cloudUrl) {
        if (cloudUrl == null) {
            throw new IllegalArgumentException("Give --cloud-url cloudinary://KEY:SECRET@CLOUD (or set CLOUDINARY_URL)");
        }
        URI cloud = URI.create(cloudUrl);
        String[] credentials = cloud.getUserInfo().split(":", 2);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return new BenchmarkTarget(url, cloud.getHost(), http, new Api(http, url, cloud.getHost(), credentials[0], credentials[1]));
    }
}
