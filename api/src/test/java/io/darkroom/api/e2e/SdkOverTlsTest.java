package io.darkroom.api.e2e;

import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.TestImages;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Darkroom serving HTTPS itself with Spring Boot's standard settings (a PKCS12 keystore made by
 * keytool here), and the official Java SDK uploading and listing over it, trusting only that certificate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "darkroom.data-dir=target/it-data-tls/${random.uuid}",
        "darkroom.cloudinary-url=cloudinary://tls-key:tls-secret@tls-cloud",
        "darkroom.auth.max-failures-per-minute=1000000"
})
class SdkOverTlsTest {
    private static final Path KEYSTORE = Path.of("target/tls/darkroom.p12").toAbsolutePath();
    private static final String PASSWORD = "changeit";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) throws Exception {
        Files.createDirectories(KEYSTORE.getParent());
        Files.deleteIfExists(KEYSTORE);
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "darkroom", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", KEYSTORE.toString(), "-storepass", PASSWORD).inheritIO().start();
        assertThat(keytool.waitFor()).isZero();
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", () -> KEYSTORE.toString());
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
        registry.add("server.ssl.key-store-password", () -> PASSWORD);
    }

    private static SSLContext trustingOurCertificate() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(KEYSTORE)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("darkroom", keys.getCertificate("darkroom"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    @Test
    void the_sdk_uploads_and_lists_over_https_and_secure_url_points_at_https() throws Exception {
        SSLContext tls = trustingOurCertificate();
        Map<String, Object> config = ObjectUtils.asMap("cloud_name", "tls-cloud", "api_key", "tls-key", "api_secret", "tls-secret",
                "upload_prefix", "https://localhost:" + port, "properties", Map.of("connectionManager",
                        PoolingHttpClientConnectionManagerBuilder.create().setTlsSocketStrategy(new DefaultClientTlsStrategy(tls)).build()));
        Cloudinary cloudinary = new Cloudinary(config);

        byte[] png = TestImages.png(30, 20, 1);
        Map<?, ?> uploaded = cloudinary.uploader().upload(png, ObjectUtils.asMap("public_id", "tls/one", "tags", "secure"));
        assertThat(uploaded.get("width")).isEqualTo(30);
        String secureUrl = uploaded.get("secure_url").toString();
        assertThat(secureUrl).startsWith("https://localhost:" + port + "/tls-cloud/image/upload/v");

        Map<?, ?> listing = cloudinary.api().resources(ObjectUtils.asMap("type", "upload", "prefix", "tls/"));
        assertThat(((List<?>) listing.get("resources")).stream().map(r -> String.valueOf(((Map<?, ?>) r).get("public_id"))).toList())
                .containsExactly("tls/one");

        HttpResponse<byte[]> delivered = HttpClient.newBuilder().sslContext(tls).build()
                .send(HttpRequest.newBuilder(URI.create(secureUrl)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(delivered.body()).isEqualTo(png);
    }
}
