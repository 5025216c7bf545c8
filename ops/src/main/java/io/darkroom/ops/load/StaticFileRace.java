package io.darkroom.ops.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference for cached deliveries: nginx serving the same bytes as a static file, and {@code wrk} run the same way
 * against both (after a 5 s warm-up of each, not counted: the JIT compiles Darkroom's hit path in the first seconds).
 */
final class StaticFileRace {
    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    private StaticFileRace() {
    }

    /** Requests per second of {@code darkroomUrl} and of nginx serving {@code bytes}, in the same run: {darkroom, nginx}. */
    static double[] race(Path work, byte[] bytes, String darkroomUrl, int seconds) throws IOException, InterruptedException {
        Path site = Files.createDirectories(work.resolve("site"));
        Files.write(site.resolve("image.jpg"), bytes);
        // nginx's workers run as an unprivileged user: they must be able to read the site
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(site, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(site.resolve("image.jpg"), PosixFilePermissions.fromString("rw-r--r--"));
        int nginxPort = 18000 + (int) (System.nanoTime() % 1000);
        Path conf = work.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 2;
                daemon off;
                pid %s;
                error_log %s;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    types { image/jpeg jpg; }
                    sendfile on;
                    server { listen 127.0.0.1:%d; root %s; }
                }
                """.formatted(work.resolve("nginx.pid"), work.resolve("nginx-error.log"), nginxPort, site));
        Process nginx = new ProcessBuilder("nginx", "-c", conf.toString(), "-p", work.toString()).inheritIO().start();
        try {
            Thread.sleep(500);
            String nginxUrl = "http://127.0.0.1:" + nginxPort + "/image.jpg";
            wrk(darkroomUrl, 5);
            wrk(nginxUrl, 5);
            return new double[] {wrk(darkroomUrl, seconds), wrk(nginxUrl, seconds)};
        } finally {
            nginx.destroy();
            nginx.waitFor();
        }
    }

    /** {@code wrk -t2 -c32}: requests per second; every answer must be a 2xx. */
    static double wrk(String url, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("wrk", "-t2", "-c32", "-d" + seconds + "s", url).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        Matcher matcher = REQUESTS_PER_SECOND.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("wrk gave no rate: " + output);
        }
        if (output.contains("Non-2xx")) {
            throw new IllegalStateException("wrk saw failed answers from " + url + ": " + output);
        }
        System.out.print(output.lines().filter(l -> l.contains("Latency")).map(l -> "  " + url + l + "\n").reduce("", String::concat));
        return Double.parseDouble(matcher.group(1));
    }
}
