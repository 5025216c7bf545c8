package io.darkroom.api.blob;

import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.DarkroomApplication;
import io.darkroom.api.S3Proxy;
import io.darkroom.api.TestImages;
import io.darkroom.infrastructure.postgres.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving an installation to object storage: {@code blobs verify} on a node with the file store finds nothing wrong, then
 * a blob the store lost and a stray file; {@code blobs copy --to s3} copies every blob (same keys, same sizes), a second
 * run copies nothing again; and a node with a data directory of its own, on the same database and the bucket, delivers
 * every asset byte-identical.
 */
class BlobsCommandTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "blobs-operator-token";
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private static ConfigurableApplicationContext node(EmbeddedPostgresServer database, Path dataDir, String... extra) {
        List<String> properties = new ArrayList<>(List.of("darkroom.data-dir=" + dataDir, "darkroom.master-key=" + MASTER_KEY,
                "darkroom.clouds[0].url=cloudinary://move-key:move-secret@move-cloud", "darkroom.operator-token=" + TOKEN,
                "spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=postgres",
                "spring.datasource.password=unused"));
        properties.addAll(List.of(extra));
        return new SpringApplicationBuilder(DarkroomApplication.class).properties(properties.toArray(String[]::new)).run("--server.port=0");
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static JsonNode verify(ConfigurableApplicationContext node) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base(node) + "/ops/blobs/verify"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static byte[] fetch(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String copy(Path blobs, S3Proxy s3) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setProperty("aws.accessKeyId", S3Proxy.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3Proxy.SECRET_KEY);
        System.setOut(new PrintStream(printed, true));
        try {
            int exit = BlobsCommand.run(new String[] {"blobs", "copy", "--to", "s3", "--from", blobs.toString(),
                    "--darkroom.blob.s3.bucket=moved", "--darkroom.blob.s3.endpoint=" + s3.endpoint()});
            assertThat(exit).as(printed.toString()).isZero();
        } finally {
            System.setOut(original);
        }
        return printed.toString();
    }

    private static Map<String, Long> filesUnder(Path root) throws Exception {
        Map<String, Long> files = new TreeMap<>();
        try (var walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.size(file));
            }
        }
        return files;
    }

    @Test
    void an_installation_is_verified_copied_to_a_bucket_and_served_from_it_by_a_node_with_its_own_data_directory() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "blobs-move-");
        try (EmbeddedPostgresServer database = EmbeddedPostgresServer.start(work.resolve("pg"));
             S3Proxy s3 = S3Proxy.start()) {
            s3.createBucket("moved");
            Map<String, String> delivered = new TreeMap<>();
            Path blobs = work.resolve("file-node").resolve("blobs");
            try (ConfigurableApplicationContext fileNode = node(database, work.resolve("file-node"))) {
                Cloudinary cloudinary = new Cloudinary("cloudinary://move-key:move-secret@move-cloud?upload_prefix=" + base(fileNode));
                for (int i = 0; i < 3; i++) {
                    cloudinary.uploader().upload(TestImages.jpeg(200 + i, 100, i), ObjectUtils.asMap("public_id", "move/" + i));
                }
                cloudinary.uploader().upload(TestImages.jpeg(260, 100, 9), ObjectUtils.asMap("public_id", "move/0", "overwrite", true));
                for (int i = 0; i < 3; i++) {
                    String url = base(fileNode) + "/move-cloud/image/upload/move/" + i + ".jpg";
                    delivered.put(url, sha256(fetch(url)));
                }
                String derived = base(fileNode) + "/move-cloud/image/upload/w_50/move/1.jpg";
                delivered.put(derived, sha256(fetch(derived)));

                JsonNode clean = verify(fileNode);
                assertThat(clean.path("stored").asLong()).as("4 versions and 1 derived file").isEqualTo(5);
                assertThat(clean.path("referenced").asLong()).isEqualTo(5);
                assertThat(clean.path("missing_count").asLong()).isZero();
                assertThat(clean.path("unreferenced_count").asLong()).isZero();

                Path stray = Files.writeString(blobs.resolve("move-cloud").resolve("stray.bin"), "nobody's");
                String lostKey = filesUnder(blobs).keySet().stream().filter(key -> !key.startsWith("derived") && !key.endsWith("stray.bin"))
                        .findFirst().orElseThrow();
                Path lost = blobs.resolve(lostKey);
                byte[] lostBytes = Files.readAllBytes(lost);
                Files.delete(lost);
                JsonNode broken = verify(fileNode);
                assertThat(broken.path("missing").toString()).isEqualTo("[\"" + lostKey + "\"]");
                assertThat(broken.path("unreferenced").toString()).isEqualTo("[\"move-cloud/stray.bin\"]");
                Files.delete(stray);
                Files.write(lost, lostBytes);
            }

            String first = copy(blobs, s3);
            assertThat(first).contains("5 copied").contains("0 already there").contains("0 failed");
            Map<String, Long> inBucket = new TreeMap<>();
            try (S3Client client = s3.client()) {
                for (S3Object object : client.listObjectsV2Paginator(list -> list.bucket("moved")).contents()) {
                    inBucket.put(object.key(), object.size());
                }
            }
            assertThat(inBucket).isEqualTo(filesUnder(blobs));
            assertThat(copy(blobs, s3)).as("a second run").contains("0 copied").contains("5 already there");

            try (ConfigurableApplicationContext bucketNode = node(database, work.resolve("bucket-node"), "darkroom.blob.store=s3",
                    "darkroom.blob.s3.bucket=moved", "darkroom.blob.s3.endpoint=" + s3.endpoint())) {
                for (Map.Entry<String, String> asset : delivered.entrySet()) {
                    String url = asset.getKey().replaceFirst("http://localhost:\\d+", base(bucketNode));
                    assertThat(sha256(fetch(url))).as(url).isEqualTo(asset.getValue());
                }
                assertThat(verify(bucketNode).path("missing_count").asLong()).isZero();
            }
        }
    }
}
