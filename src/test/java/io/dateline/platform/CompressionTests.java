package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.ServerTest;
import io.dateline.TestSecurity;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Response compression by the server, and validators that stay true across it. */
@ServerTest
class CompressionTests {

    @LocalServerPort
    int port;

    @Autowired
    TestSecurity.Tokens tokens;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void compressesALargeJsonBodyForAClientThatAcceptsGzip() throws Exception {
        HttpResponse<byte[]> plain = get("/v3/api-docs", null, null);
        HttpResponse<byte[]> gzipped = get("/v3/api-docs", "gzip", null);

        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().allValues("Vary"))
                .anySatisfy(vary -> assertThat(vary.toLowerCase()).contains("accept-encoding"));
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
    }

    @Test
    void aWeakEtagNamesBothEncodingsAndStillAnswers304() throws Exception {
        // a topic list of more than the 1 KiB threshold
        String description = "Markets, central banks and the companies that move them. ".repeat(30);
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/newsroom/topics"))
                        .header("Authorization", "Bearer " + tokens.admin())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"slug\": \"compression-check\", \"name\":"
                                + " \"Compression check\", \"description\": \"" + description.trim() + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        HttpResponse<byte[]> plain = get("/api/v1/topics", null, null);
        HttpResponse<byte[]> gzipped = get("/api/v1/topics", "gzip", null);
        String etag = gzipped.headers().firstValue("ETag").orElseThrow();

        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(etag).startsWith("W/");
        assertThat(plain.headers().firstValue("ETag")).hasValue(etag);
        assertThat(get("/api/v1/topics", "gzip", etag).statusCode()).isEqualTo(304);
        assertThat(get("/api/v1/topics", null, etag).statusCode()).isEqualTo(304);
    }

    @Test
    void leavesASmallBodyAlone() throws Exception {
        HttpResponse<byte[]> small = get("/actuator/health/liveness", "gzip", null);

        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
