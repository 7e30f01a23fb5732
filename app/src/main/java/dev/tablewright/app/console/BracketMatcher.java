package dev.tablewright.app.console;

import dev.tablewright.app.sqltext.SqlTokenizer;
import dev.tablewright.core.lex.SqlFlavor;

import java.util.List;

/**
 * Finds the bracket that matches the one at the caret, ignoring brackets inside strings, quoted
 * names and comments: a pure function the editor calls when the caret moves.
 */
public final class BracketMatcher {
    private static final String OPENERS = "([{";
    private static final String CLOSERS = ")]}";

    /** Two matching brackets: their indexes in the text. */
    public record Pair(int open, int close) {
    }

    private BracketMatcher() {
    }

    /**
     * The pair for the bracket just before the caret or, failing that, just after it; null when
     * neither is a bracket or it has no match.
     */
    public static Pair at(String text, int caret, SqlFlavor flavor) {
        List<SqlTokenizer.Token> tokens = SqlTokenizer.tokenize(text, flavor);
        int index = bracketToken(tokens, caret - 1);
        if (index < 0) {
            index = bracketToken(tokens, caret);
        }
        if (index < 0) {
            return null;
        }
        char c = text.charAt(tokens.get(index).start());
        int open = OPENERS.indexOf(c);
        int depth = 0;
        if (open >= 0) {
            for (int i = index; i < tokens.size(); i++) {
                int d = delta(text, tokens.get(i), OPENERS.charAt(open), CLOSERS.charAt(open));
                depth += d;
                if (depth == 0) {
                    return new Pair(tokens.get(index).start(), tokens.get(i).start());
                }
            }
            return null;
        }
        int close = CLOSERS.indexOf(c);
        for (int i = index; i >= 0; i--) {
            depth -= delta(text, tokens.get(i), OPENERS.charAt(close), CLOSERS.charAt(close));
            if (depth == 0) {
                return new Pair(tokens.get(i).start(), tokens.get(index).start());
            }
        }
        return null;
    }

    private static int delta(String text, SqlTokenizer.Token t, char open, char close) {
        if (t.kind() != SqlTokenizer.Kind.BRACKET) {
            return 0;
        }
        char c = text.charAt(t.start());
        return c == open ? 1 : c == close ? -1 : 0;
    }

    private static int bracketToken(List<SqlTokenizer.Token> tokens, int position) {
        if (position < 0) {
            return -1;
        }
        for (int i = 0; i < tokens.size(); i++) {
            SqlTokenizer.Token t = tokens.get(i);
            if (t.start() == position && t.kind() == SqlTokenizer.Kind.BRACKET) {
                return i;
            }
            if (t.start() > position) {
                break;
            }
        }
        return -1;
    }
}
