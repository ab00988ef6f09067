package io.dateline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both stores through the same interface. S3 is exercised against a stub on loopback that speaks
 * path-style PutObject, GetObject and DeleteObject, the subset the store uses; a real MinIO is left
 * to environments with Docker.
 */
class ImageStoreTests {

    private HttpServer s3;

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startS3Stub() throws IOException {
        s3 = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s3.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = exchange.getRequestBody().readAllBytes();
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    objects.put(path, body);
                    exchange.sendResponseHeaders(200, -1);
                }
                case "GET" -> {
                    byte[] object = objects.get(path);
                    if (object == null) {
                        byte[] error = "<Error><Code>NoSuchKey</Code><Message>gone</Message></Error>".getBytes();
                        exchange.getResponseHeaders().add("Content-Type", "application/xml");
                        exchange.sendResponseHeaders(404, error.length);
                        exchange.getResponseBody().write(error);
                    } else {
                        exchange.sendResponseHeaders(200, object.length);
                        exchange.getResponseBody().write(object);
                    }
                }
                case "DELETE" -> {
                    objects.remove(path);
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> exchange.sendResponseHeaders(405, -1);
            }
            exchange.close();
        });
        s3.start();
    }

    @AfterEach
    void stopS3Stub() {
        s3.stop(0);
    }

    @Test
    void fileSystemStoreKeepsReturnsAndDeletes(@TempDir Path directory) {
        ImageStore store = new FileSystemImageStore(directory.resolve("media"));

        storesReturnsAndDeletes(store);

        assertThat(directory.resolve("media"))
                .as("no temporary file left behind")
                .isEmptyDirectory();
    }

    @Test
    void fileSystemStoreRefusesKeysOutsideItsDirectory(@TempDir Path directory) {
        ImageStore store = new FileSystemImageStore(directory.resolve("media"));

        assertThatThrownBy(() -> store.put("../escape.jpg", new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(directory.resolve("escape.jpg")).doesNotExist();
    }

    @Test
    void s3StoreKeepsReturnsAndDeletesThroughTheS3Api() {
        URI endpoint = URI.create("http://127.0.0.1:" + s3.getAddress().getPort());
        ImageStore store = new S3ImageStore(new MediaProperties.S3(
                "pictures", "eu-central-1", endpoint, true, "test-key", "test-secret", "media/"));
        assertThat(requests).as("no client and no call before first use").isEmpty();

        String key = "0123456789abcdef0123456789abcdef-320.jpg";
        byte[] jpeg = MediaFixtures.jpeg(16, 16);
        store.put(key, jpeg);
        assertThat(objects.get("/pictures/media/" + key))
                .as("the object as the bucket holds it: the bytes, not an aws-chunked body")
                .isEqualTo(jpeg);
        storesReturnsAndDeletes(store);

        assertThat(requests)
                .allSatisfy(request -> assertThat(request)
                        .contains(" /pictures/media/0123456789abcdef0123456789abcdef-320.jpg ")
                        .contains("AWS4-HMAC-SHA256 Credential=test-key/"));
        assertThat(requests)
                .extracting(request -> request.substring(0, request.indexOf(' ')))
                .containsExactly("PUT", "PUT", "GET", "DELETE", "GET");
    }

    @Test
    void s3StoreNeedsABucket() {
        assertThatThrownBy(
                        () -> new S3ImageStore(new MediaProperties.S3(" ", "us-east-1", null, false, null, null, "")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dateline.media.s3.bucket");
    }

    private static void storesReturnsAndDeletes(ImageStore store) {
        String key = "0123456789abcdef0123456789abcdef-320.jpg";
        byte[] jpeg = MediaFixtures.jpeg(16, 16);

        store.put(key, jpeg);
        assertThat(store.get(key))
                .hasValueSatisfying(stored -> assertThat(stored).isEqualTo(jpeg));

        store.delete(key);
        assertThat(store.get(key)).isEmpty();
    }
}
