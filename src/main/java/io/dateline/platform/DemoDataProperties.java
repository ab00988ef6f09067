package io.dateline.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled load the demo data set (db/demo); unset means "only on the embedded default", so
 *     that a configured production database never receives it unless asked
 */
@ConfigurationProperties("dateline.demo-data")
public record DemoDataProperties(Boolean enabled) {}
