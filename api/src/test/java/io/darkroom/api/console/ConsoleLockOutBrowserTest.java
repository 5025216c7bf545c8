package io.darkroom.api.console;

import io.darkroom.api.DarkroomApplication;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Admin API's per-address lock-out in the console's sign-in, in a real browser: its own server (allowing 3 failures
 * a minute), since locking out the shared test server's one address would lock out every other test.
 */
class ConsoleLockOutBrowserTest {
    @Test
    void an_address_locked_out_by_wrong_secrets_is_refused_even_with_the_right_one() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "console-lockout-");
        try (ConfigurableApplicationContext darkroom = new SpringApplicationBuilder(DarkroomApplication.class).properties(
                "darkroom.data-dir=" + dataDir, "darkroom.clouds[0].url=cloudinary://lock-key:lock-secret@lock-cloud",
                "darkroom.auth.max-failures-per-minute=3").run("--server.port=0")) {
            int port = ((WebServerApplicationContext) darkroom).getWebServer().getPort();
            WebDriver browser = ConsoleBrowser.open();
            try {
                // failures are counted per clock minute: start early in one, so all five attempts fall in it
                long second = java.time.Instant.now().getEpochSecond() % 60;
                if (second > 40) {
                    Thread.sleep((61 - second) * 1000);
                }
                for (int attempt = 1; attempt <= 5; attempt++) {
                    signIn(browser, port, attempt == 5 ? "lock-secret" : "guess-" + attempt);
                }
                String refusal = browser.findElement(By.cssSelector("[role=alert]")).getText();
                ConsoleBrowser.screenshot(browser, "14-sign-in-locked-out");
                assertThat(refusal).as("the right secret after the lock-out").startsWith("Too many failed");
                assertThat(browser.getCurrentUrl()).contains("/console/sign-in");
                assertThat(browser.manage().getCookieNamed("darkroom_console")).as("no session").isNull();
            } finally {
                browser.quit();
            }
        }
    }

    private static void signIn(WebDriver browser, int port, String secret) {
        browser.get("http://localhost:" + port + "/console/sign-in");
        browser.findElement(By.id("cloud")).sendKeys("lock-cloud");
        browser.findElement(By.id("api_key")).sendKeys("lock-key");
        browser.findElement(By.id("api_secret")).sendKeys(secret);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
    }
}
