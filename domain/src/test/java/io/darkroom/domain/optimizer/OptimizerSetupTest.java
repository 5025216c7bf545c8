package io.darkroom.domain.optimizer;

import io.darkroom.domain.cloud.InvalidValueException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

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

    private static DeliveryProfileCreated profile(String id, String prefix) {
        return new DeliveryProfileCreated("demo", id, "p", DOMAIN, prefix, MO, null, List.of("s1"), false);
    }

    private static DeliveryProfileUpdated enabled(String id, String prefix) {
        return new DeliveryProfileUpdated("demo", id, "p", DOMAIN, prefix, MO, null, List.of("s1"), true);
    }

    @Test
    void aMediaSourceIsCreatedWithAConfigCompleteForItsType() {
        fixture.givenNoPriorActivity()
                .when(new CreateMediaSource(SETUP, "demo", "s1", "site", UriType.WEB, Map.of("web_uri_base", "https://a.example")))
                .expectEvents(web("s1"));
        fixture.givenNoPriorActivity()
                .when(new CreateMediaSource(SETUP, "demo", "s1", "bucket", UriType.S3, Map.of("s3_bucket_name", "b")))
                .expectException(InvalidValueException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("s3_access_key"));
    }

    @Test
    void anUpdateOfTheConfigMustBringEveryRequiredField() {
        fixture.given(web("s1"))
                .when(new UpdateMediaSource(SETUP, "demo", "s1", null, null, Map.of("web_headers", Map.of())))
                .expectException(InvalidValueException.class);
        fixture.given(web("s1"))
                .when(new UpdateMediaSource(SETUP, "demo", "s1", "renamed", null, null))
                .expectEvents(new MediaSourceUpdated("demo", "s1", "renamed", "web", Map.of("web_uri_base", "https://a.example")));
    }

    @Test
    void aProfileNamesSourcesAndAFunctionThatExistAndStartsDisabled() {
        fixture.given(web("s1"))
                .when(new CreateDeliveryProfile(SETUP, "demo", "p1", "p", DOMAIN, "/images/", MO, "", List.of("s1")))
                .expectEvents(profile("p1", "images"));
        fixture.given(web("s1"))
                .when(new CreateDeliveryProfile(SETUP, "demo", "p1", "p", DOMAIN, null, "f-missing", null, List.of("s1")))
                .expectException(OptimizerNotFoundException.class);
        fixture.given(web("s1"))
                .when(new CreateDeliveryProfile(SETUP, "demo", "p1", "p", DOMAIN, null, MO, null, List.of("s2")))
                .expectException(OptimizerNotFoundException.class);
    }

    @Test
    void twoEnabledProfilesNeverClaimOneDomainAndPrefix() {
        fixture.given(web("s1"), profile("p1", "images"), enabled("p1", "images"), profile("p2", "images"))
                .when(new UpdateDeliveryProfile(SETUP, "demo", "p2", null, null, null, null, null, null, true))
                .expectException(OptimizerConflictException.class);
        fixture.given(web("s1"), profile("p1", "images"), enabled("p1", "images"), profile("p2", "images"))
                .when(new UpdateDeliveryProfile(SETUP, "demo", "p2", null, null, "videos", null, null, null, true))
                .expectEvents(enabled("p2", "videos"));
    }

    @Test
    void whatAProfileUsesCannotBeDeletedAndBuiltInsAreReadOnly() {
        fixture.given(web("s1"), profile("p1", null))
                .when(new DeleteMediaSource(SETUP, "demo", "s1"))
                .expectException(OptimizerConflictException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("p1"));
        fixture.given(web("s1"), new MappingFunctionCreated("demo", "f1", "f", "function map(){}"),
                        new DeliveryProfileCreated("demo", "p1", "p", DOMAIN, null, "f1", null, List.of("s1"), false))
                .when(new DeleteMappingFunction(SETUP, "demo", "f1"))
                .expectException(OptimizerConflictException.class);
        fixture.given(web("s1"))
                .when(new DeleteMappingFunction(SETUP, "demo", MO))
                .expectException(ReadOnlyMappingFunctionException.class);
        fixture.given(web("s1"), profile("p1", null), new DeliveryProfileDeleted("demo", "p1", "p"))
                .when(new DeleteMediaSource(SETUP, "demo", "s1"))
                .expectEvents(new MediaSourceDeleted("demo", "s1", "site"));
    }
}
