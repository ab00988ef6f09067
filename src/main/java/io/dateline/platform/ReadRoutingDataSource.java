package io.dateline.platform;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The application's DataSource when replicas are configured: a lazy proxy, so that a transaction
 * borrows from the routing only at its first statement, when Spring has published whether it is
 * read-only (a transaction manager opens its connection before it does that).
 */
final class ReadRoutingDataSource extends LazyConnectionDataSourceProxy implements AutoCloseable {

    private final DataSource primary;

    private final ReplicaRouting routing;

    ReadRoutingDataSource(DataSource primary, ReplicaRouting routing) {
        super(routing);
        this.primary = primary;
        this.routing = routing;
    }

    ReplicaRouting routing() {
        return routing;
    }

    /** The exposed bean is this proxy, so it closes the pools that it hides. */
    @Override
    public void close() throws Exception {
        routing.close();
        if (primary instanceof AutoCloseable pool) {
            pool.close();
        }
    }
}
