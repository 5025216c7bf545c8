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
 * text; signing out; uploads through the file input (one chunked), search by tag, bulk actions, the asset page's edit,
 * timeline, delete, trash and restore; usage and audit pages; the operator's rebuild with progress. Screenshots of each
 * page go to {@code target/console-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest extends DarkroomIntegrationTest {
    private WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        Cloudinary cloudinary = new Cloudinary("cloudinary://console-key:console-secret@console-cloud?upload_prefix=http://localhost:" + port);
        for (int i = 0; i < 3; i++) {
            cloudinary.uploader().upload(TestImages.jpeg(320, 200, 300 + i), ObjectUtils.asMap("public_id", "beach/" + i,
                    "tags", i == 0 ? "<script>alert(1)</script>" : "summer"));
        }
        cloudinary.api().createUploadPreset(ObjectUtils.asMap("name", "jpg_only", "allowed_formats", "jpg"));
        browser = ConsoleBrowser.open();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private void signedIn() {
        browser.manage().deleteAllCookies();
        signIn("console-secret");
        waiting().until(ExpectedConditions.urlContains("/console/media"));
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private Path file(String name, byte[] bytes) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "console-uploads"));
        return Files.write(dir.resolve(name), bytes);
    }

    /** Chooses files in the upload page's file input and waits until each has an outcome. */
    private void upload(String preset, String tags, Path... files) {
        browser.get(base() + "/console/upload");
        if (preset != null) {
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("upload_preset"))).selectByValue(preset);
        }
        browser.findElement(By.id("upload_tags")).sendKeys(tags);
        browser.findElement(By.id("files")).sendKeys(String.join("\n",
                java.util.Arrays.stream(files).map(f -> f.toAbsolutePath().toString()).toList()));
        waiting().until(d -> d.findElements(By.cssSelector("#uploads li.done, #uploads li.failed")).size() == files.length);
    }

    private void signIn(String secret) {
        browser.get(base() + "/console/media");
        browser.findElement(By.id("cloud")).sendKeys("console-cloud");
        browser.findElement(By.id("api_key")).sendKeys("console-key");
        browser.findElement(By.id("api_secret")).sendKeys(secret);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private void screenshot(String name) throws Exception {
        ConsoleBrowser.screenshot(browser, name);
    }

    @Test
    @org.junit.jupiter.api.Order(1)
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

    @Test
    @org.junit.jupiter.api.Order(2)
    void files_chosen_on_the_upload_page_appear_in_the_grid_and_a_tag_finds_them() throws Exception {
        signedIn();
        // 2000 x 1200 random pixels: about 7 MB, so it goes in two chunks (the tests' requests hold 5.5 MB at most)
        byte[] large = TestImages.noisePng(2000, 1200, 7);
        upload(null, "trip", file("harbour.jpg", TestImages.jpeg(640, 400, 11)), file("dunes.jpg", TestImages.jpeg(400, 640, 12)),
                file("large.png", large));
        screenshot("03-upload");
        assertThat(browser.findElements(By.cssSelector("#uploads li.done"))).as(texts("#uploads li").toString()).hasSize(3);
        assertThat(large.length).isGreaterThan(5_632_000);
        String largeId = browser.findElements(By.cssSelector("#uploads li.done a")).get(2).getAttribute("href").replaceAll(".*/", "");
        assertThat(cloudinary().api().resourcesByAssetIDs(List.of(largeId), ObjectUtils.emptyMap()).toString())
                .as("the chunked file is whole").contains("bytes=" + large.length);

        browser.get(base() + "/console/media");
        assertThat(texts(".tile .name")).contains("harbour", "dunes", "large");
        browser.findElement(By.name("tag")).sendKeys("trip");
        browser.findElement(By.cssSelector(".filters button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("tag=trip"));
        assertThat(texts(".tile .name")).containsExactlyInAnyOrder("harbour", "dunes", "large");
        screenshot("04-search-by-tag");
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void a_file_the_preset_refuses_fails_alone_with_its_reason() throws Exception {
        signedIn();
        upload("jpg_only", "", file("ok.jpg", TestImages.jpeg(300, 300, 21)), file("refused.png", TestImages.png(300, 300, 22)));
        assertThat(texts("#uploads li.done .file-name")).singleElement().asString().startsWith("ok.jpg (");
        assertThat(texts("#uploads li.failed .state")).containsExactly("Failed: Image file format png not allowed");
        screenshot("05-upload-refused");
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void a_tag_changed_on_the_asset_page_shows_in_its_timeline_and_survives_delete_and_restore() throws Exception {
        signedIn();
        browser.get(base() + "/console/media?tag=trip");
        browser.findElements(By.cssSelector(".tile a")).stream().filter(a -> a.getText().contains("harbour")).findFirst()
                .orElseThrow().click();
        waiting().until(ExpectedConditions.urlContains("/console/asset/"));
        String assetPage = browser.getCurrentUrl();
        String publicId = browser.findElement(By.xpath("//dt[.='Public id']/following-sibling::dd[1]")).getText();
        WebElement tags = browser.findElement(By.id("tags"));
        tags.clear();
        tags.sendKeys("trip, harbour, best");
        browser.findElement(By.cssSelector("form.edit button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("done=saved"));
        WebElement newest = browser.findElement(By.cssSelector(".timeline li"));
        assertThat(newest.findElement(By.cssSelector(".what")).getText()).isEqualTo("Tags changed");
        assertThat(newest.findElement(By.cssSelector(".actor")).getText()).isEqualTo("console-key");
        assertThat(newest.findElement(By.cssSelector(".who")).getText()).as("the browser's address")
                .containsPattern("from (127\\.0\\.0\\.1|0:0:0:0:0:0:0:1)$");
        assertThat(newest.findElement(By.cssSelector(".changes")).getText()).contains("best");
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('.preview img').complete && document.querySelector('.preview img').naturalWidth > 0"))
                .as("preview delivered").isTrue();
        screenshot("06-asset");

        ((JavascriptExecutor) browser).executeScript("window.confirm = () => true");
        browser.findElement(By.cssSelector("form[action$='/delete'] button")).click();
        waiting().until(ExpectedConditions.urlContains("/console/trash"));
        assertThat(texts("tr.trashed td:first-child")).contains(publicId);
        screenshot("07-trash");
        browser.findElements(By.cssSelector("tr.trashed")).stream().filter(r -> r.getText().contains(publicId)).findFirst()
                .orElseThrow().findElement(By.cssSelector("button")).click();
        waiting().until(ExpectedConditions.urlContains("done=restored"));
        assertThat(browser.getCurrentUrl()).startsWith(assetPage.replaceAll("\\?.*", ""));
        assertThat(browser.findElement(By.id("tags")).getAttribute("value")).isEqualTo("trip, harbour, best");
        assertThat(texts(".timeline .what").subList(0, 3)).containsExactly("Restored", "Deleted", "Tags changed");
        screenshot("08-restored");
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void selected_assets_are_tagged_and_moved_together_and_the_folder_shows_in_the_tree() throws Exception {
        signedIn();
        browser.get(base() + "/console/media?tag=summer");
        List<WebElement> picks = browser.findElements(By.cssSelector(".tile .pick"));
        assertThat(picks).hasSize(2);
        picks.forEach(WebElement::click);
        assertThat(browser.findElement(By.cssSelector("[data-selected-count]")).getText()).isEqualTo("2 selected");
        browser.findElement(By.cssSelector(".toolbar input[name=folder]")).sendKeys("albums/summer");
        browser.findElement(By.cssSelector(".toolbar button[value=move]")).click();
        waiting().until(ExpectedConditions.urlContains("done=move-2"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Moved 2 assets.");
        browser.findElement(By.linkText("albums")).click();
        waiting().until(ExpectedConditions.urlContains("folder=albums"));
        browser.findElement(By.linkText("summer")).click();
        waiting().until(ExpectedConditions.urlContains("folder=albums/summer"));
        assertThat(texts(".tile .name")).containsExactlyInAnyOrder("1", "2");
        browser.findElements(By.cssSelector(".tile .pick")).forEach(WebElement::click);
        browser.findElement(By.cssSelector(".toolbar input[name=tag]")).sendKeys("album");
        browser.findElement(By.cssSelector(".toolbar button[value=tag]")).click();
        waiting().until(ExpectedConditions.urlContains("done=tag-2"));
        assertThat(texts(".tile .tags")).allSatisfy(t -> assertThat(t).contains("album"));
        screenshot("09-folders-and-bulk");
    }

    @Test
    @org.junit.jupiter.api.Order(6)
    void usage_and_audit_pages_show_the_cloud_s_history() throws Exception {
        signedIn();
        browser.get(base() + "/console/usage");
        assertThat(texts(".charts h2")).containsExactly("Storage", "Bandwidth", "Requests", "Transformations");
        assertThat(browser.findElements(By.cssSelector("svg.chart polyline"))).hasSize(4);
        screenshot("10-usage");
        browser.get(base() + "/console/audit?actor=console-key");
        assertThat(texts("tbody tr td:nth-child(2)")).isNotEmpty().allSatisfy(actor -> assertThat(actor).isEqualTo("console-key"));
        assertThat(texts("tbody tr td:nth-child(4)")).contains("Restored", "Deleted", "Tags changed");
        screenshot("11-audit");
    }

    @Test
    @org.junit.jupiter.api.Order(7)
    void the_operator_starts_a_rebuild_and_follows_its_progress() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(base() + "/console/operations");
        browser.findElement(By.id("operator_token")).sendKeys("console-operator-token");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("/console/operations"));
        assertThat(texts("[data-lag]")).isNotEmpty();
        browser.findElement(By.cssSelector("#rebuild-status button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-state]"), "done"));
        // the outcome as the page shows it (this shared server's read models hold other tests' deliberate oddities, such as
        // events written straight into the store, so its differences are not asserted here: OnlineRebuildTest does that)
        assertThat(browser.findElement(By.cssSelector("[data-counts]")).getText()).containsPattern("^[\\d,]+ events · verified · differences: ");
        assertThat(browser.findElement(By.cssSelector("#rebuild-status progress")).getAttribute("value")).isEqualTo("1");
        screenshot("12-operations");
        browser.get(base() + "/console/media");
        waiting().until(ExpectedConditions.urlContains("/console/sign-in"));
    }

    @Test
    @org.junit.jupiter.api.Order(8)
    void at_phone_width_the_pages_fit_and_the_keyboard_reaches_the_content_first() throws Exception {
        signedIn();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            for (String page : List.of("/console/media", "/console/upload", "/console/trash", "/console/usage", "/console/audit")) {
                browser.get(base() + page);
                assertThat((Long) ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - window.innerWidth")).as(page + " overflows sideways").isLessThanOrEqualTo(0L);
            }
            browser.get(base() + "/console/media");
            screenshot("13-media-phone");
            browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
            assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
            browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
            assertThat(browser.getCurrentUrl()).endsWith("#main");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    @Test
    @org.junit.jupiter.api.Order(9)
    void files_dropped_on_the_drop_zone_are_uploaded() throws Exception {
        signedIn();
        browser.get(base() + "/console/upload");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // a real drop event carrying real files: they are chosen in a spare input, then dropped on the zone
        js.executeScript("const i = document.createElement('input'); i.type = 'file'; i.multiple = true; i.id = 'spare';"
                + " document.body.append(i);");
        browser.findElement(By.id("spare")).sendKeys(file("dropped-1.jpg", TestImages.jpeg(200, 150, 31)).toAbsolutePath() + "\n"
                + file("dropped-2.jpg", TestImages.jpeg(150, 200, 32)).toAbsolutePath());
        js.executeScript("const t = new DataTransfer(); [...document.getElementById('spare').files].forEach(f => t.items.add(f));"
                + " document.getElementById('drop').dispatchEvent(new DragEvent('drop', {dataTransfer: t, bubbles: true, cancelable: true}));");
        waiting().until(d -> d.findElements(By.cssSelector("#uploads li.done, #uploads li.failed")).size() == 2);
        assertThat(texts("#uploads li.done .state a")).containsExactly("dropped-1", "dropped-2");
        screenshot("15-dropped");
    }

    private Cloudinary cloudinary() {
        return new Cloudinary("cloudinary://console-key:console-secret@console-cloud?upload_prefix=http://localhost:" + port);
    }
}
