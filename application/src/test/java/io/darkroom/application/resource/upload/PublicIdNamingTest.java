package io.darkroom.application.resource.upload;

import io.darkroom.application.support.RandomIds;
import io.darkroom.domain.resource.DeliveryType;
import io.darkroom.domain.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PublicIdNamingTest {
    private static UploadRequest request(String publicId, String folder, boolean useFilename, boolean unique, String filename) {
        return new UploadRequest("c", ResourceType.IMAGE, DeliveryType.UPLOAD, publicId, folder, useFilename, unique, true,
                null, null, null, null, null, new StagedFile(Path.of("x"), filename));
    }

    @Test
    void takes_the_given_public_id_inside_the_folder() {
        assertThat(PublicIdNaming.choose(request("cat", "/pets/", false, true, null), ResourceType.IMAGE, "jpg", new RandomIds()).value())
                .isEqualTo("pets/cat");
    }

    @Test
    void generates_twenty_random_characters_without_a_name() {
        assertThat(PublicIdNaming.choose(request(null, null, false, true, "photo.jpg"), ResourceType.IMAGE, "jpg", new RandomIds()).value())
                .matches("[a-z0-9]{20}");
    }

    @Test
    void uses_the_sanitized_file_name_with_or_without_a_unique_suffix() {
        assertThat(PublicIdNaming.choose(request(null, null, true, true, "My Photo (1).JPG"), ResourceType.IMAGE, "jpg", new RandomIds()).value())
                .matches("My_Photo_1_[a-z0-9]{6}");
        assertThat(PublicIdNaming.choose(request(null, "docs", true, false, "report.pdf"), ResourceType.RAW, "pdf", new RandomIds()).value())
                .isEqualTo("docs/report.pdf");
    }
}
