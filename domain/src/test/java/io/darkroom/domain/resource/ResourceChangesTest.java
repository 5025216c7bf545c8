package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import io.darkroom.domain.cloud.InvalidValueException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Tags, context, coordinates, moderation, rename and delete of an uploaded resource. */
class ResourceChangesTest {
    private static final AssetId ASSET = AssetId.of("0123456789abcdef0123456789abcdef");
    private static final String ID = ASSET.value();
    private static final CloudName CLOUD = CloudName.of("demo");
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final MediaFacts FACTS = TestFacts.of("jpg").build();

    private FixtureConfiguration<Resource> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Resource.class);
    }

    private static ResourceUploaded uploaded(List<String> tags, String moderation) {
        return new ResourceUploaded(ID, "demo", "image", "upload", "a/b", "v1", T0.getEpochSecond(), FACTS, tags,
                Map.of("alt", "x"), moderation == null ? null : "manual", moderation, T0, "a", "b");
    }

    @Test
    void addingTagsRecordsTheNewListAndWhatWasAdded() {
        fixture.given(uploaded(List.of("a"), null))
                .when(new ChangeTags(ASSET, CLOUD, TagOperation.ADD, List.of("b", "a")))
                .expectEvents(new ResourceTagsChanged(ID, "demo", "image", "upload", "a/b", List.of("a", "b"), List.of("b"), List.of()));
    }

    @Test
    void addingATagItAlreadyHasRecordsNothing() {
        fixture.given(uploaded(List.of("a"), null))
                .when(new ChangeTags(ASSET, CLOUD, TagOperation.ADD, List.of("a")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void removingAllTagsRecordsWhatWasRemoved() {
        fixture.given(uploaded(List.of("a", "b"), null))
                .when(new ChangeTags(ASSET, CLOUD, TagOperation.REMOVE_ALL, List.of()))
                .expectEvents(new ResourceTagsChanged(ID, "demo", "image", "upload", "a/b", List.of(), List.of(), List.of("a", "b")));
    }

    @Test
    void replacingTagsKeepsOnlyTheGivenOnes() {
        fixture.given(uploaded(List.of("a", "b"), null))
                .when(new ChangeTags(ASSET, CLOUD, TagOperation.REPLACE, List.of("b", "c")))
                .expectEvents(new ResourceTagsChanged(ID, "demo", "image", "upload", "a/b", List.of("b", "c"), List.of("c"), List.of("a")));
    }

    @Test
    void addingContextMergesKeys() {
        fixture.given(uploaded(List.of(), null))
                .when(new ChangeContext(ASSET, CLOUD, ContextOperation.ADD, Map.of("caption", "y")))
                .expectEvents(new ResourceContextChanged(ID, "demo", "image", "upload", "a/b", Map.of("alt", "x", "caption", "y")));
    }

    @Test
    void replacingContextDropsTheOtherKeys() {
        fixture.given(uploaded(List.of(), null))
                .when(new ChangeContext(ASSET, CLOUD, ContextOperation.REPLACE, Map.of("caption", "y")))
                .expectEvents(new ResourceContextChanged(ID, "demo", "image", "upload", "a/b", Map.of("caption", "y")));
    }

    @Test
    void settingTheSameContextRecordsNothing() {
        fixture.given(uploaded(List.of(), null))
                .when(new ChangeContext(ASSET, CLOUD, ContextOperation.REPLACE, Map.of("alt", "x")))
                .expectNoEvents();
    }

    @Test
    void settingCoordinatesKeepsTheKindNotGiven() {
        fixture.given(uploaded(List.of(), null),
                        new ResourceCoordinatesChanged(ID, "demo", "image", "upload", "a/b", List.of(), List.of(List.of(1, 2, 3, 4))))
                .when(new SetCoordinates(ASSET, CLOUD, List.of(new Region(10, 20, 150, 130)), null))
                .expectEvents(new ResourceCoordinatesChanged(ID, "demo", "image", "upload", "a/b",
                        List.of(List.of(10, 20, 150, 130)), List.of(List.of(1, 2, 3, 4))));
    }

    @Test
    void coordinatesAreClippedToTheImageAsCloudinaryDoes() {
        MediaFacts small = TestFacts.of("png").size(241, 81).build();
        fixture.given(new ResourceUploaded(ID, "demo", "image", "upload", "a/b", "v1", T0.getEpochSecond(), small, List.of(),
                        Map.of(), null, null, T0, "a", "b"))
                .when(new SetCoordinates(ASSET, CLOUD, List.of(new Region(120, 30, 109, 150)), List.of(new Region(300, 90, 5, 5))))
                .expectEvents(new ResourceCoordinatesChanged(ID, "demo", "image", "upload", "a/b",
                        List.of(List.of(120, 30, 109, 81)), List.of(List.of(240, 80, 5, 5))));
    }

    @Test
    void coordinatesAreClippedToTheNewestVersionsDimensions() {
        MediaFacts wide = TestFacts.of("png").size(100, 50).build();
        fixture.given(uploaded(List.of(), null), new ResourceVersionUploaded(ID, "demo", "image", "upload", "a/b", "v2",
                        T0.getEpochSecond() + 1, wide, List.of(), Map.of(), T0.plusSeconds(1)))
                .when(new SetCoordinates(ASSET, CLOUD, List.of(new Region(150, 10, 200, 80)), null))
                .expectEvents(new ResourceCoordinatesChanged(ID, "demo", "image", "upload", "a/b",
                        List.of(List.of(99, 10, 100, 50)), List.of()));
    }

    private static ResourceDerived derived(String derivedId) {
        return new ResourceDerived(ID, "demo", "image", "upload", "a/b", derivedId, "v1", "c_fill,h_10,w_10", "jpg", 100, 10, 10,
                "derived/demo/" + derivedId);
    }

    @Test
    void aDerivedFileOfTheCurrentVersionIsRecordedOnce() {
        fixture.given(uploaded(List.of(), null))
                .when(new RecordDerivedResource(ASSET, CLOUD, "d1", "v1", "c_fill,h_10,w_10", "jpg", 100, 10, 10, "derived/demo/d1"))
                .expectEvents(derived("d1"));
        fixture.given(uploaded(List.of(), null), derived("d1"))
                .when(new RecordDerivedResource(ASSET, CLOUD, "d1", "v1", "c_fill,h_10,w_10", "jpg", 100, 10, 10, "derived/demo/d1"))
                .expectNoEvents();
    }

    @Test
    void aDerivedFileOfAnOlderVersionIsNotRecorded() {
        fixture.given(uploaded(List.of(), null), new ResourceVersionUploaded(ID, "demo", "image", "upload", "a/b", "v2",
                        T0.getEpochSecond() + 1, FACTS, List.of(), Map.of(), T0.plusSeconds(1)))
                .when(new RecordDerivedResource(ASSET, CLOUD, "d1", "v1", "c_fill,h_10,w_10", "jpg", 100, 10, 10, "derived/demo/d1"))
                .expectNoEvents();
    }

    @Test
    void deletingDerivedFilesNamesTheirBytesAndIgnoresUnknownIds() {
        fixture.given(uploaded(List.of(), null), derived("d1"), derived("d2"))
                .when(new DeleteDerivedResources(ASSET, CLOUD, List.of("d2", "nope")))
                .expectEvents(new ResourceDerivedDeleted(ID, "demo", "image", "upload", "a/b", List.of("d2"), List.of("derived/demo/d2")))
                .expectResultMessagePayload(List.of("d2"));
    }

    @Test
    void approvingAPendingResourceMovesItWithinItsQueue() {
        fixture.given(uploaded(List.of(), "pending"))
                .when(new Moderate(ASSET, CLOUD, "approved"))
                .expectEvents(new ResourceModerated(ID, "demo", "image", "upload", "a/b", "manual", "approved"));
    }

    @Test
    void approvingTwiceRecordsOnce() {
        fixture.given(uploaded(List.of(), "pending"), new ResourceModerated(ID, "demo", "image", "upload", "a/b", "manual", "approved"))
                .when(new Moderate(ASSET, CLOUD, "approved"))
                .expectNoEvents();
    }

    @Test
    void renamingKeepsTheAssetAndRecordsBothNames() {
        fixture.given(uploaded(List.of(), null))
                .when(new RenameResource(ASSET, CLOUD, PublicId.of("c/d"), null))
                .expectEvents(new ResourceRenamed(ID, "demo", "image", "upload", "c/d", "a/b", "a"));
    }

    @Test
    void aRenameThatNamesAFolderMovesTheResourceThere() {
        fixture.given(uploaded(List.of(), null))
                .when(new RenameResource(ASSET, CLOUD, PublicId.of("c/d"), io.darkroom.domain.folder.FolderPath.of("c")))
                .expectEvents(new ResourceRenamed(ID, "demo", "image", "upload", "c/d", "a/b", "c"));
    }

    @Test
    void deletingRecordsEveryVersionWhoseBytesMustGo() {
        fixture.given(uploaded(List.of(), null), new ResourceVersionUploaded(ID, "demo", "image", "upload", "a/b", "v2",
                        T0.getEpochSecond() + 1, FACTS, List.of(), Map.of(), T0.plusSeconds(1)))
                .when(new DeleteResource(ASSET, CLOUD, T0.plusSeconds(5), true))
                .expectEvents(new ResourceDeleted(ID, "demo", "image", "upload", "a/b", List.of("v1", "v2"), true, T0.plusSeconds(5)));
    }

    @Test
    void rejectsTaggingADeletedResource() {
        fixture.given(uploaded(List.of(), null), new ResourceDeleted(ID, "demo", "image", "upload", "a/b", List.of("v1"), true, T0))
                .when(new ChangeTags(ASSET, CLOUD, TagOperation.ADD, List.of("x")))
                .expectException(ResourceNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsDeletingAResourceOfAnotherCloud() {
        fixture.given(uploaded(List.of(), null))
                .when(new DeleteResource(ASSET, CloudName.of("other"), T0, true))
                .expectException(ResourceNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsATagOverTheLengthLimit() {
        fixture.given(uploaded(List.of(), null))
                .when(new ChangeTags(ASSET, CLOUD, TagOperation.ADD, List.of("x".repeat(256))))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }
}
