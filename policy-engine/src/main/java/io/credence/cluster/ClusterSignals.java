package io.credence.cluster;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class ClusterSignals implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterSignals.class);
    static final String CHANNEL = "credence_cluster";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final Map<String, List<Runnable>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Thread listener;
    private volatile Connection listening;

    ClusterSignals(DataSource dataSource, JdbcTemplate jdbc) throws SQLException {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    /** Runs {@code action} whenever another instance (or this one) announces {@code topic}. */
    public void subscribe(String topic, Runnable action) {
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(action);
    }

    /**
     * Announces a change. Inside a transaction the notification is delivered when it commits and
     * dropped if it rolls back. Does nothing on the embedded database.
     */
    public void announce(String topic) {
        if (postgres) jdbc.queryForList("select pg_notify(?, ?)", CHANNEL, topic);
    }

    @Override
    public void start() {
        if (!postgres) return;
        running = true;
        listener = Thread.ofPlatform().daemon().name("cluster-listener").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the cluster listener's connection: {}", e.getMessage());
            }
        }
        Thread thread = listener;
        if (thread != null) thread.interrupt();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        long backoffMillis = 500;
        while (running) {
            Connection connection = null;
            try {
                connection = dataSource.getConnection();
                listening = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                log.info("Listening for cluster changes on PostgreSQL channel {}", CHANNEL);
                backoffMillis = 500;
                // A reconnect may have missed notifications: let every feature catch up.
                subscribers.values().forEach(actions -> actions.forEach(this::run));
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications == null) continue;
                    for (PGNotification n : notifications) {
                        subscribers.getOrDefault(n.getParameter(), List.of()).forEach(this::run);
                    }
                }
            } catch (SQLException e) {
                // The failure reached the driver's own connection (getNotifications), not the pool's
                // proxy: evicted before it is closed, or the pool would hand the dead connection to a
                // request.
                evict(connection);
                if (!running) return;
                log.warn(
                        "Lost the cluster listener's database connection ({}); retrying in {} ms, polling meanwhile",
                        e.getMessage(),
                        backoffMillis);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoffMillis));
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            } finally {
                listening = null;
                close(connection);
            }
        }
    }

    private static void close(Connection connection) {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing the cluster listener's connection: {}", e.getMessage());
        }
    }

    private void evict(Connection connection) {
        if (connection == null) return;
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
            }
        } catch (SQLException e) {
            log.debug("Could not evict the cluster listener's connection: {}", e.getMessage());
        }
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.error("A cluster change could not be applied; polling will retry", e);
        }
    }
}
