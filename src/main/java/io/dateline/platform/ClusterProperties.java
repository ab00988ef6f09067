package io.dateline.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param instances how many Dateline instances serve the site behind one load balancer; above 1,
 *     every setting that must agree between instances has to be set explicitly (README
 *     "Scale-out: settings every instance must share")
 */
@ConfigurationProperties("dateline.cluster")
public record ClusterProperties(@DefaultValue("1") int instances) {}
