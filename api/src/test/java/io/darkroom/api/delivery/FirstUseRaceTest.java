package io.darkroom.api.delivery;

import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of thumbnails asks for one new transformation of many images at once (the console's grid does): each first
 * use races to register the transformation, and every one must answer its image (the race lost is retried), never a 500.
 */
class FirstUseRaceTest extends DarkroomIntegrationTest {
    @Test
    void simultaneous_first_uses_of_one_transformation_all_answer_their_images() throws Exception {
        Cloudinary cloudinary = new Cloudinary("cloudinary://dlv-key:dlv-secret@dlv-cloud?upload_prefix=http://localhost:" + port);
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            cloudinary.uploader().upload(TestImages.jpeg(90, 60, 700 + i), ObjectUtils.asMap("public_id", "race/first" + i));
            urls.add(base() + "/dlv-cloud/image/upload/c_fill,h_37,w_41/race/first" + i + ".jpg");
        }
        List<CompletableFuture<HttpResponse<byte[]>>> answers = urls.stream().map(url -> HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())).toList();
        for (CompletableFuture<HttpResponse<byte[]>> answer : answers) {
            assertThat(answer.get().statusCode()).as(new String(answer.get().body())).isEqualTo(200);
        }
    }
}
