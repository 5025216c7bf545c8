package io.darkroom.api.console;

import io.darkroom.api.DarkroomIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may reach the console over HTTP: sessions, CSRF tokens and the sign-in form's own token. */
class ConsoleAccessTest extends DarkroomIntegrationTest {
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    /** Signs in and answers the session cookie. */
    private String signIn() throws Exception {
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base() + "/console/sign-in")));
        String formCookie = cookie(form, "darkroom_console_form");
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base() + "/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "darkroom_console_form=" + formCookie)
                .POST(HttpRequest.BodyPublishers.ofString("cloud=console-cloud&api_key=console-key&api_secret=console-secret&form_token="
                        + match(FORM_TOKEN, form.body()))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().allValues("Set-Cookie").toString()).contains("HttpOnly").contains("SameSite=Strict");
        return cookie(signedIn, "darkroom_console");
    }

    @Test
    void every_console_page_without_a_session_redirects_to_sign_in() throws Exception {
        for (String path : List.of("/console", "/console/media", "/console/media?next_cursor=x")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base() + path)));
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).contains("/console/sign-in?next=");
        }
    }

    @Test
    void a_change_without_the_session_s_csrf_token_is_refused() throws Exception {
        String session = signIn();
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(base() + "/console/sign-out"))
                .header("Cookie", "darkroom_console=" + session).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(refused.statusCode()).isEqualTo(403);
        String page = send(HttpRequest.newBuilder(URI.create(base() + "/console/media")).header("Cookie", "darkroom_console=" + session)).body();
        HttpResponse<String> signedOut = send(HttpRequest.newBuilder(URI.create(base() + "/console/sign-out"))
                .header("Cookie", "darkroom_console=" + session).header("X-CSRF-Token", match(CSRF, page))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(signedOut.statusCode()).isEqualTo(302);
    }

    @Test
    void a_sign_in_without_the_form_s_own_token_is_refused() throws Exception {
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(base() + "/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("cloud=console-cloud&api_key=console-key&api_secret=console-secret")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().allValues("Set-Cookie").toString()).doesNotContain("darkroom_console=");
    }

    @Test
    void the_sign_in_page_cannot_be_framed_nor_run_scripts_from_elsewhere() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base() + "/console/sign-in")));
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'").contains("script-src 'self'");
    }

    @Test
    void a_redirect_after_sign_in_stays_inside_the_console() {
        assertThat(SignInController.safeNext("//evil.example/x")).isEqualTo("/console/media");
        assertThat(SignInController.safeNext("https://evil.example")).isEqualTo("/console/media");
        assertThat(SignInController.safeNext("/console/media?next_cursor=a")).isEqualTo("/console/media?next_cursor=a");
    }
}
