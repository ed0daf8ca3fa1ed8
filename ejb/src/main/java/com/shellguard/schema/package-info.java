/**
 * The database schema, by versioned migrations (Flyway): {@code src/main/resources/db/migration/V<n>__<what>.sql},
 * one file per version, each applied once, in order, at deployment, before the persistence unit logs in
 * ({@link com.shellguard.schema.SchemaMigrationHook}). EclipseLink no longer creates or extends tables: an entity or
 * column without a migration fails {@code EntityMappingMatchesMigrationsTest}.
 *
 * <p>One SQL text serves PostgreSQL 15 and H2 2.2 (Payara Micro's): H2 runs in its PostgreSQL compatibility mode
 * ({@code MODE=PostgreSQL} in the node's JDBC URL, scripts/run.sh; identifiers stay upper case in H2, as 0.1.0 made
 * them), and the migrations use only types EclipseLink maps alike on both ({@code VARCHAR(n)}, {@code BIGINT},
 * {@code INTEGER}, {@code BOOLEAN}, {@code TIMESTAMP}). See {@code db/migration/README.md}.
 *
 * <p>Limits: migrations go forward only (no undo: going back means the backup); a database whose applied migrations
 * differ from this code's, or that holds a version this code does not know, is refused rather than guessed at; a
 * database older than 0.1.0 (the baseline, V1) is taken as V1 and must first have run 0.1.0 once.
 */
package com.shellguard.schema;
