package io.darkroom.application.optimizer.setup;

/** Port: encrypts secrets before they reach a command, an event or a table, and opens them where they are used. */
public interface SecretSealer {
    String seal(String plaintext);

    String open(String sealed);
}
