package io.dateline.media;

import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.utils.StringUtils;

/**
 * Renditions as objects of an S3-compatible bucket (AWS SDK v2). The client is built on first use,
 * not at start: the SDK's classes load in about a second, which the ready time should not pay on
 * instances that serve from a cache or a CDN. Renditions are small byte arrays, so each upload is
 * signed whole instead of in aws-chunked encoding, and checksums are computed only where the API
 * requires them: several S3-compatible stores refuse the chunked form or the SDK's newer trailing
 * checksums.
 */
class S3ImageStore implements ImageStore {

    private final MediaProperties.S3 settings;

    private final Supplier<S3Client> client;

    S3ImageStore(MediaProperties.S3 settings) {
        if (StringUtils.isBlank(settings.bucket())) {
            throw new IllegalStateException("dateline.media.storage=S3 needs dateline.media.s3.bucket");
        }
        this.settings = settings;
        this.client = memoize(() -> build(settings));
    }

    @Override
    public void put(String key, byte[] content) {
        client.get()
                .putObject(
                        request -> request.bucket(settings.bucket())
                                .key(settings.prefix() + key)
                                .contentType("image/jpeg")
                                .cacheControl("public, max-age=31536000, immutable"),
                        RequestBody.fromBytes(content));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(client.get()
                    .getObjectAsBytes(
                            request -> request.bucket(settings.bucket()).key(settings.prefix() + key))
                    .asByteArray());
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        client.get().deleteObject(request -> request.bucket(settings.bucket()).key(settings.prefix() + key));
    }

    private static S3Client build(MediaProperties.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyleAccess())
                .serviceConfiguration(
                        S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        if (!StringUtils.isBlank(settings.accessKey())) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    private static <T> Supplier<T> memoize(Supplier<T> factory) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T current = value;
                if (current == null) {
                    synchronized (this) {
                        current = value;
                        if (current == null) {
                            current = factory.get();
                            value = current;
                        }
                    }
                }
                return current;
            }
        };
    }
}
