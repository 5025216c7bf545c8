package io.darkroom.api.blob;

import io.darkroom.api.S3Proxy;
import io.darkroom.application.blob.BlobStore;
import io.darkroom.application.blob.ShortInputException;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.infrastructure.blob.FileSystemBlobStore;
import io.darkroom.infrastructure.blob.S3BlobStore;
import io.darkroom.infrastructure.blob.S3Clients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules every blob store keeps, checked on both: a directory and a bucket of a real S3-compatible server (S3Proxy),
 * under a key prefix that another store in the same bucket does not see.
 */
class BlobStoreContractTest {
    private static S3Proxy s3proxy;

    @BeforeAll
    static void startS3() throws Exception {
        s3proxy = S3Proxy.start();
        s3proxy.createBucket("contract");
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3proxy.stop();
    }

    static List<BlobStore> stores() throws Exception {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Proxy.ACCESS_KEY, S3Proxy.SECRET_KEY));
        var client = S3Clients.blobClient(URI.create(s3proxy.endpoint()), null, true, Duration.ofSeconds(10), credentials);
        return List.of(new FileSystemBlobStore(Files.createTempDirectory(Path.of("target"), "blobs-")),
                new S3BlobStore(client, "contract", "install-" + System.nanoTime(), Executors.newFixedThreadPool(4)));
    }

    private static byte[] random(int length, int seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] read(BlobStore store, String key) throws Exception {
        try (InputStream in = store.open(key).orElseThrow()) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void a_stored_file_is_read_back_whole_and_the_staged_file_is_gone(BlobStore store) throws Exception {
        byte[] bytes = random(300_000, 1);
        Path staged = Files.write(Files.createTempFile(Path.of("target"), "staged-", ".bin"), bytes);

        store.store("c/ab/abcdef", staged);

        assertThat(read(store, "c/ab/abcdef")).isEqualTo(bytes);
        assertThat(staged).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void a_file_above_the_multipart_threshold_is_read_back_whole(BlobStore store) throws Exception {
        byte[] bytes = random(70 * 1024 * 1024 + 123, 2);
        Path staged = Files.write(Files.createTempFile(Path.of("target"), "large-", ".bin"), bytes);

        store.store("c/la/large", staged);

        assertThat(read(store, "c/la/large")).isEqualTo(bytes);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void a_stream_is_stored_with_exactly_its_length_and_the_rest_left_unread(BlobStore store) throws Exception {
        byte[] bytes = random(10_000, 3);
        InputStream in = new ByteArrayInputStream(bytes);

        store.store("parts/c/x/0000000000000", in, 6_000);

        assertThat(read(store, "parts/c/x/0000000000000")).isEqualTo(java.util.Arrays.copyOf(bytes, 6_000));
        assertThat(in.available()).isEqualTo(4_000);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void a_short_stream_stores_nothing_and_says_how_much_came(BlobStore store) throws Exception {
        assertThatThrownBy(() -> store.store("parts/c/y/0000000000000", new ByteArrayInputStream(random(1_000, 4)), 5_000))
                .isInstanceOf(ShortInputException.class).satisfies(e -> assertThat(((ShortInputException) e).received()).isEqualTo(1_000));

        assertThat(store.open("parts/c/y/0000000000000")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void a_range_reads_only_its_bytes(BlobStore store) throws Exception {
        byte[] bytes = random(100_000, 5);
        store.store("c/ra/range", new ByteArrayInputStream(bytes), bytes.length);

        try (InputStream in = store.open("c/ra/range", 1_000, 1_999).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 1_000, 2_000));
        }
        assertThat(store.open("c/ra/none", 0, 9)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void a_missing_key_opens_empty_and_deletes_quietly(BlobStore store) throws Exception {
        assertThat(store.open("c/no/nothing")).isEmpty();
        store.delete("c/no/nothing");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void more_than_a_thousand_keys_are_deleted_at_once_and_listing_shows_what_is_left(BlobStore store) throws Exception {
        List<String> keys = IntStream.range(0, 1_001).mapToObj(i -> "many/k" + i).toList();
        for (String key : keys) {
            store.store(key, new ByteArrayInputStream(new byte[] {1, 2}), 2);
        }
        store.store("kept/one", new ByteArrayInputStream(new byte[] {7}), 1);

        store.deleteAll(keys);

        List<BlobStore.StoredBlob> listed = new ArrayList<>();
        store.list("", listed::add);
        assertThat(listed).containsExactly(new BlobStore.StoredBlob("kept/one", 1));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void a_composed_blob_is_its_parts_in_order_where_the_store_composes(BlobStore store) throws Exception {
        byte[] first = random(5 * 1024 * 1024, 6);
        byte[] last = random(1234, 7);
        store.store("parts/c/z/0", new ByteArrayInputStream(first), first.length);
        store.store("parts/c/z/1", new ByteArrayInputStream(last), last.length);

        boolean composed = store.compose("c/co/composed", List.of(new BlobStore.StoredBlob("parts/c/z/0", first.length),
                new BlobStore.StoredBlob("parts/c/z/1", last.length)));

        assertThat(composed).isEqualTo(store instanceof S3BlobStore);
        if (composed) {
            byte[] whole = new byte[first.length + last.length];
            System.arraycopy(first, 0, whole, 0, first.length);
            System.arraycopy(last, 0, whole, first.length, last.length);
            assertThat(read(store, "c/co/composed")).isEqualTo(whole);
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void many_parts_are_composed_in_order(BlobStore store) throws Exception {
        java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
        List<BlobStore.StoredBlob> parts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] part = random(5 * 1024 * 1024 + i, 20 + i);
            store.store("parts/c/m/" + i, new ByteArrayInputStream(part), part.length);
            parts.add(new BlobStore.StoredBlob("parts/c/m/" + i, part.length));
            whole.write(part);
        }

        if (store.compose("c/co/many", parts)) {
            assertThat(read(store, "c/co/many")).isEqualTo(whole.toByteArray());
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void parts_under_five_mebibytes_but_the_last_are_not_composed(BlobStore store) throws Exception {
        store.store("parts/c/s/0", new ByteArrayInputStream(random(5_000_000, 8)), 5_000_000);
        store.store("parts/c/s/1", new ByteArrayInputStream(random(10, 9)), 10);

        assertThat(store.compose("c/co/small", List.of(new BlobStore.StoredBlob("parts/c/s/0", 5_000_000),
                new BlobStore.StoredBlob("parts/c/s/1", 10)))).isFalse();
        assertThat(store.open("c/co/small")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void a_healthy_store_passes_its_check(BlobStore store) throws Exception {
        store.check();
    }

    @org.junit.jupiter.api.Test
    void a_bucket_that_cannot_be_reached_is_unavailable_not_an_internal_error() throws Exception {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Proxy.ACCESS_KEY, S3Proxy.SECRET_KEY));
        var client = S3Clients.blobClient(URI.create("http://127.0.0.1:9"), null, true, Duration.ofSeconds(2), credentials);
        BlobStore store = new S3BlobStore(client, "contract", "", Executors.newSingleThreadExecutor());

        assertThatThrownBy(() -> store.open("c/ab/abc")).isInstanceOf(DarkroomException.class)
                .hasMessage("The blob store is unavailable; try again shortly")
                .satisfies(e -> assertThat(((DarkroomException) e).kind()).isEqualTo(DarkroomException.Kind.UNAVAILABLE));
        assertThatThrownBy(store::check).isInstanceOf(DarkroomException.class);
    }
}
