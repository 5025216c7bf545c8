package io.darkroom.api;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.UUID;

/**
 * The whole HTTP test suite on object storage: with {@code -Ddarkroom.test.blob-store=s3} every Spring context of the
 * tests stores its bytes in one bucket of one S3Proxy (started once per test JVM), each under a key prefix of its own.
 */
public final class TestBucket {
    public static final String BUCKET = "darkroom-tests";
    private static S3Proxy proxy;

    private TestBucket() {
    }

    public static boolean wanted() {
        return "s3".equals(System.getProperty("darkroom.test.blob-store"));
    }

    /** Points a context's blob store at {@code proxy}'s {@code bucket}, under a fresh prefix. */
    public static void register(DynamicPropertyRegistry registry, S3Proxy proxy, String bucket) {
        // the AWS SDK's provider chain reads these first: the way an operator's AWS_ACCESS_KEY_ID would arrive
        System.setProperty("aws.accessKeyId", S3Proxy.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3Proxy.SECRET_KEY);
        registry.add("darkroom.blob.store", () -> "s3");
        registry.add("darkroom.blob.s3.bucket", () -> bucket);
        registry.add("darkroom.blob.s3.endpoint", proxy::endpoint);
        registry.add("darkroom.blob.s3.prefix", () -> "ctx-" + UUID.randomUUID());
    }

    /** The suite's shared server and bucket. */
    public static void register(DynamicPropertyRegistry registry) throws Exception {
        register(registry, shared(), BUCKET);
    }

    /** The suite's server (started on first use), whose bucket {@link #BUCKET} every context shares. */
    public static synchronized S3Proxy shared() throws Exception {
        if (proxy == null) {
            proxy = S3Proxy.start();
            proxy.createBucket(BUCKET);
            S3Proxy started = proxy;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.stop();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return proxy;
    }
}
