package io.dateline.syndication;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A partner's web server on the loopback interface: serves the feed files in
 * src/test/resources/partners (with {@code {{tag}}} replaced by a tag unique to this stub, so that
 * the headlines' urls are new in the shared database), a 500, and a response that comes too late.
 */
class PartnerFeedStub implements AutoCloseable {

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    private final HttpServer server;

    PartnerFeedStub(Duration slowDelay) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        file("/rss.xml", "rss.xml", "application/rss+xml; charset=UTF-8");
        file("/atom.xml", "atom.xml", "application/atom+xml");
        file("/malformed.xml", "malformed.xml", "application/rss+xml");
        file("/not-a-feed", "not-a-feed.html", "text/html; charset=UTF-8");
        server.createContext("/error", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(slowDelay.toMillis());
                respond(exchange.getResponseBody(), exchange, 200, read("rss.xml"), "application/rss+xml");
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            } catch (IOException ex) {
                // the client gave up waiting, as it should
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void file(String path, String resource, String contentType) {
        server.createContext(path, exchange -> {
            try (exchange) {
                respond(exchange.getResponseBody(), exchange, 200, read(resource), contentType);
            }
        });
    }

    private String read(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/partners/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{tag}}", tag);
        }
    }

    private static void respond(
            OutputStream out, com.sun.net.httpserver.HttpExchange exchange, int status, String body, String type)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        out.write(bytes);
        out.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
