package io.dateline.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Carries {@link PublicPagesChanged} to every instance of the cluster through PostgreSQL's
 * LISTEN/NOTIFY on the primary, so that an edit on one instance evicts pages and in-memory tables
 * on all of them within a second, with no infrastructure beyond the database.
 *
 * <p>Sending: a local event becomes {@code pg_notify} on the writer's own transaction, so the
 * notification is delivered exactly when the change commits and never for a rolled-back one. An
 * event raised outside a transaction is notified at once. Receiving: a dedicated connection outside
 * the pool LISTENs and polls on a daemon thread; a notification from another instance is published
 * here as the same local event, and one from this instance (recognised by its id) is ignored.
 * When the connection drops it reconnects with back-off and then evicts every scope, because
 * notifications sent while it was away are lost.
 */
@Component
@ConditionalOnBooleanProperty(name = "dateline.cluster.evictions.enabled", matchIfMissing = true)
public class ClusterEvictions implements SmartLifecycle {

    /** A channel name is spliced into {@code LISTEN}, so it must be a plain lower-case identifier. */
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private static final Logger log = LoggerFactory.getLogger(ClusterEvictions.class);

    /** Short, so that the thread notices a stop and a dead connection quickly. */
    private static final int POLL_MILLIS = 250;

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    /** A database that does not answer this fast at start-up is retried without holding the start. */
    private static final Duration FIRST_LISTEN_WAIT = Duration.ofSeconds(10);

    /** Set while a received notification is published locally, so that it is not sent back out. */
    private static final ThreadLocal<Boolean> RELAYING = ThreadLocal.withInitial(() -> false);

    private final String instanceId = UUID.randomUUID().toString();

    private final String channel;

    private final JdbcClient jdbc;

    private final JdbcConnectionDetails primary;

    private final ApplicationEventPublisher events;

    private volatile boolean running;

    private volatile Connection listening;

    private Thread listener;

    /** Counted down by the first LISTEN, so that a started instance does not miss early changes. */
    private final CountDownLatch listeningOnce = new CountDownLatch(1);

    ClusterEvictions(
            DataSource dataSource,
            JdbcConnectionDetails primary,
            ApplicationEventPublisher events,
            @Value("${dateline.cluster.evictions.channel:dateline_cache}") String channel) {
        if (!CHANNEL_NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException(
                    "dateline.cluster.evictions.channel must be a lower-case identifier, not " + channel);
        }
        this.channel = channel;
        this.jdbc = JdbcClient.create(dataSource);
        this.primary = primary;
        this.events = events;
    }

    /** True while this thread publishes a change that another instance made (and announced). */
    public static boolean isRelayed() {
        return RELAYING.get();
    }

    /**
     * Runs inside the writer's transaction (a plain listener, not a transactional one): an exception
     * here rolls the write back rather than leaving the other instances with stale pages.
     */
    @EventListener
    void announce(PublicPagesChanged change) {
        if (isRelayed()) {
            return;
        }
        String payload = instanceId + " " + change.scope().name();
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            notify(payload);
            return;
        }
        try {
            notify(payload);
        } catch (RuntimeException ex) {
            log.warn("Could not tell other instances about a {} change; they evict on max-age", change.scope(), ex);
        }
    }

    private void notify(String payload) {
        jdbc.sql("select pg_notify(?, ?)").params(channel, payload).query().singleValue();
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "cluster-evictions");
        listener.setDaemon(true);
        listener.start();
        try {
            if (!listeningOnce.await(FIRST_LISTEN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Not yet listening for other instances' changes; still trying in the background");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        closeQuietly(listening);
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Duration backoff = FIRST_BACKOFF;
        boolean reconnecting = false;
        while (running) {
            try (Connection connection =
                    DriverManager.getConnection(primary.getJdbcUrl(), primary.getUsername(), primary.getPassword())) {
                listening = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                listeningOnce.countDown();
                if (reconnecting) {
                    log.info("Listening for other instances' changes again; evicting everything once");
                    Stream.of(PublicPagesChanged.Scope.values()).forEach(scope -> relay(new PublicPagesChanged(scope)));
                }
                backoff = FIRST_BACKOFF;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            received(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException ex) {
                if (!running) {
                    return;
                }
                log.warn("Lost the connection that listens for other instances' changes; retrying in {}", backoff, ex);
                reconnecting = true;
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                listening = null;
            }
        }
    }

    private void received(String payload) {
        String[] parts = payload.split(" ", 2);
        if (parts.length != 2 || parts[0].equals(instanceId)) {
            return;
        }
        try {
            relay(new PublicPagesChanged(PublicPagesChanged.Scope.valueOf(parts[1])));
        } catch (IllegalArgumentException ex) {
            log.warn("Ignoring an unknown change scope from another instance: {}", parts[1]);
        }
    }

    private void relay(PublicPagesChanged change) {
        RELAYING.set(true);
        try {
            events.publishEvent(change);
        } catch (RuntimeException ex) {
            log.warn("A listener failed on another instance's {} change", change.scope(), ex);
        } finally {
            RELAYING.remove();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ex) {
            log.debug("Closing the listening connection failed", ex);
        }
    }
}
