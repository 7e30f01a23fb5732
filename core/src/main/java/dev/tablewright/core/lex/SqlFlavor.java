package dev.tablewright.core.lex;

/**
 * The lexical rules of one SQL family: which quotes delimit identifiers and strings, whether block
 * comments nest, whether backslashes escape, which dollar quotes exist. Splitting scripts and
 * highlighting them read SQL by the same rules.
 */
public enum SqlFlavor { SQLITE, POSTGRES, MYSQL }
