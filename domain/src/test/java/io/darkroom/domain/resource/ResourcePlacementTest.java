package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import io.darkroom.domain.folder.FolderPath;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

class ResourcePlacementTest {
    private static final AssetId ASSET = AssetId.of("0123456789abcdef0123456789abcdef");
    private static final CloudName CLOUD = CloudName.of("demo");
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private AggregateTestFixture<Resource> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Resource.class);
    }

    private static ResourceUploaded uploaded() {
        return new ResourceUploaded(ASSET.value(), "demo", "image", "upload", "abc123", "v1", T0.getEpochSecond(),
                TestFacts.of("jpg").build(), List.of(), Map.of(), null, null, T0, "shop", "Red shoe");
    }

    @Test
    void movingRecordsTheFolderItLeft() {
        fixture.given(uploaded())
                .when(new MoveResource(ASSET, CLOUD, FolderPath.of("archive")))
                .expectEvents(new ResourceMoved(ASSET.value(), "demo", "image", "upload", "abc123", "archive", "shop"));
    }

    @Test
    void movingWhereTheResourceIsRecordsNothing() {
        fixture.given(uploaded())
                .when(new MoveResource(ASSET, CLOUD, FolderPath.of("shop")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aMovedResourceMovesOnFromItsNewFolder() {
        fixture.given(uploaded(), new ResourceMoved(ASSET.value(), "demo", "image", "upload", "abc123", "archive", "shop"))
                .when(new MoveResource(ASSET, CLOUD, FolderPath.of("shop")))
                .expectEvents(new ResourceMoved(ASSET.value(), "demo", "image", "upload", "abc123", "shop", "archive"));
    }

    @Test
    void anotherCloudCannotMoveTheResource() {
        fixture.given(uploaded())
                .when(new MoveResource(ASSET, CloudName.of("other"), FolderPath.of("archive")))
                .expectException(ResourceNotFoundException.class);
    }

    @Test
    void changingTheDisplayNameRecordsTheNewName() {
        fixture.given(uploaded())
                .when(new ChangeDisplayName(ASSET, CLOUD, DisplayName.of("Blue shoe")))
                .expectEvents(new ResourceDisplayNameChanged(ASSET.value(), "demo", "image", "upload", "abc123", "Blue shoe"));
    }

    @Test
    void theSameDisplayNameRecordsNothing() {
        fixture.given(uploaded())
                .when(new ChangeDisplayName(ASSET, CLOUD, DisplayName.of("Red shoe")))
                .expectNoEvents();
    }

    @Test
    void anUnnamedAssetIsCalledByTheLastSegmentOfItsPublicId() {
        org.assertj.core.api.Assertions.assertThat(DisplayName.from(PublicId.of("a/b/photo")).value()).isEqualTo("photo");
    }
}
