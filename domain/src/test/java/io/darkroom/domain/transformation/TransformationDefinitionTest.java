package io.darkroom.domain.transformation;

import io.darkroom.domain.cloud.InvalidValueException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransformationDefinitionTest {
    private static final String ID = TransformationId.of("demo", "small_fill");
    private FixtureConfiguration<TransformationDefinition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TransformationDefinition.class);
    }

    private static TransformationCreated created() {
        return new TransformationCreated(ID, "demo", "small_fill", true, "c_fill,h_100,w_150", false);
    }

    @Test
    void creatingANamedTransformationRecordsItsCanonicalDefinition() {
        fixture.givenNoPriorActivity()
                .when(new CreateTransformation(ID, "demo", "small_fill", true, Transformation.parse("w_150,h_100,c_fill"), false))
                .expectEvents(created());
    }

    @Test
    void creatingANameThatExistsIsRefused() {
        fixture.given(created())
                .when(new CreateTransformation(ID, "demo", "small_fill", true, Transformation.parse("w_1"), false))
                .expectException(TransformationExistsException.class).expectExceptionMessage("Transformation small_fill already exists");
    }

    @Test
    void aDeletedNameCanBeCreatedAgain() {
        fixture.given(created(), new TransformationDeleted(ID, "demo", "small_fill"))
                .when(new CreateTransformation(ID, "demo", "small_fill", true, Transformation.parse("w_10"), true))
                .expectEvents(new TransformationCreated(ID, "demo", "small_fill", true, "w_10", true));
    }

    @Test
    void allowingForStrictRecordsTheChange() {
        fixture.given(created())
                .when(new UpdateTransformation(ID, "demo", true, null))
                .expectEvents(new TransformationUpdated(ID, "demo", "small_fill", "c_fill,h_100,w_150", true));
    }

    @Test
    void allowingForStrictAgainRecordsNothing() {
        fixture.given(created(), new TransformationUpdated(ID, "demo", "small_fill", "c_fill,h_100,w_150", true))
                .when(new UpdateTransformation(ID, "demo", true, null))
                .expectNoEvents();
    }

    @Test
    void anUnsafeUpdateReplacesANamedDefinition() {
        fixture.given(created())
                .when(new UpdateTransformation(ID, "demo", null, Transformation.parse("w_103,c_scale")))
                .expectEvents(new TransformationUpdated(ID, "demo", "small_fill", "c_scale,w_103", false));
    }

    @Test
    void anUnsafeUpdateOfAnUnnamedTransformationIsRefused() {
        String unnamed = TransformationId.of("demo", "c_fill,w_10");
        fixture.given(new TransformationCreated(unnamed, "demo", "c_fill,w_10", false, "c_fill,w_10", false))
                .when(new UpdateTransformation(unnamed, "demo", null, Transformation.parse("w_5")))
                .expectException(InvalidValueException.class)
                .expectExceptionMessage("unsafe_update applies to named transformations only; c_fill,w_10 is unnamed");
    }

    @Test
    void aNamedTransformationCannotReferToItself() {
        fixture.givenNoPriorActivity()
                .when(new CreateTransformation(ID, "demo", "small_fill", true, Transformation.parse("t_small_fill"), false))
                .expectException(InvalidValueException.class).expectExceptionMessage("Transformation small_fill cannot refer to itself");
    }

    @Test
    void anUnnamedTransformationIsRegisteredOnItsFirstUse() {
        String unnamed = TransformationId.of("demo", "c_scale,w_33");
        fixture.givenNoPriorActivity()
                .when(new RegisterTransformation(unnamed, "demo", Transformation.parse("w_33,c_scale")))
                .expectEvents(new TransformationCreated(unnamed, "demo", "c_scale,w_33", false, "c_scale,w_33", false));
    }

    @Test
    void anUnnamedTransformationIsNotRegisteredAgain() {
        String unnamed = TransformationId.of("demo", "c_scale,w_33");
        fixture.given(new TransformationCreated(unnamed, "demo", "c_scale,w_33", false, "c_scale,w_33", false))
                .when(new RegisterTransformation(unnamed, "demo", Transformation.parse("c_scale,w_33")))
                .expectNoEvents();
    }

    @Test
    void anotherCloudCannotDeleteIt() {
        fixture.given(created()).when(new DeleteTransformation(ID, "other")).expectException(TransformationNotFoundException.class);
    }

    @Test
    void aDeletedTransformationIsNotFound() {
        fixture.given(created(), new TransformationDeleted(ID, "demo", "small_fill"))
                .when(new DeleteTransformation(ID, "demo")).expectException(TransformationNotFoundException.class);
    }
}
