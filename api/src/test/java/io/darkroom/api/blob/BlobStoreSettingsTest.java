package io.darkroom.api.blob;

import io.darkroom.api.DarkroomApplication;
import io.darkroom.api.S3Proxy;
import io.darkroom.application.blob.BlobStoreSettingsException;
import io.darkroom.infrastructure.postgres.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A bucket that refuses Darkroom stops the start with what to fix: wrong keys, a bucket that does not exist, no bucket named. */
class BlobStoreSettingsTest {
    private static S3Proxy s3proxy;
    private static EmbeddedPostgresServer database;

    @BeforeAll
    static void start() throws Exception {
        s3proxy = S3Proxy.start();
        s3proxy.createBucket("exists");
        database = EmbeddedPostgresServer.start(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "settings-pg-"));
    }

    @AfterAll
    static void stop() throws Exception {
        s3proxy.stop();
        database.close();
    }

    private static Throwable startWith(String accessKey, String secretKey, String bucket) throws Exception {
        String previousKey = System.getProperty("aws.accessKeyId");
        String previousSecret = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.accessKeyId", accessKey);
        System.setProperty("aws.secretAccessKey", secretKey);
        try {
            return catchThrowable(() -> new SpringApplicationBuilder(DarkroomApplication.class).properties(
                    "darkroom.data-dir=" + Files.createTempDirectory(Path.of("target").toAbsolutePath(), "settings-data-"),
                    "darkroom.master-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                    "spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=postgres",
                    "spring.datasource.password=unused", "darkroom.blob.store=s3", "darkroom.blob.s3.bucket=" + bucket,
                    "darkroom.blob.s3.endpoint=" + s3proxy.endpoint()).run("--server.port=0").close());
        } finally {
            restore("aws.accessKeyId", previousKey);
            restore("aws.secretAccessKey", previousSecret);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    private static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BlobStoreSettingsException settings) {
                return settings.getMessage();
            }
        }
        throw new AssertionError("not a settings failure", failure);
    }

    @Test
    void wrong_credentials_stop_the_start_naming_the_credentials_to_check() throws Exception {
        assertThat(reason(startWith(S3Proxy.ACCESS_KEY, "not-the-secret", "exists"))).isEqualTo("The S3 blob store at "
                + s3proxy.endpoint() + " refused Darkroom's credentials for bucket 'exists' (HTTP 403): check AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY (or the profile or role in use) and the bucket's policy");
    }

    @Test
    void a_bucket_that_does_not_exist_stops_the_start() throws Exception {
        assertThat(reason(startWith(S3Proxy.ACCESS_KEY, S3Proxy.SECRET_KEY, "no-such-bucket"))).isEqualTo("The S3 blob store at "
                + s3proxy.endpoint() + " has no bucket 'no-such-bucket': create it, or set DARKROOM_BLOB_S3_BUCKET to an existing one");
    }

    @Test
    void the_failure_report_says_what_to_fix_without_a_stack_trace() {
        var analysis = new BlobStoreFailureAnalyzer().analyze(new BlobStoreSettingsException("DARKROOM_BLOB_STORE=s3 needs DARKROOM_BLOB_S3_BUCKET"));
        assertThat(analysis.getDescription()).isEqualTo("DARKROOM_BLOB_STORE=s3 needs DARKROOM_BLOB_S3_BUCKET");
        assertThat(analysis.getAction()).contains("docs/configuration.md");
    }
}
