package io.darkroom.application.optimizer.setup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A domain (host name) a cloud's Media Optimizer URLs are served on; its id is stable, derived from cloud and name. */
public record OptimizerDomain(String id, String cloud, String domain) {
    public static OptimizerDomain of(String cloud, String domain) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("domain\u0000" + cloud + "\u0000" + domain)
                    .getBytes(StandardCharsets.UTF_8));
            return new OptimizerDomain(HexFormat.of().formatHex(digest, 0, 16), cloud, domain);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
