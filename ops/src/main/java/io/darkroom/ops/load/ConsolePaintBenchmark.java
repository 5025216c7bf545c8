package io.darkroom.ops.load;

import io.darkroom.ops.client.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The console's media page in Debian's headless Chromium: uploads {@code --assets} photos (unless the cloud has them),
 * signs in, then opens {@code /console/media} (100 thumbnails a page) {@code --rounds} times with the browser's cache off,
 * in a window of {@code --window} pixels ({@code 1280x5600} shows all 100 tiles). Per round: the HTML's arrival, the
 * first contentful paint, and the moment every thumbnail in view is decoded (the page as people see it). Round 1 is cold (Darkroom derives each 240-pixel thumbnail on first request);
 * the others are served from the delivery cache.
 *
 * <pre>
 * java -jar ops/target/darkroom-load.jar console-paint --url http://localhost:8080 --cloud-url cloudinary://KEY:SECRET@CLOUD \
 *      [--assets 100] [--rounds 10] [--window 1280x900]
 * </pre>
 */
final class ConsolePaintBenchmark {
    private static final String MEASURE = """
            const done = arguments[arguments.length - 1];
            // the thumbnails in view: the rest load lazily as one scrolls
            const images = [...document.images].filter(i => i.getBoundingClientRect().top < window.innerHeight);
            Promise.all(images.map(i => i.complete ? i.decode().catch(() => 0)
                    : new Promise(r => { i.onload = i.onerror = r; }))).then(() => {
              const paint = performance.getEntriesByName('first-contentful-paint')[0];
              done({ html: performance.getEntriesByType('navigation')[0].responseEnd,
                     fcp: paint ? paint.startTime : -1, images: performance.now(), count: images.length,
                     received: Math.max(0, ...performance.getEntriesByType('resource')
                         .filter(e => e.initiatorType === 'img').map(e => e.responseEnd)),
                     broken: images.filter(i => !i.naturalWidth).length });
            });""";

    private ConsolePaintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:8080";
        String cloudUrl = System.getenv("CLOUDINARY_URL");
        int assets = 100;
        int rounds = 10;
        String window = "1280x900";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--cloud-url" -> cloudUrl = args[++i];
                case "--assets" -> assets = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--window" -> window = args[++i];
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        BenchmarkTarget target = BenchmarkTarget.of(url, cloudUrl);
        seed(target.api(), assets);
        String[] credentials = URI.create(cloudUrl).getUserInfo().split(":", 2);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage");
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
        try {
            String[] size = window.split("x");
            browser.manage().window().setSize(new Dimension(Integer.parseInt(size[0]), Integer.parseInt(size[1])));
            browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(2));
            browser.executeCdpCommand("Network.enable", Map.of());
            browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            browser.get(url + "/console/sign-in");
            browser.findElement(By.id("cloud")).sendKeys(target.cloud());
            browser.findElement(By.id("api_key")).sendKeys(credentials[0]);
            browser.findElement(By.id("api_secret")).sendKeys(credentials[1]);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            for (int wait = 0; !browser.getCurrentUrl().contains("/console/media"); wait++) {
                if (wait == 200) {
                    throw new IllegalStateException("Sign-in failed: " + browser.findElement(By.tagName("main")).getText());
                }
                Thread.sleep(100);
            }
            List<Double> warm = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                browser.get(url + "/console/media");
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) browser.executeAsyncScript(MEASURE);
                double images = ((Number) m.get("images")).doubleValue();
                System.out.printf("round %2d%s: html %5.0f ms, first contentful paint %5.0f ms, last thumbnail received %5.0f ms,"
                                + " the %s thumbnails in view decoded %5.0f ms (%s broken)%n", round, round == 1 ? " (cold)" : "",
                        num(m.get("html")), num(m.get("fcp")), num(m.get("received")), m.get("count"), images, m.get("broken"));
                if (round > 1) {
                    warm.add(images);
                }
            }
            if (!warm.isEmpty()) {
                Collections.sort(warm);
                System.out.printf("warm rounds: median %.0f ms, best %.0f ms, worst %.0f ms to the thumbnails in view decoded%n",
                        warm.get(warm.size() / 2), warm.get(0), warm.get(warm.size() - 1));
            }
        } finally {
            browser.quit();
        }
        System.exit(0);
    }

    private static double num(Object value) {
        return ((Number) value).doubleValue();
    }

    /** Uploads photos of about 100 KB until the cloud has {@code assets} images. */
    private static void seed(Api api, int assets) throws Exception {
        int have = Api.JSON.readTree(api.admin("GET", "resources/image/upload?max_results=500").body()).path("resources").size();
        List<byte[]> photos = SampleImages.jpegsOfAbout(100 * 1024, 16);
        for (int i = have; i < assets; i++) {
            Api.Answer answer = api.upload(Map.of("public_id", "paint/" + i), photos.get(i % photos.size()), "photo-" + i + ".jpg");
            if (answer.status() != 200) {
                throw new IllegalStateException("upload " + i + ": " + answer.status() + " " + answer.body());
            }
        }
        System.out.printf("%d images in the cloud (%d uploaded now)%n", Math.max(have, assets), Math.max(0, assets - have));
    }
}
