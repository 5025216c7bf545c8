package io.darkroom.ops.reliability;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bucket of the object-store scenarios: an S3Proxy process the suite starts (and can stop and start again on the same
 * port and data, an outage), or an S3-compatible server already running (Ceph RGW: {@code --s3-endpoint}). Each Darkroom
 * gets the bucket through the settings an operator would set, under a key prefix of its own.
 */
public final class ObjectStore implements AutoCloseable {
    private final String endpoint;
    private final String bucket;
    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final Path proxyJar;
    private final Path proxyDir;
    private Process proxy;

    private ObjectStore(String endpoint, String bucket, String accessKey, String secretKey, String region, Path proxyJar, Path proxyDir) {
        this.endpoint = endpoint;
        this.bucket = bucket;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        this.proxyJar = proxyJar;
        this.proxyDir = proxyDir;
    }

    /** A new S3Proxy (filesystem storage under {@code dir}) with one bucket. */
    public static ObjectStore s3proxy(Path jar, Path dir) throws Exception {
        ObjectStore store = new ObjectStore("http://127.0.0.1:" + DarkroomProcess.freePort(), "darkroom", "s3-access",
                "s3-secret-" + Long.toHexString(System.nanoTime()), "us-east-1", jar, Files.createDirectories(dir));
        store.start();
        store.createBucket();
        return store;
    }

    /** A running server; the bucket is made when missing. */
    public static ObjectStore external(String endpoint, String bucket, String accessKey, String secretKey, String region) {
        ObjectStore store = new ObjectStore(endpoint, bucket, accessKey, secretKey, region, null, null);
        store.createBucket();
        return store;
    }

    public String endpoint() {
        return endpoint;
    }

    /** The environment that puts a Darkroom's blobs in this bucket under {@code prefix}. */
    public Map<String, String> environment(String prefix) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DARKROOM_BLOB_STORE", "s3");
        environment.put("DARKROOM_BLOB_S3_BUCKET", bucket);
        environment.put("DARKROOM_BLOB_S3_ENDPOINT", endpoint);
        environment.put("DARKROOM_BLOB_S3_REGION", region);
        environment.put("DARKROOM_BLOB_S3_PREFIX", prefix);
        environment.put("AWS_ACCESS_KEY_ID", accessKey);
        environment.put("AWS_SECRET_ACCESS_KEY", secretKey);
        return environment;
    }

    /** The S3Proxy process's pid (-1 for a server not started here). */
    public long pid() {
        return proxy == null ? -1 : proxy.pid();
    }

    /** Objects whose keys start with {@code prefix}. */
    public long count(String prefix) {
        try (S3Client s3 = client()) {
            return s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix)).contents().stream().count();
        }
    }

    /** Starts the S3Proxy process (again) and waits until it listens. */
    public void start() throws Exception {
        Path conf = proxyDir.resolve("s3proxy.conf");
        Files.createDirectories(proxyDir.resolve("data"));
        Files.writeString(conf, String.join("\n", "s3proxy.endpoint=" + endpoint, "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + accessKey, "s3proxy.credential=" + secretKey, "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + proxyDir.resolve("data").toAbsolutePath()) + "\n");
        proxy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                proxyJar.toAbsolutePath().toString(), "--properties", conf.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(proxyDir.resolve("s3proxy.log").toFile())).start();
        URI uri = URI.create(endpoint);
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try (Socket ignored = new Socket(uri.getHost(), uri.getPort())) {
                return;
            } catch (IOException notYet) {
                if (System.currentTimeMillis() > deadline || !proxy.isAlive()) {
                    throw new IllegalStateException("S3Proxy did not start; see " + proxyDir.resolve("s3proxy.log"));
                }
                Thread.sleep(100);
            }
        }
    }

    /** Stops the S3Proxy process with SIGKILL: an outage, not a goodbye. */
    public void stop() throws InterruptedException {
        if (proxy != null && proxy.isAlive()) {
            proxy.destroyForcibly();
            proxy.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void createBucket() {
        try (S3Client s3 = client()) {
            s3.createBucket(create -> create.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException exists) {
            // made by an earlier run
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() != 409) {
                throw e;
            }
        }
    }

    /** The object's bytes, read as a plain GET (a benchmark's reference). */
    public byte[] read(String key) {
        return reader().getObjectAsBytes(get -> get.bucket(bucket).key(key)).asByteArray();
    }

    private S3Client reader;

    private synchronized S3Client reader() {
        if (reader == null) {
            reader = client();
        }
        return reader;
    }

    private S3Client client() {
        return S3Client.builder().region(Region.of(region)).endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey))).build();
    }

    @Override
    public void close() throws InterruptedException {
        if (reader != null) {
            reader.close();
        }
        stop();
    }
}
