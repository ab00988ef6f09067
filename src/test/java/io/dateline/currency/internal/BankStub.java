package io.dateline.currency.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Both banks on 127.0.0.1, serving the real sample files under the banks' own paths. Like the Bank
 * of Russia, {@code XML_daily.asp?date_req=} answers with the latest file on or before the date asked
 * for (so a weekend gets Friday's). A test can replace the answers to one path with a queue of
 * failures: an error status, a slow response, other bytes.
 */
final class BankStub {

    private static final DateTimeFormatter CBR_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private final HttpServer server;

    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "bank-stub");
        thread.setDaemon(true);
        return thread;
    });

    private final TreeMap<LocalDate, byte[]> cbrFiles = new TreeMap<>();

    private final Map<String, byte[]> ecbFiles = new ConcurrentHashMap<>();

    private final Map<String, Deque<Answer>> overrides = new ConcurrentHashMap<>();

    private final List<String> requests = new CopyOnWriteArrayList<>();

    private BankStub(HttpServer server) {
        this.server = server;
        for (String file : RateFiles.CBR_ALL) {
            cbrFiles.put(RateFiles.cbr(file).date(), RateFiles.bytes(file));
        }
        ecbFiles.put("eurofxref-daily.xml", RateFiles.bytes(RateFiles.ECB_DAILY_2025));
        ecbFiles.put("eurofxref-hist-90d.xml", RateFiles.bytes(RateFiles.ECB_90_DAYS));
        // the 90-day sample stands in for a slice of the full history: same layout, fewer days
        ecbFiles.put("eurofxref-hist.xml", RateFiles.bytes(RateFiles.ECB_90_DAYS));
    }

    static BankStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            BankStub stub = new BankStub(server);
            server.createContext("/", stub::handle);
            server.setExecutor(stub.threads);
            server.start();
            return stub;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    static String cbrPath(LocalDate date) {
        return "/cbr/scripts/XML_daily.asp?date_req=" + date.format(CBR_DATE);
    }

    static String ecbPath(EcbFile file) {
        return "/ecb/stats/eurofxref/" + file.fileName();
    }

    /** The next requests of {@code path} get these answers, one each; then the files again. */
    void answer(String path, Answer... answers) {
        overrides.put(path, new ArrayDeque<>(List.of(answers)));
    }

    /** The paths (with query) requested since the last reset, in order. */
    List<String> requests() {
        return new ArrayList<>(requests);
    }

    void reset() {
        overrides.clear();
        requests.clear();
    }

    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : "?" + exchange.getRequestURI().getRawQuery());
        requests.add(path);
        Deque<Answer> queued = overrides.get(path);
        Answer answer = queued != null && !queued.isEmpty() ? queued.poll() : fileFor(path);
        try {
            answer.send(exchange);
        } finally {
            exchange.close();
        }
    }

    private Answer fileFor(String path) {
        if (path.startsWith("/cbr/scripts/XML_daily.asp?date_req=")) {
            LocalDate date = LocalDate.parse(path.substring(path.indexOf('=') + 1), CBR_DATE);
            Map.Entry<LocalDate, byte[]> file = cbrFiles.floorEntry(date);
            return file == null ? Answer.cbr(emptyValCurs(date)) : Answer.cbr(file.getValue());
        }
        if (path.startsWith("/ecb/stats/eurofxref/")) {
            byte[] file = ecbFiles.get(path.substring("/ecb/stats/eurofxref/".length()));
            if (file != null) {
                return Answer.ok(file, "text/xml");
            }
        }
        return Answer.status(404);
    }

    static byte[] emptyValCurs(LocalDate date) {
        return ("<?xml version=\"1.0\" encoding=\"windows-1251\"?><ValCurs Date=\""
                        + date.format(DateTimeFormatter.ofPattern("dd.MM.uuuu"))
                        + "\" name=\"Foreign Currency Market\"></ValCurs>")
                .getBytes(WINDOWS_1251);
    }

    /** One way of answering a request. */
    interface Answer {

        void send(HttpExchange exchange) throws IOException;

        static Answer ok(byte[] body, String contentType) {
            return exchange -> {
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            };
        }

        static Answer cbr(byte[] body) {
            return ok(body, "application/xml; charset=windows-1251");
        }

        static Answer status(int status) {
            return exchange -> exchange.sendResponseHeaders(status, -1);
        }

        static Answer slow(Duration delay, byte[] body) {
            return exchange -> {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
                cbr(body).send(exchange);
            };
        }
    }
}
