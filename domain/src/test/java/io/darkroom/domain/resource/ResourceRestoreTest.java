package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The trash, restores and purges of stored versions. */
class ResourceRestoreTest {
    private static final AssetId ASSET = AssetId.of("0123456789abcdef0123456789abcdef");
    private static final String ID = ASSET.value();
    private static final CloudName CLOUD = CloudName.of("demo");
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant DELETED = T0.plusSeconds(60);
    private static final MediaFacts V1 = TestFacts.of("jpg").bytes(100).build();
    private static final MediaFacts V2 = TestFacts.of("png").bytes(250).build();

    private FixtureConfiguration<Resource> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Resource.class);
    }

    private static ResourceUploaded uploaded() {
        return new ResourceUploaded(ID, "demo", "image", "upload", "a/b", "v1", T0.getEpochSecond(), V1, List.of("red"),
                Map.of("alt", "x"), "manual", "approved", T0, "a", "b");
    }

    private static ResourceVersionUploaded secondVersion() {
        return new ResourceVersionUploaded(ID, "demo", "image", "upload", "a/b", "v2", T0.getEpochSecond() + 10, V2,
                List.of("red"), Map.of("alt", "x"), T0.plusSeconds(10));
    }

    private static ResourceDeleted trashed(List<String> versionIds) {
        return new ResourceDeleted(ID, "demo", "image", "upload", "a/b", versionIds, true, DELETED);
    }

    private static ResourceRestored restored(String versionId, MediaFacts facts, Instant at, boolean fromTrash) {
        return new ResourceRestored(ID, "demo", "image", "upload", "a/b", versionId, at.getEpochSecond(), facts,
                List.of("red"), Map.of("alt", "x"), "manual", "approved", "a", "b", List.of(), List.of(), at, fromTrash);
    }

    @Test
    void deletingWithKeptBytesTrashesEveryStoredVersion() {
        fixture.given(uploaded(), secondVersion())
                .when(new DeleteResource(ASSET, CLOUD, DELETED, true))
                .expectEvents(trashed(List.of("v1", "v2")));
    }

    @Test
    void restoringATrashedAssetBringsItBackAsItWasUnderANewVersion() {
        Instant at = DELETED.plusSeconds(3600);
        fixture.given(uploaded(), secondVersion(), trashed(List.of("v1", "v2")))
                .when(new RestoreResource(ASSET, CLOUD, "v2", V2, at, DELETED.minusSeconds(1)))
                .expectResultMessagePayload(at.getEpochSecond())
                .expectEvents(restored("v2", V2, at, true));
    }

    @Test
    void restoringAnOlderVersionOfALiveAssetMakesItCurrent() {
        Instant at = T0.plusSeconds(20);
        fixture.given(uploaded(), secondVersion())
                .when(new RestoreResource(ASSET, CLOUD, "v1", V1, at, T0))
                .expectEvents(restored("v1", V1, at, false));
    }

    @Test
    void restoringTheCurrentVersionOfALiveAssetRecordsNothing() {
        fixture.given(uploaded(), secondVersion())
                .when(new RestoreResource(ASSET, CLOUD, "v2", V2, T0.plusSeconds(20), T0))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(null)
                .expectNoEvents();
    }

    @Test
    void aTrashedAssetPastItsRetentionIsNotRestored() {
        fixture.given(uploaded(), trashed(List.of("v1")))
                .when(new RestoreResource(ASSET, CLOUD, "v1", V1, DELETED.plusSeconds(100), DELETED.plusSeconds(1)))
                .expectException(RestoreRefusedException.class)
                .expectExceptionMessage("The backup of a/b is gone: its trash retention has passed (deleted 2026-11-24T10:01:00Z)")
                .expectNoEvents();
    }

    @Test
    void anAssetDeletedWithItsBytesIsNotRestored() {
        fixture.given(uploaded(), new ResourceDeleted(ID, "demo", "image", "upload", "a/b", List.of("v1"), false, DELETED))
                .when(new RestoreResource(ASSET, CLOUD, "v1", V1, DELETED.plusSeconds(1), T0))
                .expectException(RestoreRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void aVersionOfAnotherAssetIsNotRestored() {
        fixture.given(uploaded())
                .when(new RestoreResource(ASSET, CLOUD, "v9", V1, T0.plusSeconds(1), T0))
                .expectException(RestoreRefusedException.class)
                .expectExceptionMessage("No backup found for version v9 of a/b")
                .expectNoEvents();
    }

    @Test
    void aPurgedVersionIsNotRestored() {
        fixture.given(uploaded(), secondVersion(),
                        new ResourceVersionsPurged(ID, "demo", "image", "upload", "a/b", List.of("v1"), 100, false))
                .when(new RestoreResource(ASSET, CLOUD, "v1", V1, T0.plusSeconds(30), T0))
                .expectException(RestoreRefusedException.class)
                .expectExceptionMessage("The backup of version v1 of a/b was deleted")
                .expectNoEvents();
    }

    @Test
    void anotherCloudsAssetIsNotFoundForARestore() {
        fixture.given(uploaded(), trashed(List.of("v1")))
                .when(new RestoreResource(ASSET, CloudName.of("other"), "v1", V1, DELETED.plusSeconds(1), T0))
                .expectException(ResourceNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void purgingNamedVersionsRemovesOnlyTheOldOnesAndSaysWhyNotTheOthers() {
        Map<String, PurgeOutcome> outcomes = new LinkedHashMap<>();
        outcomes.put("v1", PurgeOutcome.PURGED);
        outcomes.put("v2", PurgeOutcome.CURRENT);
        outcomes.put("v9", PurgeOutcome.UNKNOWN);
        fixture.given(uploaded(), secondVersion())
                .when(new PurgeVersions(ASSET, CLOUD, List.of("v1", "v2", "v9"), false))
                .expectResultMessagePayload(outcomes)
                .expectEvents(new ResourceVersionsPurged(ID, "demo", "image", "upload", "a/b", List.of("v1"), 100, false));
    }

    @Test
    void anExpiredTrashedAssetLosesEveryKeptVersion() {
        fixture.given(uploaded(), secondVersion(), trashed(List.of("v1", "v2")))
                .when(new PurgeVersions(ASSET, CLOUD, null, true))
                .expectEvents(new ResourceVersionsPurged(ID, "demo", "image", "upload", "a/b", List.of("v1", "v2"), 350, true));
    }

    @Test
    void anExpiryOfAnAssetRestoredMeanwhileRecordsNothing() {
        fixture.given(uploaded(), trashed(List.of("v1")), restored("v1", V1, DELETED.plusSeconds(5), true))
                .when(new PurgeVersions(ASSET, CLOUD, null, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRestoredAssetIsLiveAgainForOtherChanges() {
        fixture.given(uploaded(), trashed(List.of("v1")), restored("v1", V1, DELETED.plusSeconds(5), true))
                .when(new ChangeTags(ASSET, CLOUD, TagOperation.ADD, List.of("blue")))
                .expectEvents(new ResourceTagsChanged(ID, "demo", "image", "upload", "a/b", List.of("red", "blue"),
                        List.of("blue"), List.of()));
    }
}
