package io.darkroom.api.console;

import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser (Debian's headless Chromium through Selenium): signing in, refused with a wrong
 * secret; the media grid showing what the SDK uploaded, thumbnails delivered by Darkroom; a tag holding markup shown as
 * text; signing out. Screenshots of each page go to {@code target/console-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest extends DarkroomIntegrationTest {
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        Cloudinary cloudinary = new Cloudinary("cloudinary://console-key:console-secret@console-cloud?upload_prefix=http://localhost:" + port);
        for (int i = 0; i < 3; i++) {
            cloudinary.uploader().upload(TestImages.jpeg(320, 200, 300 + i), ObjectUtils.asMap("public_id", "beach/" + i,
                    "tags", i == 0 ? "<script>alert(1)</script>" : "summer"));
        }
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void signIn(String secret) {
        browser.get(base() + "/console/media");
        browser.findElement(By.id("cloud")).sendKeys("console-cloud");
        browser.findElement(By.id("api_key")).sendKeys("console-key");
        browser.findElement(By.id("api_secret")).sendKeys(secret);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void signing_in_shows_the_media_grid_and_signing_out_ends_the_session() throws Exception {
        browser.manage().deleteAllCookies();
        signIn("wrong-secret");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).isEqualTo("Wrong cloud name, API key or API secret.");
        assertThat(browser.findElement(By.id("api_secret")).getAttribute("value")).as("the secret is not sent back").isEmpty();
        screenshot("01-sign-in-refused");

        browser.findElement(By.id("cloud")).clear();
        browser.findElement(By.id("api_key")).clear();
        signIn("console-secret");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/console/media"));
        List<WebElement> tiles = browser.findElements(By.cssSelector(".grid .tile"));
        assertThat(tiles).hasSize(3);
        assertThat(browser.findElements(By.cssSelector(".tile .name")).stream().map(WebElement::getText).toList())
                .containsExactlyInAnyOrder("0", "1", "2");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        for (int wait = 0; wait < 50 && !Boolean.TRUE.equals(js.executeScript(
                "return [...document.images].every(i => i.complete && i.naturalWidth > 0)")); wait++) {
            Thread.sleep(100);
        }
        assertThat(js.executeScript("return [...document.images].map(i => i.naturalWidth)")).as("thumbnails delivered")
                .isEqualTo(List.of(240L, 240L, 240L));
        assertThat(browser.findElements(By.cssSelector(".tag")).stream().map(WebElement::getText).toList())
                .as("markup in a tag is text").contains("<script>alert(1)</script>");
        screenshot("02-media");
        String cookie = browser.manage().getCookieNamed("darkroom_console").getValue();
        assertThat(browser.manage().getCookieNamed("darkroom_console").isHttpOnly()).isTrue();

        browser.findElement(By.cssSelector("form[action='/console/sign-out'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/console/sign-in"));
        assertThat(get("/console/media", null, null).statusCode()).isEqualTo(302);
        java.net.http.HttpResponse<String> replayed = HTTP.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base() + "/console/media")).header("Cookie", "darkroom_console=" + cookie).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(replayed.statusCode()).as("the signed-out session's cookie opens nothing").isEqualTo(302);
    }
}
