package io.dateline.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;

/**
 * One streaming replica: its pool, and whether reads may go to it. Lag is measured against the
 * primary's WAL position rather than {@code now() - pg_last_xact_replay_timestamp()}, which grows
 * without bound on an idle primary and jumps to the whole idle time the moment a new commit is
 * received: each check records the primary's current LSN with the time it was seen, and the lag is
 * the age of the oldest recorded position the replica has not replayed yet (0 once it has replayed
 * everything the primary had written), so the lag is accurate to one check interval.
 */
final class Replica {

    enum State {
        /** Caught up within the maximum lag: reads may go here. */
        IN_ROTATION,
        /** Reachable but too far behind; reads go to the primary until it catches up. */
        LAGGING,
        /** Unreachable, or not a standby at all. */
        DOWN
    }

    /** Bounds the memory of a replica that stays behind for a long time (a day of checks at 1 s). */
    private static final int MAX_SAMPLES = 86_400;

    private record Sample(Instant at, long lsn) {}

    private final String name;

    private final String url;

    private final HikariDataSource pool;

    /** The pool as reads borrow from it: with the statement and socket limits of their class. */
    private final DataSource reads;

    private final Deque<Sample> unreplayed = new ArrayDeque<>();

    private volatile State state = State.DOWN;

    private volatile Duration lag;

    private volatile String problem = "not checked yet";

    Replica(String name, String url, HikariDataSource pool, DataSource reads) {
        this.name = name;
        this.url = url;
        this.pool = pool;
        this.reads = reads;
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    HikariDataSource pool() {
        return pool;
    }

    DataSource reads() {
        return reads;
    }

    State state() {
        return state;
    }

    /** Null while the replica is down or was never measured. */
    Duration lag() {
        return lag;
    }

    String problem() {
        return problem;
    }

    boolean inRotation() {
        return state == State.IN_ROTATION;
    }

    /**
     * Measures the replica against the primary's WAL position {@code primaryLsn}, read just before.
     * Runs on the checker thread only.
     */
    void check(long primaryLsn, Instant now, Duration maxLag) {
        long replayed;
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "select pg_is_in_recovery(), (pg_last_wal_replay_lsn() - '0/0')::bigint")) {
            row.next();
            if (!row.getBoolean(1)) {
                markDown("not a standby: pg_is_in_recovery() is false");
                return;
            }
            replayed = row.getLong(2);
        } catch (SQLException | RuntimeException ex) {
            markDown(ex.getMessage());
            return;
        }
        if (unreplayed.size() == MAX_SAMPLES) {
            unreplayed.removeLast();
        }
        if (unreplayed.isEmpty() || unreplayed.peekLast().lsn() < primaryLsn) {
            unreplayed.addLast(new Sample(now, primaryLsn));
        }
        while (!unreplayed.isEmpty() && unreplayed.peekFirst().lsn() <= replayed) {
            unreplayed.removeFirst();
        }
        Duration behind = unreplayed.isEmpty()
                ? Duration.ZERO
                : Duration.between(unreplayed.peekFirst().at(), now);
        lag = behind;
        problem = null;
        state = behind.compareTo(maxLag) > 0 ? State.LAGGING : State.IN_ROTATION;
    }

    /** Also called by a reader whose connection attempt failed, so that the next read skips it. */
    void markDown(String reason) {
        state = State.DOWN;
        lag = null;
        problem = reason;
    }
}
