package io.darkroom.application.derivation;

/** Port: a lock on one derived id held until the current transaction ends, on every node (so a derivative is made once). */
public interface DerivationLock {
    void lock(String derivedId);
}
