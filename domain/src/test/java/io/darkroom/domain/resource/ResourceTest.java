package io.darkroom.domain.resource;

import io.darkroom.domain.folder.FolderPath;

import io.darkroom.domain.cloud.CloudName;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

class ResourceTest {
    private static final AssetId ASSET = AssetId.of("0123456789abcdef0123456789abcdef");
    private static final CloudName CLOUD = CloudName.of("demo");
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final MediaFacts JPEG = TestFacts.of("jpg").size(640, 480).bytes(1234).etag("etag1")
            .phash("a1b2c3d4e5f60718").colors(List.of(new ColorShare("#FF0000", 60.0))).exif(Map.of("Make", "Canon")).filename("photo").build();
    private static final MediaFacts PNG = TestFacts.of("png").size(10, 10).bytes(99).etag("etag2")
            .phash("ffffffffffffffff").filename("photo2").build();

    private FixtureConfiguration<Resource> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Resource.class);
    }

    private static ResourceUploaded uploaded() {
        return new ResourceUploaded(ASSET.value(), "demo", "image", "upload", "folder/photo", "v1id", T0.getEpochSecond(),
                JPEG, List.of("a", "b"), Map.of("alt", "x"), null, null, T0, "folder", "photo");
    }

    @Test
    void uploadingRecordsTheFileFactsLabelsAndUploadTimeAsVersion() {
        fixture.givenNoPriorActivity()
                .when(new UploadResource(ASSET, CLOUD, ResourceType.IMAGE, DeliveryType.UPLOAD, PublicId.of("folder/photo"),
                        "v1id", JPEG, new Labels(List.of("a", " b ", "a", ""), Map.of("alt", "x")), null, T0,
                        FolderPath.of("folder"), DisplayName.of("photo")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(uploaded());
    }

    @Test
    void uploadingIntoManualModerationRecordsItAsPending() {
        fixture.givenNoPriorActivity()
                .when(new UploadResource(ASSET, CLOUD, ResourceType.IMAGE, DeliveryType.UPLOAD, PublicId.of("folder/photo"),
                        "v1id", JPEG, Labels.NONE, Moderation.pendingManual(), T0,
                        FolderPath.of("folder"), DisplayName.of("photo")))
                .expectEvents(new ResourceUploaded(ASSET.value(), "demo", "image", "upload", "folder/photo", "v1id",
                        T0.getEpochSecond(), JPEG, List.of(), Map.of(), "manual", "pending", T0, "folder", "photo"));
    }

    @Test
    void overwritingWithoutLabelsKeepsTagsAndContextAndRaisesTheVersion() {
        Instant later = T0.plusSeconds(30);
        fixture.given(uploaded())
                .when(new UploadNewVersion(ASSET, CLOUD, "v2id", PNG, null, later))
                .expectResultMessagePayload(later.getEpochSecond())
                .expectEvents(new ResourceVersionUploaded(ASSET.value(), "demo", "image", "upload", "folder/photo", "v2id",
                        later.getEpochSecond(), PNG, List.of("a", "b"), Map.of("alt", "x"), later));
    }

    @Test
    void overwritingWithLabelsReplacesThem() {
        Instant later = T0.plusSeconds(30);
        fixture.given(uploaded())
                .when(new UploadNewVersion(ASSET, CLOUD, "v2id", PNG, new Labels(List.of("c"), Map.of()), later))
                .expectEvents(new ResourceVersionUploaded(ASSET.value(), "demo", "image", "upload", "folder/photo", "v2id",
                        later.getEpochSecond(), PNG, List.of("c"), Map.of(), later));
    }

    @Test
    void overwritingTwiceInOneSecondStillGivesAStrictlyHigherVersion() {
        fixture.given(uploaded())
                .when(new UploadNewVersion(ASSET, CLOUD, "v2id", PNG, null, T0))
                .expectResultMessagePayload(T0.getEpochSecond() + 1);
    }

    @Test
    void rejectsOverwritingAResourceOfAnotherCloud() {
        fixture.given(uploaded())
                .when(new UploadNewVersion(ASSET, CloudName.of("other"), "v2id", PNG, null, T0.plusSeconds(5)))
                .expectException(ResourceNotFoundException.class)
                .expectNoEvents();
    }
}
