package dev.tablewright.core.dialect;

/**
 * What differs between the database families, in facets a reader can hold in their head:
 * {@link SqlSyntax} (quoting, placeholders, expressions, statement shapes), {@link ValueCodec}
 * (binding and reading values), {@link DdlWriter} (creating and changing tables),
 * {@link BulkWrites} (batches, COPY, generated keys), {@link HistoryCapture} (history triggers
 * and the writer's name), {@link CatalogReader} (what tables there are) and {@link ErrorMapping}
 * (database errors to contract codes). Code that needs one facet takes that facet.
 *
 * <p>Callers ask capabilities and builders; they never test which dialect they have. Every piece of
 * SQL text that names something goes through {@link #quoteIdentifier}; values only ever appear as
 * {@code ?}. Pool settings are not here: they belong to {@code connect.PoolSettings}.
 */
public sealed interface Dialect extends SqlSyntax, ValueCodec, DdlWriter, BulkWrites, HistoryCapture, CatalogReader, ErrorMapping
        permits SqliteDialect, PostgresDialect, MysqlDialect {
}
