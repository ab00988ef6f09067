package io.dateline.article;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a repository slice test needs to read summaries: {@link SummaryRows} and its {@link
 * ArticleLinks} (with PicturesTestConfiguration and a JsonMapper beside it).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicSite.class)
@Import({ArticleLinks.class, SummaryRows.class})
public class SummaryRowsTestConfiguration {}
