package io.darkroom.domain.optimizer;

import io.darkroom.domain.cloud.InvalidValueException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;

/** The rules of a cloud's Media Optimizer setup, one per test: each member's own, then those that span the members. */
class OptimizerSetupTest {
    private static final String SETUP = OptimizerSetup.idOf("demo");
    private static final String DOMAIN = "d0000000000000000000000000000000";
    private static final String MO = BuiltInMappingFunction.MEDIA_OPTIMIZER.id();
    private FixtureConfiguration<OptimizerSetup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OptimizerSetup.class);
    }

    private static MediaSourceCreated web(String id) {
        return new MediaSourceCreated("demo", id, "site", "web", Map.of("web_uri_base", "https://a.example"));
    }

    private static MappingFunctionCreated function(String id) {
        return new MappingFunctionCreated("demo", id, "f", "function map(){}");
    }

    private static DeliveryProfileCreated profile(String id, String prefix) {
        return new DeliveryProfileCreated("demo", id, "p", DOMAIN, prefix, MO, null, List.of("s1"), false);
    }

    private static DeliveryProfileUpdated enabled(String id, String prefix) {
        return new DeliveryProfileUpdated("demo", id, "p", DOMAIN, prefix, MO, null, List.of("s1"), true);
    }

    private static UpdateDeliveryProfile enable(String id, String prefix) {
        return new UpdateDeliveryProfile(SETUP, "demo", id, null, null, prefix, null, null, null, true);
    }

    @Nested
    class MediaSources {
        @Test
        void aMediaSourceIsCreatedWithAConfigCompleteForItsType() {
            fixture.givenNoPriorActivity()
                    .when(new CreateMediaSource(SETUP, "demo", "s1", "site", UriType.WEB, Map.of("web_uri_base", "https://a.example")))
                    .expectEvents(web("s1"));
        }

        @Test
        void aConfigMissingAFieldItsTypeRequiresIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateMediaSource(SETUP, "demo", "s1", "bucket", UriType.S3, Map.of("s3_bucket_name", "b")))
                    .expectException(InvalidValueException.class).expectExceptionMessage(containsString("s3_access_key"));
        }

        @Test
        void aNewConfigReplacesTheWholeConfigSoItMustBeComplete() {
            fixture.given(web("s1"))
                    .when(new UpdateMediaSource(SETUP, "demo", "s1", null, null, Map.of("web_headers", Map.of())))
                    .expectException(InvalidValueException.class).expectExceptionMessage(containsString("web_uri_base"));
        }

        @Test
        void anUpdateKeepsWhatItDoesNotName() {
            fixture.given(web("s1"))
                    .when(new UpdateMediaSource(SETUP, "demo", "s1", "renamed", null, null))
                    .expectEvents(new MediaSourceUpdated("demo", "s1", "renamed", "web", Map.of("web_uri_base", "https://a.example")));
        }

        @Test
        void anUpdateThatChangesNothingRecordsNothing() {
            fixture.given(web("s1"))
                    .when(new UpdateMediaSource(SETUP, "demo", "s1", "site", null, null))
                    .expectNoEvents();
        }

        @Test
        void anUnknownMediaSourceIsNotFound() {
            fixture.given(web("s1"))
                    .when(new UpdateMediaSource(SETUP, "demo", "s2", "renamed", null, null))
                    .expectException(OptimizerNotFoundException.class).expectExceptionMessage("Media source s2 not found");
        }

        @Test
        void aMediaSourceAProfileUsesCannotBeDeleted() {
            fixture.given(web("s1"), profile("p1", null))
                    .when(new DeleteMediaSource(SETUP, "demo", "s1"))
                    .expectException(OptimizerConflictException.class)
                    .expectExceptionMessage("Media source s1 is used by delivery profile p1 (p)");
        }

        @Test
        void aMediaSourceNoProfileUsesAnyMoreIsDeleted() {
            fixture.given(web("s1"), profile("p1", null), new DeliveryProfileDeleted("demo", "p1", "p"))
                    .when(new DeleteMediaSource(SETUP, "demo", "s1"))
                    .expectEvents(new MediaSourceDeleted("demo", "s1", "site"));
        }
    }

    @Nested
    class MappingFunctions {
        @Test
        void aFunctionNeedsCode() {
            fixture.givenNoPriorActivity()
                    .when(new CreateMappingFunction(SETUP, "demo", "f1", "f", " "))
                    .expectException(InvalidValueException.class).expectExceptionMessage("Missing required parameter - code");
        }

        @Test
        void aFunctionsCodeIsChanged() {
            fixture.given(function("f1"))
                    .when(new UpdateMappingFunction(SETUP, "demo", "f1", null, "function map(){ return {}; }"))
                    .expectEvents(new MappingFunctionUpdated("demo", "f1", "f", "function map(){ return {}; }"));
        }

        @Test
        void aBuiltInFunctionIsReadOnly() {
            fixture.given(web("s1"))
                    .when(new UpdateMappingFunction(SETUP, "demo", MO, "mine", null))
                    .expectException(ReadOnlyMappingFunctionException.class).expectExceptionMessage(containsString("is built in"));
        }

        @Test
        void aBuiltInFunctionCannotBeDeleted() {
            fixture.given(web("s1"))
                    .when(new DeleteMappingFunction(SETUP, "demo", MO))
                    .expectException(ReadOnlyMappingFunctionException.class);
        }

        @Test
        void aFunctionAProfileRunsCannotBeDeleted() {
            fixture.given(web("s1"), function("f1"), new DeliveryProfileCreated("demo", "p1", "p", DOMAIN, null, "f1", null, List.of("s1"), false))
                    .when(new DeleteMappingFunction(SETUP, "demo", "f1"))
                    .expectException(OptimizerConflictException.class)
                    .expectExceptionMessage("Mapping function f1 is used by delivery profile p1 (p)");
        }
    }

    @Nested
    class DeliveryProfiles {
        @Test
        void aProfileStartsDisabledWithItsPrefixTrimmedOfSlashes() {
            fixture.given(web("s1"))
                    .when(new CreateDeliveryProfile(SETUP, "demo", "p1", "p", DOMAIN, "/images/", MO, "", List.of("s1")))
                    .expectEvents(profile("p1", "images"));
        }

        @Test
        void aProfileNamesAFunctionThatExists() {
            fixture.given(web("s1"))
                    .when(new CreateDeliveryProfile(SETUP, "demo", "p1", "p", DOMAIN, null, "f-missing", null, List.of("s1")))
                    .expectException(OptimizerNotFoundException.class).expectExceptionMessage("Mapping function f-missing not found");
        }

        @Test
        void aProfileNamesMediaSourcesThatExist() {
            fixture.given(web("s1"))
                    .when(new CreateDeliveryProfile(SETUP, "demo", "p1", "p", DOMAIN, null, MO, null, List.of("s2")))
                    .expectException(OptimizerNotFoundException.class).expectExceptionMessage("Media source s2 not found");
        }

        @Test
        void aProfileNamesAtLeastOneMediaSource() {
            fixture.given(web("s1"))
                    .when(new CreateDeliveryProfile(SETUP, "demo", "p1", "p", DOMAIN, null, MO, null, List.of()))
                    .expectException(InvalidValueException.class).expectExceptionMessage("Missing required parameter - media_source_ids");
        }

        @Test
        void twoEnabledProfilesNeverClaimOneDomainAndPrefix() {
            fixture.given(web("s1"), profile("p1", "images"), enabled("p1", "images"), profile("p2", "images"))
                    .when(enable("p2", null))
                    .expectException(OptimizerConflictException.class)
                    .expectExceptionMessage("Delivery profile p1 (p) already serves this domain and path prefix images");
        }

        @Test
        void anotherPrefixOnTheSameDomainMayBeEnabled() {
            fixture.given(web("s1"), profile("p1", "images"), enabled("p1", "images"), profile("p2", "images"))
                    .when(enable("p2", "videos"))
                    .expectEvents(enabled("p2", "videos"));
        }

        @Test
        void aProfileIsDeleted() {
            fixture.given(web("s1"), profile("p1", null))
                    .when(new DeleteDeliveryProfile(SETUP, "demo", "p1"))
                    .expectEvents(new DeliveryProfileDeleted("demo", "p1", "p"));
        }

        @Test
        void anUnknownProfileIsNotFound() {
            fixture.given(web("s1"))
                    .when(new DeleteDeliveryProfile(SETUP, "demo", "p9"))
                    .expectException(OptimizerNotFoundException.class).expectExceptionMessage("Delivery profile p9 not found");
        }
    }
}
