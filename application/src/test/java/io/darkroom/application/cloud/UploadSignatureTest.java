package io.darkroom.application.cloud;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UploadSignatureTest {
    @Test
    void matches_cloudinarys_published_test_vector() {
        Map<String, List<String>> params = Map.of("public_id", List.of("sample_image"), "timestamp", List.of("1315060510"));
        assertThat(UploadSignature.sign(params, "abcd", "SHA-1")).isEqualTo("b4ad47fb4e25c7bf5f92a20089f9db59bc302313");
        assertThat(UploadSignature.verify(params, "abcd", "b4ad47fb4e25c7bf5f92a20089f9db59bc302313")).isTrue();
        assertThat(UploadSignature.verify(params, "abcd", "B4AD47FB4E25C7BF5F92A20089F9DB59BC302313")).isTrue();
        assertThat(UploadSignature.verify(params, "abce", "b4ad47fb4e25c7bf5f92a20089f9db59bc302313")).isFalse();
    }

    @Test
    void ignores_unsigned_and_empty_parameters_and_joins_lists() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("timestamp", List.of("1"));
        params.put("tags[]", List.of("a", "b"));
        params.put("file", List.of("data:..."));
        params.put("api_key", List.of("k"));
        params.put("resource_type", List.of("image"));
        params.put("cloud_name", List.of("c"));
        params.put("signature", List.of("s"));
        params.put("folder", List.of(""));
        assertThat(UploadSignature.stringToSign(params, true)).isEqualTo("tags=a,b&timestamp=1");
    }

    @Test
    void accepts_sha256_and_both_ampersand_conventions() {
        Map<String, List<String>> params = Map.of("context", List.of("a=1&2"), "timestamp", List.of("5"));
        String escaped = UploadSignature.digest("SHA-256", "context=a=1%262&timestamp=5secret");
        String raw = UploadSignature.digest("SHA-256", "context=a=1&2&timestamp=5secret");
        assertThat(UploadSignature.verify(params, "secret", escaped)).isTrue();
        assertThat(UploadSignature.verify(params, "secret", raw)).isTrue();
        assertThat(UploadSignature.verify(params, "secret", "abc")).isFalse();
        assertThat(UploadSignature.verify(params, "secret", null)).isFalse();
    }

    @Test
    void the_upload_widgets_source_may_be_signed_or_added_after_signing() {
        Map<String, List<String>> params = Map.of("public_id", List.of("sample_image"), "timestamp", List.of("1315060510"),
                "source", List.of("uw"));
        String withoutSource = "b4ad47fb4e25c7bf5f92a20089f9db59bc302313";
        String withSource = UploadSignature.digest("SHA-1", "public_id=sample_image&source=uw&timestamp=1315060510abcd");
        assertThat(UploadSignature.verify(params, "abcd", withoutSource)).isTrue();
        assertThat(UploadSignature.verify(params, "abcd", withSource)).isTrue();
        assertThat(UploadSignature.verify(Map.of("public_id", List.of("other"), "timestamp", List.of("1315060510"),
                "source", List.of("uw")), "abcd", withoutSource)).isFalse();
    }
}
