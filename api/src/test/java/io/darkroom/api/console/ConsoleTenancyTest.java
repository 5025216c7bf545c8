package io.darkroom.api.console;

import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's side of the auth matrix: every route without a session, with the other kind of session, with another
 * cloud's session (0 reads or changes of this cloud's asset), and every change without the CSRF token.
 */
class ConsoleTenancyTest extends DarkroomIntegrationTest {
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    static final List<String> PAGES = List.of("/console/media", "/console/media?q=x&tag=y", "/console/asset/ASSET",
            "/console/trash", "/console/upload", "/console/usage", "/console/audit");
    static final List<String> CHANGES = List.of("/console/media/bulk", "/console/asset/ASSET", "/console/asset/ASSET/delete",
            "/console/asset/ASSET/restore", "/console/upload/signature");

    record Session(String cookie, String csrf) {
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, Session session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        return send(session == null ? request : request.header("Cookie", "darkroom_console=" + session.cookie()));
    }

    private HttpResponse<String> post(String path, Session session, String form, boolean withCsrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (session != null) {
            request.header("Cookie", "darkroom_console=" + session.cookie());
            if (withCsrf) {
                request.header("X-CSRF-Token", session.csrf());
            }
        }
        return send(request);
    }

    private Session signIn(String form, String landing) throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base() + "/console/sign-in?next=" + landing)));
        String formCookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("darkroom_console_form="))
                .map(c -> c.substring(22, c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base() + "/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "darkroom_console_form=" + formCookie)
                .POST(HttpRequest.BodyPublishers.ofString(form + "&next=" + landing + "&form_token=" + match(FORM_TOKEN, page.body()))));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("darkroom_console="))
                .map(c -> c.substring(17, c.indexOf(';'))).findFirst().orElseThrow();
        Session session = new Session(cookie, null);
        return new Session(cookie, match(CSRF, get(landing, session).body()));
    }

    private Session cloud(String cloud, String key, String secret) throws Exception {
        return signIn("cloud=" + cloud + "&api_key=" + key + "&api_secret=" + secret, "/console/media");
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    private String consoleCloudAsset(String publicId) throws Exception {
        Cloudinary sdk = new Cloudinary("cloudinary://console-key:console-secret@console-cloud?upload_prefix=http://localhost:" + port);
        return (String) sdk.uploader().upload(TestImages.png(20, 20, publicId.hashCode()),
                ObjectUtils.asMap("public_id", publicId, "tags", "mine")).get("asset_id");
    }

    @Test
    void every_console_route_without_a_session_is_refused() throws Exception {
        for (String page : PAGES) {
            HttpResponse<String> answer = get(page.replace("ASSET", "a".repeat(32)), null);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).as(page).contains("/console/sign-in?next=");
        }
        for (String change : CHANGES) {
            assertThat(post(change.replace("ASSET", "a".repeat(32)), null, "", false).statusCode()).as(change).isEqualTo(401);
        }
    }

    @Test
    void every_change_without_the_csrf_token_is_refused() throws Exception {
        Session session = cloud("console-cloud", "console-key", "console-secret");
        String assetId = consoleCloudAsset("tenancy/csrf");
        for (String change : CHANGES) {
            assertThat(post(change.replace("ASSET", assetId), session, "action=delete&asset_ids=" + assetId + "&tags=x", false)
                    .statusCode()).as(change).isEqualTo(403);
        }
        assertThat(get("/console/asset/" + assetId, session).body()).as("nothing changed").contains("tenancy/csrf")
                .doesNotContain("in the trash");
    }

    @Test
    void another_cloud_s_session_neither_sees_nor_changes_this_cloud_s_asset() throws Exception {
        String assetId = consoleCloudAsset("tenancy/theirs");
        Session other = cloud("other-cloud", "other-key", "other-secret");
        List<String> reads = new ArrayList<>();
        for (String page : PAGES) {
            HttpResponse<String> answer = get(page.replace("ASSET", assetId), other);
            if (answer.body().contains(assetId) || answer.body().contains("tenancy/theirs")) {
                reads.add(page + " " + answer.statusCode());
            }
        }
        assertThat(reads).as("cross-cloud reads").isEmpty();
        assertThat(get("/console/asset/" + assetId, other).statusCode()).isEqualTo(404);
        String id = URLEncoder.encode(assetId, StandardCharsets.UTF_8);
        Map<String, String> changes = Map.of(
                "/console/asset/" + id, "tags=stolen&folder=stolen&display_name=stolen",
                "/console/asset/" + id + "/delete", "",
                "/console/asset/" + id + "/restore", "",
                "/console/media/bulk?tag=stolen&action=tag", "asset_ids=" + id,
                "/console/media/bulk?folder=stolen&action=move", "asset_ids=" + id,
                "/console/media/bulk?action=delete", "asset_ids=" + id);
        for (Map.Entry<String, String> change : changes.entrySet()) {
            HttpResponse<String> answer = post(change.getKey(), other, change.getValue(), true);
            assertThat(answer.statusCode()).as(change.getKey()).isIn(302, 404);
            assertThat(answer.body()).as(change.getKey()).doesNotContain("tenancy/theirs");
        }
        Session mine = cloud("console-cloud", "console-key", "console-secret");
        String page = get("/console/asset/" + assetId, mine).body();
        assertThat(page).as("the asset is as it was").contains("value=\"mine\"").doesNotContain("stolen").doesNotContain("in the trash");
    }

    @Test
    void a_cloud_session_does_not_open_the_operations_page_nor_the_operator_s_a_cloud() throws Exception {
        Session cloud = cloud("console-cloud", "console-key", "console-secret");
        for (String path : List.of("/console/operations", "/console/operations/status")) {
            HttpResponse<String> answer = get(path, cloud);
            assertThat(answer.statusCode()).as(path).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("/console/sign-in?next=%2Fconsole%2Foperations");
        }
        assertThat(post("/console/operations/rebuild", cloud, "projections=all", true).statusCode()).isEqualTo(401);

        Session operator = signIn("operator_token=console-operator-token", "/console/operations");
        assertThat(get("/console/operations/status", operator).body()).contains("\"state\"").contains("\"lag\"");
        for (String page : PAGES) {
            assertThat(get(page.replace("ASSET", "a".repeat(32)), operator).statusCode()).as(page).isEqualTo(302);
        }
        assertThat(post("/console/media/bulk", operator, "action=delete&asset_ids=x", true).statusCode()).isEqualTo(401);
    }

    @Test
    void a_wrong_operator_token_opens_nothing() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base() + "/console/sign-in?next=/console/operations")));
        assertThat(page.body()).contains("id=\"operator_token\"").doesNotContain("id=\"api_secret\"");
        String formCookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("darkroom_console_form="))
                .map(c -> c.substring(22, c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(base() + "/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "darkroom_console_form=" + formCookie)
                .POST(HttpRequest.BodyPublishers.ofString("operator_token=guess&next=/console/operations&form_token="
                        + match(FORM_TOKEN, page.body()))));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("Wrong operator token.");
        assertThat(refused.headers().allValues("Set-Cookie").toString()).doesNotContain("darkroom_console=");
    }
}
