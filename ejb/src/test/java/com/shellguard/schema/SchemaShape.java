package com.shellguard.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * What a database's tables are, as JDBC's metadata describes them, in lines that compare across two databases of
 * one vendor: each column with its type, size and nullability; each table's primary key, unique and other indexes
 * and foreign keys by their columns (not their names, which EclipseLink and a migration choose differently).
 * Flyway's own history table is left out.
 */
record SchemaShape(Map<String, String> columns, Set<String> keys) {

    static SchemaShape of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String schema = c.getSchema();
            Map<String, String> columns = new TreeMap<>();
            Set<String> keys = new TreeSet<>();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    if (!table.equalsIgnoreCase("flyway_schema_history")) {
                        tables.add(table);
                    }
                }
            }
            for (String table : tables) {
                String t = table.toLowerCase(Locale.ROOT);
                try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
                    while (rs.next()) {
                        String type = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
                        int size = rs.getInt("COLUMN_SIZE");
                        boolean sized = type.contains("char") || type.contains("binary") || type.equals("varbinary")
                                || type.equals("numeric") || type.equals("decimal");
                        columns.put(t + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                                type + (sized ? "(" + size + ")" : "") + ("NO".equals(rs.getString("IS_NULLABLE")) ? " not null" : ""));
                    }
                }
                keys.add(t + " primary key " + columnsOf(meta.getPrimaryKeys(null, schema, table), "COLUMN_NAME", "KEY_SEQ"));
                Map<String, TreeMap<Integer, String>> indexes = new TreeMap<>();
                Map<String, Boolean> unique = new TreeMap<>();
                try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") == null || rs.getString("COLUMN_NAME") == null) {
                            continue;
                        }
                        String name = rs.getString("INDEX_NAME");
                        indexes.computeIfAbsent(name, n -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"),
                                rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                        unique.put(name, !rs.getBoolean("NON_UNIQUE"));
                    }
                }
                indexes.forEach((name, cols) -> keys.add(t + (unique.get(name) ? " unique index " : " index ") + cols.values()));
                Map<String, List<String>> foreign = new TreeMap<>();
                try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
                    while (rs.next()) {
                        String name = rs.getString("FKTABLE_NAME") + "/" + rs.getString("FK_NAME") + "/" + rs.getString("PKTABLE_NAME");
                        foreign.computeIfAbsent(name, n -> new ArrayList<>()).add(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT)
                                + "->" + rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + "." + rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                foreign.values().forEach(refs -> keys.add(t + " foreign key " + refs));
            }
            return new SchemaShape(columns, keys);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> columnsOf(ResultSet rs, String column, String order) throws SQLException {
        try (rs) {
            TreeMap<Integer, String> cols = new TreeMap<>();
            while (rs.next()) {
                cols.put(rs.getInt(order), rs.getString(column).toLowerCase(Locale.ROOT));
            }
            return new ArrayList<>(cols.values());
        }
    }

    /** What this (the entities') shape has that the other (the migrations') lacks or has otherwise, one line each. */
    List<String> differencesFrom(SchemaShape migrated) {
        List<String> out = new ArrayList<>();
        columns.forEach((column, type) -> {
            String there = migrated.columns.get(column);
            if (there == null) {
                out.add("column " + column + " (" + type + ") is mapped by the entities but no migration creates it");
            } else if (!there.equals(type)) {
                out.add("column " + column + " is " + type + " in the entities' mapping but " + there + " after the migrations");
            }
        });
        migrated.columns.keySet().stream().filter(c -> !columns.containsKey(c))
                .forEach(c -> out.add("column " + c + " (" + migrated.columns.get(c) + ") is created by the migrations but mapped by no entity"));
        keys.stream().filter(k -> !migrated.keys.contains(k))
                .forEach(k -> out.add(k + " is in the entities' mapping but no migration creates it"));
        migrated.keys.stream().filter(k -> !keys.contains(k))
                .forEach(k -> out.add(k + " is created by the migrations but not in the entities' mapping"));
        return out;
    }
}
