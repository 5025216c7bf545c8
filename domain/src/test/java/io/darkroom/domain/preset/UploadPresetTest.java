package io.darkroom.domain.preset;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

class UploadPresetTest {
    private static final String ID = UploadPresetId.of("demo", "avatars");
    private FixtureConfiguration<UploadPreset> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UploadPreset.class);
    }

    private static TreeMap<String, String> settings(String... pairs) {
        TreeMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static UploadPresetCreated created() {
        return new UploadPresetCreated(ID, "demo", "avatars", true, false, settings("folder", "avatars", "tags", "a,b"));
    }

    @Test
    void creatingAPresetRecordsItsSettings() {
        fixture.givenNoPriorActivity()
                .when(new CreateUploadPreset(ID, "demo", "avatars", true, false, Map.of("tags", "a,b", "folder", "avatars")))
                .expectEvents(created());
    }

    @Test
    void creatingANameThatExistsIsRefused() {
        fixture.given(created())
                .when(new CreateUploadPreset(ID, "demo", "avatars", false, false, Map.of()))
                .expectException(UploadPresetExistsException.class).expectExceptionMessage("Upload preset avatars already exists");
    }

    @Test
    void aDeletedNameCanBeCreatedAgain() {
        fixture.given(created(), new UploadPresetDeleted(ID, "demo", "avatars"))
                .when(new CreateUploadPreset(ID, "demo", "avatars", false, true, Map.of()))
                .expectEvents(new UploadPresetCreated(ID, "demo", "avatars", false, true, settings()));
    }

    @Test
    void anUpdateReplacesTheSettingsItNamesAndKeepsTheOthers() {
        fixture.given(created())
                .when(new UpdateUploadPreset(ID, "demo", null, true, Map.of("tags", "c", "colors", "true")))
                .expectEvents(new UploadPresetUpdated(ID, "demo", "avatars", true, true,
                        settings("colors", "true", "folder", "avatars", "tags", "c")));
    }

    @Test
    void anEmptyValueRemovesASetting() {
        fixture.given(created())
                .when(new UpdateUploadPreset(ID, "demo", false, null, Map.of("folder", "")))
                .expectEvents(new UploadPresetUpdated(ID, "demo", "avatars", false, false, settings("tags", "a,b")));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(created())
                .when(new UpdateUploadPreset(ID, "demo", true, false, Map.of("folder", "avatars")))
                .expectNoEvents();
    }

    @Test
    void anotherCloudCannotUpdateIt() {
        fixture.given(created())
                .when(new UpdateUploadPreset(ID, "other", true, null, Map.of()))
                .expectException(UploadPresetNotFoundException.class).expectExceptionMessage("Upload preset avatars not found");
    }

    @Test
    void aDeletedPresetCannotBeDeletedAgain() {
        fixture.given(created(), new UploadPresetDeleted(ID, "demo", "avatars"))
                .when(new DeleteUploadPreset(ID, "demo"))
                .expectException(UploadPresetNotFoundException.class);
    }

    @Test
    void deletingRecordsTheDeletion() {
        fixture.given(created())
                .when(new DeleteUploadPreset(ID, "demo"))
                .expectEvents(new UploadPresetDeleted(ID, "demo", "avatars"));
    }
}
