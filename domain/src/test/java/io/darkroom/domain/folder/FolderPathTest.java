package io.darkroom.domain.folder;

import io.darkroom.domain.cloud.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FolderPathTest {
    @Test
    void surroundingSlashesAndBlanksDoNotCount() {
        assertThat(FolderPath.of(" /shop/shoes/ ").value()).isEqualTo("shop/shoes");
    }

    @Test
    void nothingIsTheRoot() {
        assertThat(FolderPath.of(null).isRoot()).isTrue();
        assertThat(FolderPath.of("/").isRoot()).isTrue();
    }

    @Test
    void aParentSegmentIsRefused() {
        assertThatThrownBy(() -> FolderPath.of("shop/../secrets")).isInstanceOf(InvalidValueException.class)
                .hasMessage("Folder path has an empty, dot or padded segment: shop/../secrets");
    }

    @Test
    void anEmptySegmentIsRefused() {
        assertThatThrownBy(() -> FolderPath.of("shop//shoes")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void charactersCloudinaryRefusesAreRefusedByName() {
        assertThatThrownBy(() -> FolderPath.of("a+b")).hasMessage("Folder path contains a character that is not allowed (+): a+b");
        assertThatThrownBy(() -> FolderPath.of("a\nb")).hasMessageContaining("(\\u000a)");
    }

    @Test
    void aPathLongerThan255CharactersIsRefused() {
        assertThatThrownBy(() -> FolderPath.of("a".repeat(256))).hasMessageStartingWith("Folder path is longer than 255");
    }

    @Test
    void theParentOfATopFolderIsTheRoot() {
        assertThat(FolderPath.of("shop").parent()).contains(FolderPath.ROOT);
        assertThat(FolderPath.of("shop/shoes").parent()).contains(FolderPath.of("shop"));
        assertThat(FolderPath.ROOT.parent()).isEmpty();
    }

    @Test
    void aFolderContainsItselfAndWhatIsBelowButNotANameThatStartsAlike() {
        FolderPath shop = FolderPath.of("shop");
        assertThat(shop.contains(FolderPath.of("shop"))).isTrue();
        assertThat(shop.contains(FolderPath.of("shop/shoes"))).isTrue();
        assertThat(shop.contains(FolderPath.of("shopping"))).isFalse();
    }

    @Test
    void movingAFolderRenamesWhatIsInsideIt() {
        assertThat(FolderPath.of("shop").movedTo(FolderPath.of("archive/2026"), FolderPath.of("shop/shoes/red")))
                .isEqualTo(FolderPath.of("archive/2026/shoes/red"));
        assertThat(FolderPath.of("shop").movedTo(FolderPath.ROOT, FolderPath.of("shop/shoes")))
                .isEqualTo(FolderPath.of("shoes"));
    }
}
