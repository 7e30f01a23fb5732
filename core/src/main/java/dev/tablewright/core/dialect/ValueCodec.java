package dev.tablewright.core.dialect;

import dev.tablewright.core.base.LogicalType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** One facet of {@link Dialect}: values crossing JDBC: binding canonical values, reading logical values, guessing the logical type of a column the workbench did not create. */
public sealed interface ValueCodec extends SqlSyntax permits Dialect {
    /** Binds a canonical value (String, Long, Double, Boolean, Instant, JSON text, byte[]) for this type. */
    void bind(PreparedStatement ps, int index, LogicalType type, Object canonical) throws SQLException;

    /** Reads a column as its logical Java value: String, Long, Double, Boolean, Instant, parsed JSON, byte[]. */
    Object read(ResultSet rs, int column, LogicalType type) throws SQLException;

    /** Guesses the logical type of a column the workbench did not create. */
    LogicalType inferType(String nativeType, int jdbcType, int size);
}
