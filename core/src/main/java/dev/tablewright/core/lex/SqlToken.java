package dev.tablewright.core.lex;

/**
 * One token of SQL text: {@code text.substring(start, end)} is of kind {@code kind}.
 *
 * @param kind   what the token is
 * @param start  index of its first character
 * @param end    index just past its last character
 * @param closed false for a string, quoted name, dollar quote or block comment that ran off the
 *               end of the text unclosed; true otherwise
 */
public record SqlToken(Kind kind, int start, int end, boolean closed) {

    /** The kinds the lexer tells apart; keywords are words, told apart by whoever reads them. */
    public enum Kind {
        /** A bare word: a keyword or a name ({@code SELECT}, {@code users}, {@code x1}). */
        WORD,
        /** A quoted name: {@code "a b"} (not MySQL), {@code `a b`} (MySQL, SQLite), {@code [a b]} (SQLite). */
        QUOTED_NAME,
        /** A string: {@code '...'}, {@code E'...'}, {@code X'..'}, PostgreSQL's {@code $tag$...$tag$}, MySQL's {@code "..."}. */
        STRING,
        NUMBER,
        /** {@code -- ...} and MySQL's {@code # ...}, up to (not including) the newline. */
        LINE_COMMENT,
        BLOCK_COMMENT,
        /** A MySQL/MariaDB executable comment {@code /*! ... *}{@code /} or {@code /*M! ... *}{@code /}: SQL to the server. */
        EXECUTABLE_COMMENT,
        /** A bind parameter or variable: {@code ?}, {@code $1}, {@code :name} (not MySQL), {@code @var} (MySQL). */
        PARAMETER,
        /** One of {@code ( [ {}} ({@code [} only outside SQLite, where it quotes a name). */
        OPEN,
        /** One of {@code ) ] }}. */
        CLOSE,
        /** {@code ,} or {@code .}. */
        PUNCTUATION,
        /** A run of operator characters ({@code <>}, {@code ::}, {@code ||}) or any other single character. */
        OPERATOR,
        /** The statement terminator: {@code ;}, or MySQL's current {@code DELIMITER}. */
        TERMINATOR
    }

    /** The token's text. */
    public String text(String source) {
        return source.substring(start, end);
    }
}
