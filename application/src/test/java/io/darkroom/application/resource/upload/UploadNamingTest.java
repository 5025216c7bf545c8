package io.darkroom.application.resource.upload;

import io.darkroom.application.cloud.FolderMode;
import io.darkroom.application.support.RandomIds;
import io.darkroom.domain.folder.FolderPath;
import io.darkroom.domain.resource.DeliveryType;
import io.darkroom.domain.resource.DisplayName;
import io.darkroom.domain.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class UploadNamingTest {
    private static UploadRequest request(String publicId, UploadPlacement placement, boolean useFilename, boolean unique,
                                         String filename) {
        return new UploadRequest("c", ResourceType.IMAGE, DeliveryType.UPLOAD, publicId, placement, useFilename, unique, true,
                null, null, null, null, null, new StagedFile(Path.of("x"), filename));
    }

    private static UploadNaming.Naming fixed(UploadRequest request, ResourceType kind, String format) {
        return UploadNaming.choose(request, FolderMode.FIXED, kind, format, new RandomIds());
    }

    private static UploadNaming.Naming dynamic(UploadRequest request) {
        return UploadNaming.choose(request, FolderMode.DYNAMIC, ResourceType.IMAGE, "jpg", new RandomIds());
    }

    @Test
    void fixed_mode_puts_the_given_public_id_inside_the_folder_which_is_its_asset_folder() {
        UploadNaming.Naming naming = fixed(request("cat", UploadPlacement.inFolder("/pets/"), false, true, null), ResourceType.IMAGE, "jpg");
        assertThat(naming.publicId().value()).isEqualTo("pets/cat");
        assertThat(naming.assetFolder()).isEqualTo(FolderPath.of("pets"));
        assertThat(naming.displayName()).isEqualTo(DisplayName.of("cat"));
    }

    @Test
    void generates_twenty_random_characters_without_a_name() {
        assertThat(fixed(request(null, null, false, true, "photo.jpg"), ResourceType.IMAGE, "jpg").publicId().value())
                .matches("[a-z0-9]{20}");
    }

    @Test
    void uses_the_sanitized_file_name_with_or_without_a_unique_suffix() {
        assertThat(fixed(request(null, null, true, true, "My Photo (1).JPG"), ResourceType.IMAGE, "jpg").publicId().value())
                .matches("My_Photo_1_[a-z0-9]{6}");
        assertThat(fixed(request(null, UploadPlacement.inFolder("docs"), true, false, "report.pdf"), ResourceType.RAW, "pdf")
                .publicId().value()).isEqualTo("docs/report.pdf");
    }

    @Test
    void dynamic_mode_files_the_asset_in_the_folder_without_touching_the_public_id() {
        UploadNaming.Naming naming = dynamic(request("cat", UploadPlacement.inFolder("pets"), false, true, null));
        assertThat(naming.publicId().value()).isEqualTo("cat");
        assertThat(naming.assetFolder()).isEqualTo(FolderPath.of("pets"));
    }

    @Test
    void dynamic_mode_prefers_asset_folder_to_folder() {
        UploadPlacement placement = new UploadPlacement("old", "new/place", null, null, false, false, false);
        assertThat(dynamic(request("cat", placement, false, true, null)).assetFolder()).isEqualTo(FolderPath.of("new/place"));
    }

    @Test
    void use_asset_folder_as_public_id_prefix_prefixes_the_public_id_with_the_folder() {
        UploadPlacement placement = new UploadPlacement(null, "pets", null, null, true, false, false);
        assertThat(dynamic(request("cat", placement, false, true, null)).publicId().value()).isEqualTo("pets/cat");
    }

    @Test
    void public_id_prefix_prefixes_the_public_id_only() {
        UploadPlacement placement = new UploadPlacement(null, "pets", null, "/web/", true, false, false);
        UploadNaming.Naming naming = dynamic(request("cat", placement, false, true, null));
        assertThat(naming.publicId().value()).isEqualTo("web/cat");
        assertThat(naming.assetFolder()).isEqualTo(FolderPath.of("pets"));
    }

    @Test
    void display_name_is_the_given_one_else_the_file_name_when_asked_else_the_last_segment_of_the_public_id() {
        assertThat(dynamic(request("a/cat", new UploadPlacement(null, null, "My cat", null, false, false, false), false, true,
                "IMG 1.jpg")).displayName()).isEqualTo(DisplayName.of("My cat"));
        assertThat(dynamic(request("a/cat", new UploadPlacement(null, null, null, null, false, true, false), false, true,
                "IMG 1.jpg")).displayName()).isEqualTo(DisplayName.of("IMG 1"));
        assertThat(dynamic(request("a/cat", UploadPlacement.NONE, false, true, "IMG 1.jpg")).displayName())
                .isEqualTo(DisplayName.of("cat"));
    }

    @Test
    void a_unique_display_name_keeps_the_name_and_adds_six_random_characters() {
        assertThat(UploadNaming.unique(DisplayName.of("cat"), new RandomIds()).value()).matches("cat_[a-z0-9]{6}");
        assertThat(UploadNaming.unique(DisplayName.of("x".repeat(255)), new RandomIds()).value()).hasSize(255);
    }
}
