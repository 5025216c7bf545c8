package io.darkroom.ops.reliability;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short form of the reliability suite that CI runs: 3 kill -9 rounds on the file store, both database
 * outages and an object-store outage, 10,000 fuzz requests, the authentication matrix and two nodes (sharing a directory,
 * and with directories of their own and one bucket of S3Proxy), against the jar the api module just built
 * (this module builds after it). The full run is documented in docs/operations.md ("Reliability").
 */
class ReliabilitySuiteTest {

    @Test
    void survives_crashes_outages_hostile_input_and_wrong_credentials() throws Exception {
        Path jar = Path.of("../api/target/darkroom.jar").toAbsolutePath().normalize();
        assertThat(jar).as("build the api module first (./mvnw verify builds it before ops)").exists();
        Path workDir = Files.createDirectories(Path.of("target/reliability")).toAbsolutePath();

        ReliabilitySuite.Report report = ReliabilitySuite.run(ReliabilitySuite.SuiteOptions.parse(new String[]{
                "--jar", jar.toString(), "--work-dir", workDir.toString(), "--crash-rounds", "3", "--fuzz-requests", "10000",
                // the kill -9 rounds on a bucket belong to the full run (docs/operations.md): CI stays well under 15 minutes
                "--scenarios", "crash,outage,fuzz,twonode,auth,twonode-s3,outage-s3",
                "--s3proxy-jar", Path.of("target/s3proxy/s3proxy.jar").toAbsolutePath().toString()}));
        System.out.println(report.table());

        assertThat(report.failures()).isEmpty();
        assertThat(report.rows()).containsEntry("crash rounds survived (kill -9)", "3 / 3")
                .containsEntry("acknowledged writes lost", "0")
                .containsEntry("fuzz answers with status 5xx", "0")
                .containsEntry("auth cases passed wrongly", "0")
                .containsEntry("address locked out after repeated failures", "yes")
                .containsEntry("secrets found in database or log", "0");
        assertThat(Long.parseLong(report.rows().get("acknowledged writes checked"))).isPositive();
        assertThat(Long.parseLong(report.rows().get("fuzz requests sent"))).isGreaterThan(9_000);
    }
}
