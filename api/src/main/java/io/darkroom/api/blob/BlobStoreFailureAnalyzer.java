package io.darkroom.api.blob;

import io.darkroom.infrastructure.blob.S3Clients;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A blob store that refuses Darkroom stops the start with what to fix, not a stack trace. */
public class BlobStoreFailureAnalyzer extends AbstractFailureAnalyzer<S3Clients.BlobStoreConfigurationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, S3Clients.BlobStoreConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix the blob store settings (docs/configuration.md, \"Blob store\") and start again.",
                cause);
    }
}
