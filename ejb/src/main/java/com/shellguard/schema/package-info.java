/**
 * The database schema, by versioned migrations (Flyway): {@code src/main/resources/db/migration/V<n>__<what>.sql},
 * one file per version, each applied once, in order, at deployment, before the persistence unit logs in
 * ({@link com.shellguard.schema.SchemaMigrationHook}). EclipseLink no longer creates or extends tables: an entity or
 * column without a migration fails {@code EntityMappingMatchesMigrationsTest}.
 *
 * <p>One SQL text serves PostgreSQL 15 and H2 2.x: H2 runs in its PostgreSQL compatibility mode
 * ({@code MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH} in the node's JDBC URL), and the migrations use
 * only types both read alike ({@code BIGINT}, {@code INTEGER}, {@code BOOLEAN}, {@code VARCHAR(n)}, {@code TIMESTAMP},
 * {@code TEXT} for long text, {@code BYTEA} for bytes). See {@code db/migration/README.md}.
 *
 * <p>Limits: migrations go forward only (no undo: going back means the backup); a database whose applied migrations
 * differ from this code's, or that holds a version this code does not know, is refused rather than guessed at; a
 * database older than 0.1.0 (the baseline, V1) is taken as V1 and must first have run 0.1.0 once.
 */
package com.shellguard.schema;
