package io.darkroom.api.resource.upload;

import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import com.sun.net.httpserver.HttpServer;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser (Debian's headless Chromium, driven through Selenium) uploads a file chosen in a file input with
 * {@code fetch} and {@code FormData} to an unsigned preset, from a page on another origin than Darkroom's, as an
 * application's upload form does. The cloud allows one origin: the same page served from another one fails in the browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserUploadTest extends DarkroomIntegrationTest {
    private static final int PAGE_PORT = 47913;
    private HttpServer pages;
    private WebDriver browser;
    private Cloudinary cloudinary;
    private Path photo;

    @BeforeAll
    void start() throws Exception {
        cloudinary = new Cloudinary("cloudinary://cors-key:cors-secret@cors-cloud?upload_prefix=http://localhost:" + port);
        cloudinary.api().createUploadPreset(ObjectUtils.asMap("name", "browser", "unsigned", true, "folder", "web"));
        pages = HttpServer.create(new InetSocketAddress(PAGE_PORT), 0);
        pages.createContext("/", exchange -> {
            byte[] page = page("http://localhost:" + port + "/v1_1/cors-cloud/image/upload").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        pages.start();
        photo = Files.createTempFile("browser-photo", ".jpg");
        Files.write(photo, TestImages.jpeg(120, 80, 7));
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (pages != null) {
            pages.stop(0);
        }
        Files.deleteIfExists(photo);
    }

    /** An upload form as applications write it: the chosen file and the preset in FormData, posted with fetch. */
    private static String page(String endpoint) {
        return """
                <!doctype html><html><head><title>Upload</title></head><body>
                <label>Photo <input type="file" id="file"></label>
                <label>Name <input type="text" id="name"></label>
                <button id="send">Upload</button>
                <output id="result"></output>
                <script>
                document.getElementById('send').addEventListener('click', async () => {
                  const data = new FormData();
                  data.append('file', document.getElementById('file').files[0]);
                  data.append('upload_preset', 'browser');
                  data.append('public_id', document.getElementById('name').value);
                  const out = document.getElementById('result');
                  try {
                    // X-Requested-With, as the Upload Widget sends it, makes the browser ask with a preflight first
                    const answer = await fetch('%s', {method: 'POST', body: data, headers: {'X-Requested-With': 'XMLHttpRequest'}});
                    const json = await answer.json();
                    out.textContent = 'status ' + answer.status + ' ' + (json.public_id || json.error.message);
                  } catch (e) {
                    out.textContent = 'failed ' + e.name;
                  }
                });
                </script></body></html>""".formatted(endpoint);
    }

    private String uploadFrom(String host, String publicId) {
        browser.get("http://" + host + ":" + PAGE_PORT + "/");
        browser.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.id("name")).sendKeys(publicId);
        browser.findElement(By.id("send")).click();
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                driver -> {
                    String text = driver.findElement(By.id("result")).getText();
                    return text.isEmpty() ? null : text;
                });
    }

    @Test
    void a_page_on_an_allowed_origin_uploads_to_an_unsigned_preset() throws Exception {
        assertThat(uploadFrom("allowed.localhost", "from_page")).isEqualTo("status 200 from_page");
        Map<?, ?> stored = cloudinary.api().resource("from_page", ObjectUtils.emptyMap());
        assertThat(stored.get("asset_folder")).isEqualTo("web");
        assertThat(stored.get("width")).isEqualTo(120);
        assertThat(stored.get("format")).isEqualTo("jpg");
    }

    @Test
    void the_same_page_on_another_origin_fails_in_the_browser_and_stores_nothing() throws Exception {
        assertThat(uploadFrom("denied.localhost", "from_elsewhere")).isEqualTo("failed TypeError");
        assertThat(cloudinary.api().resources(ObjectUtils.asMap("prefix", "from_elsewhere")).get("resources"))
                .isEqualTo(java.util.List.of());
    }

    @Test
    void the_admin_api_answers_no_cors_preflight() throws Exception {
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/v1_1/cors-cloud/resources/image"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://allowed.localhost:" + PAGE_PORT)
                .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void an_allowed_preflight_names_what_an_upload_may_send() throws Exception {
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/v1_1/cors-cloud/image/upload"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://allowed.localhost:" + PAGE_PORT)
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("http://allowed.localhost:" + PAGE_PORT);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).contains("Content-Range", "X-Unique-Upload-Id");
    }
}
