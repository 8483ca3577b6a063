package io.credence.decision;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, keeps a partition per market and, inside it, per month, created ahead of the rows
 * that will land in them: a market's partitions exist before its first decision is stored, and the
 * next months' before they begin. The DDL is idempotent, so every instance of a cluster may run it.
 * On H2 there is one table and this does nothing.
 */
@Component
class DecisionLogPartitions {

    private static final Logger log = LoggerFactory.getLogger(DecisionLogPartitions.class);
    private static final int MONTHS_AHEAD = 2;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final boolean postgres;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();

    DecisionLogPartitions(JdbcTemplate jdbc, DataSource dataSource, Clock clock) throws SQLException {
        this.jdbc = jdbc;
        this.clock = clock;
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    /** Called before a market's decision is stored; cheap once the market is ready. */
    void ensure(String market) {
        if (!postgres || ready.contains(market)) return;
        synchronized (this) {
            if (ready.contains(market)) return;
            create(market, YearMonth.now(clock.withZone(java.time.ZoneOffset.UTC)));
            ready.add(market);
        }
    }

    /** Daily: the coming months' partitions for every market seen so far. */
    @Scheduled(cron = "0 17 3 * * *", zone = "UTC")
    void createAhead() {
        if (!postgres) return;
        for (String market : jdbc.queryForList("select distinct market from decision_application", String.class)) {
            create(market, YearMonth.now(clock.withZone(java.time.ZoneOffset.UTC)));
        }
    }

    private void create(String market, YearMonth from) {
        if (!market.matches("[A-Z]{2}")) return;
        String parent = "decision_" + market.toLowerCase();
        execute("create table if not exists " + parent + " partition of decision for values in ('" + market
                + "') partition by range (evaluated_at)");
        execute("create table if not exists " + parent + "_other partition of " + parent + " default");
        for (int i = 0; i <= MONTHS_AHEAD; i++) {
            YearMonth month = from.plusMonths(i);
            LocalDate start = month.atDay(1);
            LocalDate end = month.plusMonths(1).atDay(1);
            execute("create table if not exists " + parent + "_"
                    + month.toString().replace('-', '_') + " partition of " + parent + " for values from ('" + start
                    + "') to ('" + end + "')");
        }
    }

    private void execute(String ddl) {
        try {
            jdbc.execute(ddl);
        } catch (DataAccessException e) {
            // Two instances creating the same partition at once: the loser's "already exists" is fine,
            // anything else is worth knowing about, but must not fail a decision.
            if (!String.valueOf(e.getMessage()).contains("already exists")) {
                log.warn(
                        "Could not create decision-log partition ({}): {}",
                        ddl,
                        e.getMostSpecificCause().getMessage());
            }
        }
    }
}
