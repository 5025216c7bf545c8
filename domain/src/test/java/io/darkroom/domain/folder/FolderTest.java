package io.darkroom.domain.folder;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FolderTest {
    private static final FolderPath PATH = FolderPath.of("shop/shoes");
    private static final FolderPath TO = FolderPath.of("archive/shoes");
    private static final String ID = FolderId.of("demo", PATH);

    private AggregateTestFixture<Folder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Folder.class);
    }

    @Test
    void creatingAFolderNobodyMadeRecordsIt() {
        fixture.givenNoPriorActivity()
                .when(new CreateFolder("demo", PATH))
                .expectEvents(new FolderCreated(ID, "demo", "shop/shoes"));
    }

    @Test
    void creatingAFolderThatExistsRecordsNothing() {
        fixture.given(new FolderCreated(ID, "demo", "shop/shoes"))
                .when(new CreateFolder("demo", PATH))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFolderKnownOnlyThroughItsAssetsCanBeDeleted() {
        fixture.givenNoPriorActivity()
                .when(new DeleteFolder("demo", PATH))
                .expectEvents(new FolderDeleted(ID, "demo", "shop/shoes"));
    }

    @Test
    void aDeletedFolderCanBeMadeAgain() {
        fixture.given(new FolderCreated(ID, "demo", "shop/shoes"), new FolderDeleted(ID, "demo", "shop/shoes"))
                .when(new CreateFolder("demo", PATH))
                .expectEvents(new FolderCreated(ID, "demo", "shop/shoes"));
    }

    @Test
    void startingARenameRecordsWhereTheFolderGoes() {
        fixture.givenNoPriorActivity()
                .when(new StartFolderRename("demo", PATH, TO))
                .expectEvents(new FolderRenameStarted(ID, "demo", "shop/shoes", "archive/shoes"));
    }

    @Test
    void aSecondRenameWhileOneRunsIsRefused() {
        fixture.given(new FolderRenameStarted(ID, "demo", "shop/shoes", "archive/shoes"))
                .when(new StartFolderRename("demo", PATH, FolderPath.of("elsewhere")))
                .expectException(FolderRenameRunningException.class)
                .expectExceptionMessage("Folder shop/shoes is being renamed to archive/shoes; try again when that is done");
    }

    @Test
    void aFolderBeingRenamedCannotBeDeleted() {
        fixture.given(new FolderRenameStarted(ID, "demo", "shop/shoes", "archive/shoes"))
                .when(new DeleteFolder("demo", PATH))
                .expectException(FolderRenameRunningException.class);
    }

    @Test
    void finishingARenameRecordsTheFolderUnderItsNewPath() {
        fixture.given(new FolderRenameStarted(ID, "demo", "shop/shoes", "archive/shoes"))
                .when(new FinishFolderRename("demo", PATH))
                .expectEvents(new FolderRenamed(ID, "demo", "shop/shoes", "archive/shoes"));
    }

    @Test
    void finishingARenameTwiceRecordsItOnce() {
        fixture.given(new FolderRenameStarted(ID, "demo", "shop/shoes", "archive/shoes"),
                        new FolderRenamed(ID, "demo", "shop/shoes", "archive/shoes"))
                .when(new FinishFolderRename("demo", PATH))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFinishedRenameLetsTheOldPathBeRenamedAgain() {
        fixture.given(new FolderRenameStarted(ID, "demo", "shop/shoes", "archive/shoes"),
                        new FolderRenamed(ID, "demo", "shop/shoes", "archive/shoes"))
                .when(new StartFolderRename("demo", PATH, FolderPath.of("elsewhere")))
                .expectEvents(new FolderRenameStarted(ID, "demo", "shop/shoes", "elsewhere"));
    }
}
