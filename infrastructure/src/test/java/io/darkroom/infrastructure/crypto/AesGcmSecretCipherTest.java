package io.darkroom.infrastructure.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmSecretCipherTest {
    @TempDir
    Path dir;

    @Test
    void encrypts_without_revealing_the_secret_and_decrypts_with_the_same_key_only() throws Exception {
        MasterKey key = MasterKey.load(null, dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("master.key")))).isEqualTo("rw-------");
        AesGcmSecretCipher cipher = new AesGcmSecretCipher(key);
        String stored = cipher.encrypt("my-api-secret");
        assertThat(stored).startsWith("v1:").doesNotContain("my-api-secret");
        assertThat(cipher.encrypt("my-api-secret")).isNotEqualTo(stored);
        assertThat(cipher.decrypt(stored)).isEqualTo("my-api-secret");
        assertThat(new AesGcmSecretCipher(MasterKey.load(null, dir)).decrypt(stored)).isEqualTo("my-api-secret");
        AesGcmSecretCipher other = new AesGcmSecretCipher(MasterKey.load(java.util.Base64.getEncoder().encodeToString(new byte[32]), dir));
        assertThatThrownBy(() -> other.decrypt(stored)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("my-api-secret");
    }
}
