package io.darkroom.api.blob;

import io.darkroom.application.blob.BlobStoreSettingsException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A blob store that refuses Darkroom stops the start with what to fix, not a stack trace. */
public class BlobStoreFailureAnalyzer extends AbstractFailureAnalyzer<BlobStoreSettingsException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BlobStoreSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix the blob store settings (docs/configuration.md, \"Blob store\") and start again.",
                cause);
    }
}
