package io.dateline.article;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** What a repository slice test needs to give summaries their {@code url}: {@link ArticleLinks}. */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicSite.class)
@Import(ArticleLinks.class)
public class ArticleLinksTestConfiguration {}
