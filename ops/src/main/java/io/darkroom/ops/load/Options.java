package io.darkroom.ops.load;

import java.net.URI;

/** Command-line options of the load tool. */
record Options(String url, String cloud, String key, String secret, int count, int concurrency, int listRate,
               int listSeconds, int warmUpSeconds, int tagSeconds, int tagClients, int deleteCalls, boolean skipSeed) {

    static Options parse(String[] args) {
        String url = "http://localhost:8080";
        String cloudUrl = System.getenv("CLOUDINARY_URL");
        int count = 1000;
        int concurrency = 8;
        int listRate = 100;
        int listSeconds = 30;
        int warmUpSeconds = 30;
        int tagSeconds = 0;
        int tagClients = 32;
        int deleteCalls = 0;
        boolean skipSeed = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--cloud-url" -> cloudUrl = args[++i];
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--list-rate" -> listRate = Integer.parseInt(args[++i]);
                case "--list-seconds" -> listSeconds = Integer.parseInt(args[++i]);
                case "--warm-up-seconds" -> warmUpSeconds = Integer.parseInt(args[++i]);
                case "--tag-seconds" -> tagSeconds = Integer.parseInt(args[++i]);
                case "--tag-clients" -> tagClients = Integer.parseInt(args[++i]);
                case "--delete-calls" -> deleteCalls = Integer.parseInt(args[++i]);
                case "--skip-seed" -> skipSeed = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (cloudUrl == null) {
            throw new IllegalArgumentException("Give --cloud-url cloudinary://KEY:SECRET@CLOUD (or set CLOUDINARY_URL)");
        }
        URI parsed = URI.create(cloudUrl);
        String[] credentials = parsed.getUserInfo().split(":", 2);
        return new Options(url, parsed.getHost(), credentials[0], credentials[1], count, concurrency, listRate, listSeconds,
                warmUpSeconds, tagSeconds, tagClients, deleteCalls, skipSeed);
    }
}
