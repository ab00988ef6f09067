package io.dateline.media;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    /** The store named by {@code dateline.media.storage}; the S3 client itself is built on first use. */
    @Bean
    ImageStore imageStore(MediaProperties properties) {
        return switch (properties.storage()) {
            case FILESYSTEM -> new FileSystemImageStore(properties.directory());
            case S3 -> new S3ImageStore(properties.s3());
        };
    }
}
