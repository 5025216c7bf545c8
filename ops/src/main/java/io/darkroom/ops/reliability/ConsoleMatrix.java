package io.darkroom.ops.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The auth matrix's console rows: every console route without a session (pages redirect to sign-in, changes are 401),
 * a wrong secret (no session), another cloud's session on this cloud's asset (every read a 404 or silent about it,
 * every change without effect), and the operations page refused to a cloud's session. The main cloud also signs in, so
 * the secret search that follows covers the console's sessions too.
 */
final class ConsoleMatrix {
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final List<String> PAGES = List.of("/console/media", "/console/media?q=auth", "/console/asset/ASSET",
            "/console/trash", "/console/upload", "/console/usage", "/console/audit", "/console/operations");
    private static final Map<String, String> CHANGES = Map.of(
            "/console/asset/ASSET", "tags=stolen&folder=stolen",
            "/console/asset/ASSET/delete", "",
            "/console/asset/ASSET/restore", "",
            "/console/media/bulk", "action=tag&tag=stolen&asset_ids=ASSET",
            "/console/upload/signature", "tags=stolen");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int cases;
    private int passedWrongly;

    ConsoleMatrix(String base) {
        this.base = base;
    }

    int cases() {
        return cases;
    }

    int passedWrongly() {
        return passedWrongly;
    }

    /** Runs the rows; {@code mainCloud} etc. name the cloud owning {@code assetId} and its credentials. */
    void run(String mainCloud, String mainKey, String mainSecret, String otherCloud, String otherKey, String otherSecret,
             String assetId, String publicId, Consumer<String> failures) throws Exception {
        for (String page : PAGES) {
            HttpResponse<String> answer = send(page.replace("ASSET", assetId), null, null, false);
            check(answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").contains("/console/sign-in"),
                    "no session: " + page + " answered " + answer.statusCode(), failures);
        }
        for (Map.Entry<String, String> change : CHANGES.entrySet()) {
            HttpResponse<String> answer = send(change.getKey().replace("ASSET", assetId), change.getValue().replace("ASSET", assetId),
                    null, false);
            check(answer.statusCode() == 401, "no session: POST " + change.getKey() + " answered " + answer.statusCode(), failures);
        }
        String[] wrong = signIn(mainCloud, mainKey, "not-the-secret");
        check(wrong == null, "console sign-in with a wrong secret opened a session", failures);

        String[] other = signIn(otherCloud, otherKey, otherSecret);
        for (String page : PAGES) {
            HttpResponse<String> answer = send(page.replace("ASSET", assetId), null, other, false);
            check(!answer.body().contains(assetId) && !answer.body().contains(publicId),
                    "another cloud's session read " + page + " (" + answer.statusCode() + ")", failures);
        }
        for (Map.Entry<String, String> change : CHANGES.entrySet()) {
            HttpResponse<String> answer = send(change.getKey().replace("ASSET", assetId), change.getValue().replace("ASSET", assetId),
                    other, true);
            check(answer.statusCode() == 404 || answer.statusCode() == 302 || change.getKey().endsWith("signature"),
                    "another cloud's session: POST " + change.getKey() + " answered " + answer.statusCode(), failures);
        }
        String[] mine = signIn(mainCloud, mainKey, mainSecret);
        check(mine != null, "the right secret opened no console session", failures);
        if (mine != null) {
            String page = send("/console/asset/" + assetId, null, mine, false).body();
            check(page.contains(publicId) && !page.contains("stolen") && !page.contains("in the trash"),
                    "another cloud's console session changed this cloud's asset", failures);
            HttpResponse<String> operations = send("/console/operations", null, mine, false);
            check(operations.statusCode() == 302, "a cloud's session opened the operations page: " + operations.statusCode(), failures);
        }
    }

    private void check(boolean held, String failure, Consumer<String> failures) {
        cases++;
        if (!held) {
            passedWrongly++;
            failures.accept("console: " + failure);
        }
    }

    /** The session's cookie and CSRF token, or null when the sign-in was refused. */
    private String[] signIn(String cloud, String key, String secret) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/console/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString());
        String formCookie = cookie(form, "darkroom_console_form");
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "darkroom_console_form=" + formCookie)
                .POST(HttpRequest.BodyPublishers.ofString("cloud=" + cloud + "&api_key=" + key + "&api_secret=" + secret
                        + "&form_token=" + match(FORM_TOKEN, form.body()))).build(), HttpResponse.BodyHandlers.ofString());
        String session = cookie(answer, "darkroom_console");
        if (answer.statusCode() != 302 || session == null || session.isEmpty()) {
            return null;
        }
        String page = send("/console/upload", null, new String[]{session, null}, false).body();
        return new String[]{session, match(CSRF, page)};
    }

    private HttpResponse<String> send(String path, String form, String[] session, boolean csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        }
        if (session != null) {
            request.header("Cookie", "darkroom_console=" + session[0]);
            if (csrf) {
                request.header("X-CSRF-Token", session[1]);
            }
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst().orElse(null);
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? m.group(1) : "";
    }
}
