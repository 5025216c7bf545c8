package io.darkroom.api.delivery;

import com.cloudinary.Cloudinary;
import com.cloudinary.Transformation;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may fetch what: signed URLs the SDK builds for private and authenticated assets, strict
 * transformations on a cloud, and f_auto choosing by Accept. Every image is decoded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryAccessTest extends DarkroomIntegrationTest {
    private Cloudinary dlv;
    private Cloudinary strict;

    @BeforeAll
    void upload() throws Exception {
        dlv = new Cloudinary("cloudinary://dlv-key:dlv-secret@dlv-cloud?upload_prefix=http://localhost:" + port);
        strict = new Cloudinary("cloudinary://strict-key:strict-secret@strict-cloud?upload_prefix=http://localhost:" + port);
        for (Cloudinary cloudinary : new Cloudinary[] {dlv, strict}) {
            cloudinary.config.secure = false;
            cloudinary.config.privateCdn = false;
        }
        dlv.uploader().upload(TestImages.jpeg(400, 300, 3), ObjectUtils.asMap("public_id", "access/secret", "type", "private"));
        dlv.uploader().upload(TestImages.jpeg(400, 300, 4), ObjectUtils.asMap("public_id", "access/locked", "type", "authenticated"));
        dlv.uploader().upload(TestImages.jpeg(400, 300, 5), ObjectUtils.asMap("public_id", "access/open"));
        strict.uploader().upload(TestImages.jpeg(400, 300, 6), ObjectUtils.asMap("public_id", "access/strict"));
    }

    /** The SDK's URL, moved from Cloudinary's host to this server (same path). */
    private HttpResponse<byte[]> fetch(String sdkUrl, String... headers) throws Exception {
        URI uri = URI.create(sdkUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + uri.getRawPath()));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static BufferedImage decoded(HttpResponse<byte[]> response) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    private String urlOf(Cloudinary cloudinary, String type, boolean signed, Transformation transformation, String publicId) {
        String url = cloudinary.url().type(type).signed(signed).transformation(transformation).format("jpg").generate(publicId);
        // the SDK puts the cloud name after the host: /<cloud>/image/<type>/...
        return url.replaceFirst("^https?://[^/]+", base());
    }

    @Test
    void private_and_authenticated_assets_are_served_only_with_the_sdks_signature() throws Exception {
        String signed = urlOf(dlv, "private", true, new Transformation().width(100).crop("scale"), "access/secret");
        assertThat(signed).contains("/s--");
        HttpResponse<byte[]> derived = fetch(signed);
        assertThat(derived.statusCode()).isEqualTo(200);
        assertThat(decoded(derived).getWidth()).isEqualTo(100);
        assertThat(derived.headers().firstValue("Cache-Control").orElse("")).contains("private");

        HttpResponse<byte[]> original = fetch(urlOf(dlv, "authenticated", true, new Transformation(), "access/locked"));
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(decoded(original).getWidth()).isEqualTo(400);
        String longSigned = dlv.url().type("private").signed(true).longUrlSignature(true).format("jpg").generate("access/secret");
        assertThat(fetch(longSigned).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> unsigned = fetch(urlOf(dlv, "private", false, new Transformation().width(100).crop("scale"), "access/secret"));
        assertError(unsigned, 401, "Resources of type private need a signed URL");
        assertThat(unsigned.headers().firstValue("X-Cld-Error").orElse("")).contains("signed URL");
        String tampered = signed.replace("w_100", "w_120");
        HttpResponse<byte[]> wrong = fetch(tampered);
        assertError(wrong, 401, "Invalid signature");
        assertThat(wrong.headers().firstValue("X-Cld-Error")).hasValue("Invalid signature");
        Cloudinary impostor = new Cloudinary("cloudinary://dlv-key:not-the-secret@dlv-cloud");
        assertError(fetch(urlOf(impostor, "private", true, new Transformation(), "access/secret")), 401,
                "Invalid signature");
        assertError(fetch(urlOf(dlv, "upload", false, new Transformation(), "access/secret")), 404,
                "Resource not found - access/secret");
    }

    @Test
    void strict_transformations_allow_named_allowed_and_signed_ones_only() throws Exception {
        HttpResponse<byte[]> refused = fetch(urlOf(strict, "upload", false, new Transformation().width(50).crop("scale"), "access/strict"));
        assertError(refused, 401,
                "Transformation c_scale,w_50 is not allowed: strict transformations are on (name it, mark it allowed_for_strict, or sign the URL)");
        assertThat(refused.headers().firstValue("X-Cld-Error").orElse("")).contains("strict transformations");

        strict.api().createTransformation("thumb50", "c_fill,h_50,w_50", ObjectUtils.emptyMap());
        HttpResponse<byte[]> named = fetch(urlOf(strict, "upload", false, new Transformation().named("thumb50"), "access/strict"));
        assertThat(named.statusCode()).isEqualTo(200);
        assertThat(decoded(named).getWidth()).isEqualTo(50);

        // an unnamed transformation exists once used (here by an eager upload, which the API key signs)
        strict.uploader().upload(TestImages.jpeg(200, 100, 7), ObjectUtils.asMap("public_id", "access/eager",
                "eager", java.util.List.of(new Transformation().width(60).crop("scale"))));
        strict.api().updateTransformation("c_scale,w_60", ObjectUtils.asMap("allowed_for_strict", true), ObjectUtils.emptyMap());
        HttpResponse<byte[]> allowed = fetch(urlOf(strict, "upload", false, new Transformation().width(60).crop("scale"), "access/strict"));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(decoded(allowed).getWidth()).isEqualTo(60);

        HttpResponse<byte[]> signed = fetch(urlOf(strict, "upload", true, new Transformation().width(70).crop("scale"), "access/strict"));
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(decoded(signed).getWidth()).isEqualTo(70);
        HttpResponse<byte[]> original = fetch(urlOf(strict, "upload", false, new Transformation(), "access/strict"));
        assertThat(original.statusCode()).as("originals are always served").isEqualTo(200);
    }

    private record Expected(Transformation transformation, String format, int width, int height) {
    }

    @Test
    void urls_the_sdk_builds_with_transformations_deliver_the_sizes_and_formats_they_ask_for() throws Exception {
        List<Expected> cases = List.of(
                new Expected(new Transformation().width(100).height(100).crop("pad").background("black"), "jpg", 100, 100),
                new Expected(new Transformation().width(0.5).crop("scale"), "jpg", 200, 150),
                new Expected(new Transformation().width(120).height(80).crop("fill").gravity("auto").effect("sepia"), "png", 120, 80),
                new Expected(new Transformation().width(60).angle(90), "jpg", 45, 60),
                new Expected(new Transformation().width(50).radius("max"), "webp", 50, 38),
                new Expected(new Transformation().width(200).crop("scale").chain().width(50).height(50).crop("crop").gravity("north_west"),
                        "jpg", 50, 50),
                new Expected(new Transformation().aspectRatio("16:9").width(160).crop("fill"), "jpg", 160, 90),
                new Expected(new Transformation().width(50).dpr(2.0f), "jpg", 100, 75),
                new Expected(new Transformation().width(40).border("5px_solid_red").effect("grayscale"), "jpg", 50, 40),
                new Expected(new Transformation().width(80).height(80).crop("lpad").quality("auto"), "gif", 80, 80));
        for (Expected expected : cases) {
            String url = dlv.url().transformation(expected.transformation()).format(expected.format()).generate("access/open")
                    .replaceFirst("^https?://[^/]+", base());
            HttpResponse<byte[]> answer = fetch(url);
            assertThat(answer.statusCode()).as(url + " " + answer.headers().firstValue("X-Cld-Error").orElse("")).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).as(url)
                    .hasValue("image/" + (expected.format().equals("jpg") ? "jpeg" : expected.format()));
            BufferedImage image = decoded(answer);
            assertThat(new int[] {image.getWidth(), image.getHeight()}).as(url).containsExactly(expected.width(), expected.height());
        }
    }

    @Test
    void f_auto_chooses_the_format_by_accept_and_says_it_varies() throws Exception {
        String url = urlOf(dlv, "upload", false, new Transformation().width(80).crop("scale").fetchFormat("auto"), "access/open");
        HttpResponse<byte[]> webp = fetch(url, "Accept", "image/webp,image/*");
        assertThat(webp.statusCode()).isEqualTo(200);
        assertThat(webp.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(webp.headers().firstValue("Vary").orElse("")).contains("Accept");
        assertThat(new String(java.util.Arrays.copyOfRange(webp.body(), 8, 12))).isEqualTo("WEBP");
        HttpResponse<byte[]> avif = fetch(url, "Accept", "image/avif,image/webp,*/*");
        assertThat(avif.headers().firstValue("Content-Type")).hasValue("image/avif");
        HttpResponse<byte[]> plain = fetch(url, "Accept", "*/*");
        assertThat(plain.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(decoded(plain).getWidth()).isEqualTo(80);
        assertThat(new java.util.HashSet<>(java.util.List.of(webp.headers().firstValue("ETag").orElseThrow(),
                avif.headers().firstValue("ETag").orElseThrow(), plain.headers().firstValue("ETag").orElseThrow()))).hasSize(3);
    }
}
