-- Node liveness in a cluster (README "Production: PostgreSQL and a cluster"): one row per SHELLGUARD_NODE name,
-- whose beats counter its node raises every few seconds; a survivor takes a node whose counter stopped for lost.
-- Times are epoch milliseconds, for people; liveness is judged by the counter alone.
CREATE TABLE sg_cluster_node (
    name VARCHAR(255) NOT NULL PRIMARY KEY,
    incarnation VARCHAR(36) NOT NULL,
    beats BIGINT NOT NULL,
    started_at BIGINT NOT NULL,
    beat_at BIGINT NOT NULL,
    lost_at BIGINT,
    lost_by VARCHAR(255)
);
