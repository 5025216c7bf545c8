package io.darkroom.api.welcome;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /}: a page for a person who opens Darkroom in a browser: the console's door, and what is served where. */
@RestController
public class HomeController {
    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Darkroom</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;color:#222}
            code{background:#f3f3f3;padding:.1rem .3rem;border-radius:3px}li{margin:.3rem 0}</style></head>
            <body>
            <h1>Darkroom is running</h1>
            <p>A self-hosted media backend that speaks Cloudinary's APIs: point an official Cloudinary SDK at it with the
            <code>CLOUDINARY_URL</code> printed when it first started.</p>
            <p><a href="/console"><strong>Open the console</strong></a>: sign in with the cloud's name, API key and secret
            (the parts of that URL) to browse, search, upload, edit, delete and restore, and read the audit trail.</p>
            <ul>
            <li>Admin API: <code>/v1_1/&lt;cloud&gt;/…</code> (Basic authentication with the cloud's key and secret)</li>
            <li>Upload API: <code>/v1_1/&lt;cloud&gt;/&lt;resource_type&gt;/upload</code> (signed)</li>
            <li>Delivery: <code>/&lt;cloud&gt;/image/upload/&lt;transformation&gt;/&lt;public_id&gt;.&lt;format&gt;</code></li>
            <li>Media Optimizer API: <code>/v1/&lt;cloud&gt;/…</code>; deliveries on <code>&lt;cloud&gt;.mo.localhost</code></li>
            <li><a href="/actuator/health">Health</a> and <a href="/actuator/prometheus">metrics for Prometheus</a></li>
            </ul>
            <p>How to run, configure and operate it: the <code>README.md</code> and <code>docs/</code> of the source tree.</p>
            </body>
            </html>
            """;

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    public String home() {
        return PAGE;
    }
}
