package io.dateline.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which shared setting is missing instead of a bean-creation stack. */
class UnsharedSettingFailureAnalyzer extends AbstractFailureAnalyzer<UnsharedSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsharedSettingException cause) {
        return new FailureAnalysis(
                cause.getMessage() + ".",
                "Give every instance the same " + cause.property() + " (from the environment, e.g. "
                        + cause.property().toUpperCase().replace('.', '_').replace("-", "")
                        + "), or run a single instance: dateline.cluster.instances=1 and no"
                        + " dateline.datasource.replicas.",
                cause);
    }
}
