package io.dateline.media;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** What a repository slice test needs to read lead images: {@link Pictures} and its settings. */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
public class PicturesTestConfiguration {

    @Bean
    Pictures pictures(MediaProperties properties) {
        return new Pictures(properties, JsonMapper.builder().build());
    }
}
