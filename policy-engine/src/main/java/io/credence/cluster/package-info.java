/**
 * Several instances on one PostgreSQL database form a cluster. A change made through one instance
 * (a deployment, a fraud-list entry, an experiment) is announced with PostgreSQL NOTIFY inside the
 * change's own transaction, so it is heard only if it commits; every instance LISTENs and reloads at
 * once. Each feature also polls its own table, which covers a lost connection and the embedded
 * database, where there is no cluster.
 */
@Feature
@NullMarked
package io.credence.cluster;

import io.credence.shared.Feature;
import org.jspecify.annotations.NullMarked;
