package io.dateline.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * A seeded generator of malformed and hostile requests against the application's endpoints: the same
 * seed gives the same sequence, so that a failure can be replayed. Nothing it generates contains the
 * words the campaign looks for in answers (class names, SQL keywords in capitals), so that an echo of
 * the input can never pass for a leak.
 */
final class HostileRequests {

    /** One request, exactly as it goes on the wire. {@code raw} when only a socket can send it. */
    record Probe(
            String kind,
            String method,
            String target,
            List<Map.Entry<String, String>> headers,
            byte[] body,
            boolean raw) {

        String describe() {
            StringBuilder text = new StringBuilder(kind)
                    .append(": ")
                    .append(method)
                    .append(' ')
                    .append(escape(target, 300));
            for (Map.Entry<String, String> header : headers) {
                text.append(" | ")
                        .append(escape(header.getKey(), 60))
                        .append(": ")
                        .append(escape(header.getValue(), 120));
            }
            if (body.length > 0) {
                text.append(" | body (")
                        .append(body.length)
                        .append(" bytes): ")
                        .append(escape(
                                new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1), 200));
            }
            return text.toString();
        }

        boolean unsafe() {
            return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
        }
    }

    /** Values that make the generated paths point at real resources, so that requests reach handlers. */
    record Targets(
            String topic, long publishedId, String publishedSlug, long draftId, long partnerId, long headlineId) {}

    /** Bearer tokens to send; {@code null} entries mean "no Authorization header". */
    record Callers(String reader, String editor, String admin) {}

    private static final List<String> FIELDS = List.of(
            "headline",
            "lead",
            "body",
            "pages",
            "topics",
            "primaryTopic",
            "dateline",
            "source",
            "byline",
            "language",
            "timeZone",
            "externalLinks",
            "relatedArticleIds",
            "publishAt",
            "name",
            "slug",
            "description",
            "parent",
            "position",
            "role",
            "expiresAt",
            "filterEnabled",
            "followedTopics",
            "mutedTopics",
            "languages",
            "partnerId",
            "title",
            "url",
            "publishedAt",
            "topic",
            "homepage",
            "feedUrl",
            "from",
            "to",
            "id",
            "version",
            "status",
            "createdAt",
            "revisions");

    private static final List<String> HUGE_NUMBERS = List.of(
            "1e400",
            "-1e400",
            "1e-400",
            "1180591620717411303424",
            "-1180591620717411303424",
            "9223372036854775808",
            "-9223372036854775809",
            "2147483648",
            "-2147483649",
            "0.1e999999999",
            "1" + "0".repeat(1000),
            "123456789.123456789e123456789",
            "-0",
            "0e0",
            "1E+2147483648");

    private static final List<String> QUERY_NUMBERS = List.of(
            "1e400",
            "1180591620717411303424",
            "-1",
            "0",
            "9223372036854775808",
            "NaN",
            "Infinity",
            "-Infinity",
            "0x10",
            "1.5",
            "%2B1",
            "1%00",
            "",
            "99999999999999999999999999999",
            "-0");

    private static final List<String> BROKEN_JSON = List.of(
            "{",
            "}",
            "[",
            "{\"headline\":",
            "{\"a\":1,}",
            "[1,2",
            "{'name':'x'}",
            "{\"a\":NaN}",
            "{\"a\":1}garbage",
            "{\"a\":\"\\x\"}",
            "/* c */{}",
            "{\"a\":\"unterminated",
            "nul",
            "tru",
            "",
            " ",
            "{\"a\":1}{\"a\":2}",
            "\uFEFF{}",
            "{\"a\":-}",
            "{\"a\":01}",
            "{\"a\":.5}",
            "{\"a\" 1}",
            "{,}",
            "[,]",
            "{\"a\":[}",
            "\"string\"",
            "42",
            "null",
            "true",
            "{\"name\":\"x\",\"name\":\"y\"}",
            "{\"a\":\"\\uD800\"}",
            "{\"a\":\"\\u00\"}",
            "{\"a\":1e}",
            "{\"a\":--1}",
            "{\"a\":+1}",
            "{\"a\":Infinity}",
            "{a:1}",
            "{\"a\":'b'}",
            "{\"\\u0000\":1}");

    private static final List<String> HOSTILE_STRINGS = List.of(
            "\u0000",
            "a\u0000b",
            "\ud800",
            "\udfff",
            "\u202e\u0000",
            "\u0007\u0008\u001b[31m",
            "\r\nX-Injected: 1",
            "<script>alert(1)</script>",
            "' or 1=1 --",
            "'); drop table article; --",
            "%00",
            "../../etc/passwd",
            "\\u0000",
            "😀".repeat(50),
            "x".repeat(70_000),
            " ",
            "",
            "\t",
            "\uFFFF",
            "\uFFFE",
            "${jndi:ldap://127.0.0.1:9/a}",
            "{{7*7}}",
            "#{7*7}",
            "0",
            "-1",
            "1e400",
            "true",
            "null",
            "[]",
            "{}",
            "а".repeat(300),
            "ß\u0301\u0301\u0301");

    private static final List<String> PATH_TRICKS = List.of(
            "/../",
            "/%2e%2e/",
            "/%2E%2E%2F",
            "//",
            "/%2f",
            "/%2F%2F",
            "/%c0%af",
            "/%c0%ae%c0%ae/",
            "/./",
            "/;",
            "/..;/",
            "/;x=1/",
            "\\",
            "/%5c",
            "/%00",
            "/%252e%252e/",
            "/.%2e/",
            "/%e0%80%af",
            "/%ff",
            "/%",
            "/%zz",
            "/%u002e",
            "/.;/",
            "/%09",
            "/%20",
            "/..%00/",
            "/%c1%9c",
            "/%f0%80%80%af");

    private static final List<String> PATH_VALUES = List.of(
            "%00",
            "..%2f..%2f",
            "1180591620717411303424",
            "-1",
            "0",
            "1e400",
            "%c0%ae%c0%ae",
            "a".repeat(5000),
            "%ff%fe",
            "%D1%82%D0%B5%D1%81%D1%82",
            "%F0%9F%92%A9",
            "9223372036854775808",
            "..",
            ".",
            "%2e",
            "x%0ay",
            "not-a-uuid",
            "00000000-0000-0000-0000-000000000000",
            "%7B%7D",
            "1;2",
            "1.0",
            "+1",
            " 1");

    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "application/json; charset=bogus",
            "application/json; charset=utf-16",
            "application/json; charset=\"",
            "application/json;;",
            "*/*",
            "application/merge-patch+json",
            "application/json-patch+json",
            "garbage",
            "application/",
            "/json",
            "application/json; boundary=x; q=1",
            "text/html",
            "application/octet-stream",
            "application/json; charset=iso-8859-1",
            "application/json; charset=x-user-defined",
            "application/problem+json");

    private static final List<String> ACCEPTS = List.of(
            "*/*;q=x",
            "application/json;q=2",
            "text/html",
            "application/ninjs+json;version=9",
            "garbage",
            "",
            "application/*",
            "*/json",
            "image/png",
            "application/xml",
            "text/event-stream",
            "application/json, */*;q=-1",
            ";;;",
            "application/json;charset=bogus",
            "application/yaml",
            "application/vnd.oai.openapi");

    private static final List<String> CONDITIONALS = List.of(
            "W/\"",
            "*",
            "\"".repeat(1000),
            "garbage",
            "\"1\", garbage, W/",
            "W/\"x\"",
            "\"\"",
            "\"\u00ff\"",
            ",,,,",
            "\"1-1\"",
            "\"9223372036854775808-1\"",
            "W/\"1180591620717411303424\"");

    private static final List<String> RANGES = List.of(
            "bytes=0-0,-1",
            "bytes=999999999999999999999-",
            "garbage",
            "bytes=-",
            "bytes=5-1",
            "items=0-10",
            "bytes=" + "0-1,".repeat(500) + "0-1");

    private static final List<String> AUTHORIZATIONS = List.of(
            "Bearer",
            "Bearer ",
            "Bearer  x",
            "Bearer a.b.c",
            "Bearer eyJhbGciOiJub25lIn0.e30.",
            "Basic Zm9vOmJhcg==",
            "Bearer " + "x".repeat(9000),
            "Bearer dl_0000000000000000000000000000000000000000000",
            "bearer dl_x",
            "Bearer eyJhbGciOiJIUzI1NiJ9.eyJyb2xlcyI6WyJBRE1JTiJdfQ.x",
            "Bearer ..",
            "Bearer \u00ff",
            "Negotiate x",
            "Bearer a.b.c.d.e",
            "Bearer %00");

    private final Random random;

    private final List<Endpoints.Endpoint> endpoints;

    private final Targets targets;

    private final Callers callers;

    HostileRequests(long seed, List<Endpoints.Endpoint> endpoints, Targets targets, Callers callers) {
        this.random = new Random(seed);
        this.endpoints = endpoints;
        this.targets = targets;
        this.callers = callers;
    }

    private final List<Function<Endpoints.Endpoint, Probe>> kinds = List.of(
            this::brokenJson,
            this::deepNesting,
            this::hugeNumbers,
            this::hostileStrings,
            this::invalidUtf8,
            this::controlCharacters,
            this::pathTricks,
            this::hostilePathValues,
            this::headerAbuse,
            this::wrongContentType,
            this::hostileQuery,
            this::wrongMethod,
            this::oversized);

    /** The kinds by weight: the cheap, varied ones often, the heavy ones (multi-megabyte bodies) rarely. */
    private static final int[] WEIGHTS = {10, 4, 10, 10, 8, 8, 8, 8, 12, 8, 12, 4, 1};

    Probe next() {
        Endpoints.Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
        int total = 0;
        for (int weight : WEIGHTS) {
            total += weight;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < WEIGHTS.length; i++) {
            pick -= WEIGHTS[i];
            if (pick < 0) {
                return kinds.get(i).apply(endpoint);
            }
        }
        throw new IllegalStateException("weights");
    }

    private Probe brokenJson(Endpoints.Endpoint endpoint) {
        String body = one(BROKEN_JSON);
        return json("broken JSON", endpoint, body.getBytes(StandardCharsets.UTF_8));
    }

    private Probe deepNesting(Endpoints.Endpoint endpoint) {
        int depth = one(List.of(1_000, 5_000, 10_000, 50_000));
        String body = switch (random.nextInt(3)) {
            case 0 -> "[".repeat(depth) + "]".repeat(depth);
            case 1 -> "{\"" + one(FIELDS) + "\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}";
            default -> "{\"" + one(FIELDS) + "\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        };
        return json("deep nesting " + depth, endpoint, body.getBytes(StandardCharsets.UTF_8));
    }

    private Probe hugeNumbers(Endpoints.Endpoint endpoint) {
        StringBuilder body = new StringBuilder("{");
        int fields = 1 + random.nextInt(4);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                body.append(',');
            }
            String value = one(HUGE_NUMBERS);
            body.append('"').append(one(FIELDS)).append("\":").append(random.nextBoolean() ? value : "[" + value + "]");
        }
        body.append('}');
        if (random.nextBoolean()) {
            return json("huge numbers in the body", endpoint, body.toString().getBytes(StandardCharsets.UTF_8));
        }
        String query = one(List.of("limit", "page", "amount", "id", "version", "position", "purge")) + "="
                + one(QUERY_NUMBERS);
        return probe(
                "huge numbers in the query",
                endpoint,
                methodOf(endpoint),
                withQuery(path(endpoint), query),
                List.of(),
                new byte[0],
                false);
    }

    private Probe hostileStrings(Endpoints.Endpoint endpoint) {
        StringBuilder body = new StringBuilder("{");
        int fields = 1 + random.nextInt(5);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                body.append(',');
            }
            String value = quote(one(HOSTILE_STRINGS));
            body.append(quote(one(FIELDS))).append(':').append(random.nextInt(4) == 0 ? "[" + value + "]" : value);
        }
        body.append('}');
        return json("hostile strings", endpoint, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Probe invalidUtf8(Endpoints.Endpoint endpoint) {
        byte[][] sequences = {
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xFF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0x80},
            {(byte) 0xFE, (byte) 0xFF}
        };
        byte[] bad = sequences[random.nextInt(sequences.length)];
        return switch (random.nextInt(3)) {
            case 0 -> {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.writeBytes(("{\"" + one(FIELDS) + "\":\"").getBytes(StandardCharsets.UTF_8));
                body.writeBytes(bad);
                body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
                yield json("invalid UTF-8 in the body", endpoint, body.toByteArray());
            }
            case 1 ->
                probe(
                        "invalid UTF-8 in the query",
                        endpoint,
                        methodOf(endpoint),
                        withQuery(path(endpoint), "q=" + new String(bad, StandardCharsets.ISO_8859_1)),
                        List.of(),
                        new byte[0],
                        true);
            default ->
                probe(
                        "invalid UTF-8 in the path",
                        endpoint,
                        methodOf(endpoint),
                        path(endpoint) + new String(bad, StandardCharsets.ISO_8859_1),
                        List.of(),
                        new byte[0],
                        true);
        };
    }

    private Probe controlCharacters(Endpoints.Endpoint endpoint) {
        String control = one(List.of("\u0000", "\u0001", "\u0008", "\u000b", "\u001f", "\u007f", "\r", "\t", "\u0085"));
        String encoded = "%" + String.format("%02X", (int) control.charAt(0) & 0xFF);
        return switch (random.nextInt(5)) {
            case 0 ->
                probe(
                        "control character in the path",
                        endpoint,
                        methodOf(endpoint),
                        path(endpoint) + control,
                        List.of(),
                        new byte[0],
                        true);
            case 1 ->
                probe(
                        "encoded control character in the path",
                        endpoint,
                        methodOf(endpoint),
                        path(endpoint) + encoded,
                        List.of(),
                        new byte[0],
                        false);
            case 2 ->
                probe(
                        "encoded control character in the query",
                        endpoint,
                        methodOf(endpoint),
                        withQuery(
                                path(endpoint),
                                one(List.of("q", "topic", "cursor", "source", "from", "reassignTo", "format", "view"))
                                        + "=a" + encoded),
                        List.of(),
                        new byte[0],
                        false);
            case 3 ->
                probe(
                        "control character in a header",
                        endpoint,
                        methodOf(endpoint),
                        path(endpoint),
                        List.of(Map.entry(
                                one(List.of(
                                        "X-Request-Id",
                                        "Accept",
                                        "If-Match",
                                        "Idempotency-Key",
                                        "Authorization",
                                        "X-Forwarded-For")),
                                "a" + control + "b")),
                        new byte[0],
                        true);
            default ->
                json(
                        "control characters in the body",
                        endpoint,
                        ("{\"" + one(FIELDS) + "\":\"a" + control + "b\"}").getBytes(StandardCharsets.UTF_8));
        };
    }

    private Probe pathTricks(Endpoints.Endpoint endpoint) {
        String path = path(endpoint);
        String trick = one(PATH_TRICKS);
        int cut = path.lastIndexOf('/');
        String target = switch (random.nextInt(4)) {
            case 0 -> path + trick;
            case 1 -> path.substring(0, cut) + trick + path.substring(cut + 1);
            case 2 -> trick + path.substring(1);
            default -> path + trick + "..%2f..%2factuator%2fenv";
        };
        boolean raw = target.contains("\\") || target.contains("%u") || target.matches(".*%(?![0-9a-fA-F]{2}).*");
        return probe("path trick", endpoint, methodOf(endpoint), target, List.of(), new byte[0], raw);
    }

    private Probe hostilePathValues(Endpoints.Endpoint endpoint) {
        String value = one(PATH_VALUES);
        String target = endpoint.pattern().contains("{")
                ? endpoint.pattern().replaceAll("\\{[^}]+}", value).replace("**", value)
                : path(endpoint) + "/" + value;
        return probe(
                "hostile path value",
                endpoint,
                methodOf(endpoint),
                target,
                List.of(),
                bodyFor(endpoint),
                target.contains(" "));
    }

    private Probe headerAbuse(Endpoints.Endpoint endpoint) {
        String path = path(endpoint);
        String method = methodOf(endpoint);
        byte[] body = bodyFor(endpoint);
        return switch (random.nextInt(14)) {
            case 0 ->
                probe(
                        "huge header",
                        endpoint,
                        method,
                        path,
                        List.of(Map.entry("X-Padding", "p".repeat(one(List.of(9_000, 20_000, 70_000))))),
                        body,
                        false);
            case 1 -> {
                List<Map.Entry<String, String>> many = new ArrayList<>();
                for (int i = 0; i < 150; i++) {
                    many.add(Map.entry("X-Many-" + i, "v".repeat(50)));
                }
                yield probe("many headers", endpoint, method, path, many, body, false);
            }
            case 2 ->
                probe(
                        "duplicate Content-Length",
                        endpoint,
                        method,
                        path,
                        List.of(
                                Map.entry("Content-Length", String.valueOf(body.length)),
                                Map.entry("Content-Length", String.valueOf(body.length + 1))),
                        body,
                        true);
            case 3 ->
                probe(
                        "Content-Length and Transfer-Encoding",
                        endpoint,
                        method,
                        path,
                        List.of(
                                Map.entry("Content-Length", String.valueOf(body.length)),
                                Map.entry("Transfer-Encoding", "chunked")),
                        body,
                        true);
            case 4 ->
                probe(
                        "bogus Transfer-Encoding",
                        endpoint,
                        method,
                        path,
                        List.of(Map.entry(
                                "Transfer-Encoding",
                                one(List.of("chunked, gzip", "xchunked", "chunked, chunked", "identity", "gzip")))),
                        body,
                        true);
            case 5 ->
                probe(
                        "broken chunked body",
                        endpoint,
                        method,
                        path,
                        List.of(
                                Map.entry("Transfer-Encoding", "chunked"),
                                Map.entry("Content-Type", "application/json")),
                        one(List.of(
                                        "zz\r\n{}\r\n0\r\n\r\n",
                                        "5\r\n{}\r\n0\r\n\r\n",
                                        "ffffffffffffffffff\r\n{}\r\n0\r\n\r\n",
                                        "2;x=" + "y".repeat(9000) + "\r\n{}\r\n0\r\n\r\n",
                                        "-1\r\n\r\n"))
                                .getBytes(StandardCharsets.ISO_8859_1),
                        true);
            case 6 ->
                probe(
                        "duplicate Content-Type",
                        endpoint,
                        method,
                        path,
                        List.of(
                                Map.entry("Content-Type", "application/json"),
                                Map.entry("Content-Type", one(CONTENT_TYPES))),
                        body,
                        true);
            case 7 ->
                probe("bogus Accept", endpoint, method, path, List.of(Map.entry("Accept", one(ACCEPTS))), body, false);
            case 8 -> probe("Range", endpoint, method, path, List.of(Map.entry("Range", one(RANGES))), body, false);
            case 9 ->
                probe(
                        "conditional garbage",
                        endpoint,
                        method,
                        path,
                        List.of(Map.entry(
                                one(List.of(
                                        "If-Match",
                                        "If-None-Match",
                                        "If-Modified-Since",
                                        "If-Unmodified-Since",
                                        "If-Range")),
                                one(CONDITIONALS))),
                        body,
                        false);
            case 10 ->
                probe(
                        "Authorization garbage",
                        endpoint,
                        method,
                        path,
                        List.of(Map.entry("Authorization", one(AUTHORIZATIONS))),
                        body,
                        false);
            case 11 ->
                probe(
                        "Idempotency-Key garbage",
                        endpoint,
                        method,
                        path,
                        List.of(Map.entry(
                                "Idempotency-Key",
                                one(List.of("k".repeat(201), " ", "\u00ff", "a b", "", "k".repeat(5000))))),
                        body,
                        false);
            case 12 ->
                probe(
                        "Host garbage",
                        endpoint,
                        method,
                        path,
                        List.of(Map.entry(
                                "Host",
                                one(List.of(
                                        "", "a b", "evil.example:99999", "[::1", "127.0.0.1:-1", "x".repeat(3000))))),
                        body,
                        true);
            default ->
                probe(
                        "Content-Encoding lie",
                        endpoint,
                        method,
                        path,
                        List.of(
                                Map.entry("Content-Encoding", one(List.of("gzip", "br", "deflate", "garbage"))),
                                Map.entry("Content-Type", "application/json")),
                        body,
                        false);
        };
    }

    private Probe wrongContentType(Endpoints.Endpoint endpoint) {
        byte[] body = bodyFor(endpoint);
        return probe(
                "wrong content type",
                endpoint,
                methodOf(endpoint),
                path(endpoint),
                List.of(Map.entry("Content-Type", one(CONTENT_TYPES))),
                body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body,
                false);
    }

    private Probe hostileQuery(Endpoints.Endpoint endpoint) {
        String path = path(endpoint);
        String query = switch (random.nextInt(6)) {
            case 0 -> "topic=a&".repeat(1000) + "q=x";
            case 1 -> "q=" + "x".repeat(one(List.of(300, 9_000, 70_000)));
            case 2 ->
                one(List.of(
                        "since=2024-13-45T00:00:00Z",
                        "since=9999999-01-01T00:00:00Z",
                        "until=-999999999-01-01T00:00:00Z",
                        "date=2023-02-30",
                        "from=0000-00-00",
                        "to=+999999999-12-31",
                        "since=2024-01-01T00:00:00%2B99:00"));
            case 3 ->
                one(List.of(
                        "cursor=" + "A".repeat(600),
                        "cursor=..",
                        "cursor=%00",
                        "cursor=eyJ9.eyJ9",
                        "sort=x",
                        "status=garbage",
                        "format=ninjs&view=editor",
                        "view=editor2",
                        "purge=maybe",
                        "filter=maybe",
                        "language=xyz",
                        "base=XX%00",
                        "source=cbr%00",
                        "from=USD&to=RUB&amount=1e400",
                        "from=USD&to=RUB&amount=-0.0000000000001",
                        "from=%00&to=%00&amount=1",
                        "reassignTo=%2e%2e",
                        "q=%22%22%22%22&sort=relevance",
                        "q=-&sort=date",
                        "q=%28%29%21%3A%2A%26%7C",
                        "q=a%20or%20or%20or",
                        "q=%5C"));
            case 4 ->
                one(List.of(
                        "%",
                        "%zz", "a=%", "=", "&&&&", "a[b]=c", "a.b.c=d", "class.module.classLoader=x", "q", "q=&q=&q="));
            default -> one(List.of("limit", "page", "amount", "position")) + "=" + one(QUERY_NUMBERS);
        };
        boolean raw = query.matches(".*%(?![0-9a-fA-F]{2}).*") || query.contains("[");
        return probe(
                "hostile query", endpoint, methodOf(endpoint), withQuery(path, query), List.of(), new byte[0], raw);
    }

    private Probe wrongMethod(Endpoints.Endpoint endpoint) {
        String method = one(List.of(
                "TRACE",
                "PROPFIND",
                "CONNECT",
                "get",
                "PATCH",
                "PUT",
                "DELETE",
                "POST",
                "HEAD",
                "OPTIONS",
                "X".repeat(300),
                "MKCOL",
                "BREW"));
        boolean raw = method.equals("CONNECT") || method.equals("get") || method.length() > 20;
        return probe("other method", endpoint, method, path(endpoint), List.of(), bodyFor(endpoint), raw);
    }

    private Probe oversized(Endpoints.Endpoint endpoint) {
        String method = methodOf(endpoint);
        if (random.nextBoolean()) {
            // only the declared length is huge: the server must refuse without waiting for the rest
            return probe(
                    "declared oversized body",
                    endpoint,
                    method,
                    path(endpoint),
                    List.of(
                            Map.entry("Content-Length", one(List.of("2097153", "99999999999", "9223372036854775807"))),
                            Map.entry("Content-Type", "application/json")),
                    "{".getBytes(StandardCharsets.UTF_8),
                    true);
        }
        byte[] body = new byte[2 * 1024 * 1024 + 1 + random.nextInt(1024)];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[body.length - 1] = ']';
        boolean chunked = random.nextBoolean();
        List<Map.Entry<String, String>> headers = chunked
                ? List.of(Map.entry("Content-Type", "application/json"), Map.entry("Transfer-Encoding", "chunked"))
                : List.of(Map.entry("Content-Type", "application/json"));
        return probe(
                chunked ? "oversized chunked body" : "oversized body",
                endpoint,
                method,
                path(endpoint),
                headers,
                chunked ? chunk(body) : body,
                true);
    }

    private Probe json(String kind, Endpoints.Endpoint endpoint, byte[] body) {
        String type = endpoint.method() != null && endpoint.method().name().equals("PATCH") && random.nextBoolean()
                ? "application/merge-patch+json"
                : "application/json";
        return probe(
                kind,
                endpoint,
                methodOf(endpoint),
                path(endpoint),
                List.of(Map.entry("Content-Type", type)),
                body,
                false);
    }

    private Probe probe(
            String kind,
            Endpoints.Endpoint endpoint,
            String method,
            String target,
            List<Map.Entry<String, String>> headers,
            byte[] body,
            boolean raw) {
        List<Map.Entry<String, String>> all = new ArrayList<>(headers);
        String token = switch (random.nextInt(10)) {
            case 0, 1, 2 -> null;
            case 3 -> callers.reader();
            case 4, 5, 6 -> callers.editor();
            default -> callers.admin();
        };
        boolean hasAuthorization =
                headers.stream().anyMatch(header -> header.getKey().equalsIgnoreCase("Authorization"));
        if (token != null && !hasAuthorization) {
            all.add(Map.entry("Authorization", "Bearer " + token));
        }
        return new Probe(kind + " @ " + endpoint.key(), method, target, all, body, raw);
    }

    /** The endpoint's path with plausible values in its variables. */
    private String path(Endpoints.Endpoint endpoint) {
        String pattern = endpoint.pattern();
        String path = pattern.replace("/**", "/" + one(List.of("liveness", "readiness", "db", "x")))
                .replace(
                        "{idOrSlug}",
                        random.nextBoolean() ? targets.publishedSlug() : String.valueOf(targets.publishedId()))
                .replace("{slug}", targets.topic())
                .replace("{code}", one(List.of("USD", "EUR", "usd", "XXX")))
                .replace("{version}", one(List.of("1", "2", "99")));
        if (path.contains("{id}")) {
            String id;
            if (pattern.startsWith("/api/v1/newsroom/partners")) {
                id = String.valueOf(targets.partnerId());
            } else if (pattern.startsWith("/api/v1/partner-news")) {
                id = String.valueOf(targets.headlineId());
            } else if (pattern.startsWith("/api/v1/admin/tokens")) {
                // never a real token's id: a refused revocation must be provable, an accepted one is not the point
                id = "00000000-0000-4000-8000-" + String.format("%012d", random.nextInt(1_000_000));
            } else {
                id = String.valueOf(random.nextBoolean() ? targets.draftId() : targets.publishedId());
            }
            path = path.replace("{id}", id);
        }
        return path;
    }

    private String methodOf(Endpoints.Endpoint endpoint) {
        return endpoint.method() == null
                ? one(List.of("GET", "POST", "DELETE"))
                : endpoint.method().name();
    }

    private byte[] bodyFor(Endpoints.Endpoint endpoint) {
        String method = methodOf(endpoint);
        if (method.equals("GET") || method.equals("DELETE")) {
            return new byte[0];
        }
        return one(BROKEN_JSON).getBytes(StandardCharsets.UTF_8);
    }

    private static String withQuery(String path, String query) {
        return path + (path.contains("?") ? "&" : "?") + query;
    }

    private static byte[] chunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 1024);
        int size = 64 * 1024;
        for (int offset = 0; offset < body.length; offset += size) {
            int length = Math.min(size, body.length - offset);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, offset, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private <T> T one(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String escape(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return text.length() > max ? out + "...(" + text.length() + ")" : out.toString();
    }
}
