package io.dateline.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for the requests that {@link java.net.http.HttpClient} refuses to
 * send: raw bytes in the request line, control characters in headers, duplicate framing headers.
 * One connection per request ({@code Connection: close}), so the answer ends where the stream ends.
 */
final class RawHttp {

    /** A status of -1 means the server closed the connection without answering. */
    record Answer(int status, String contentType, String body) {}

    private RawHttp() {}

    static Answer send(int port, HostileRequests.Probe probe, int timeoutMillis) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(
                (probe.method() + " " + probe.target() + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
        boolean host = false;
        boolean framing = false;
        for (Map.Entry<String, String> header : probe.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            host |= name.equals("host");
            framing |= name.equals("content-length") || name.equals("transfer-encoding");
            request.writeBytes((header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!host) {
            request.writeBytes(("Host: 127.0.0.1:" + port + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        if (!framing && probe.body().length > 0) {
            request.writeBytes(
                    ("Content-Length: " + probe.body().length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        request.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(probe.body());

        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toByteArray());
                out.flush();
                // nothing more will come: a server that waits for the rest of a lying body sees the end at once
                socket.shutdownOutput();
            } catch (IOException refusedMidway) {
                // the server may answer (413) and close before the whole body is sent: read what it said
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                response.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException | java.net.SocketException ended) {
            if (response.size() == 0 && ended instanceof SocketTimeoutException) {
                throw ended;
            }
            // a reset after the answer was written: keep what arrived
        }
        return response.toByteArray();
    }

    private static Answer parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/1.1 ")) {
            return new Answer(-1, null, text);
        }
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        int status = Integer.parseInt(head.substring(9, 12));
        String contentType = null;
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Content-Type")) {
                contentType = line.substring(colon + 1).strip();
            }
        }
        return new Answer(status, contentType, body);
    }
}
