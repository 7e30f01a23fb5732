package dev.tablewright.app.log;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

import java.util.regex.Pattern;

/**
 * The log's pattern layout with secrets blanked out of the whole line, stack trace included:
 * passwords in URLs ({@code postgres://me:secret@host}), in {@code password=…} / {@code "password": "…"}
 * pairs, and in JDBC properties. A log file is what users attach to bug reports; it must be safe
 * to share.
 */
public final class RedactingLayout extends PatternLayout {
    static final String MASK = "***";
    private static final Pattern URL_PASSWORD = Pattern.compile("(\\b[a-zA-Z][\\w+.-]*://[^/\\s:@]*:)[^@\\s/]+@");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)(\\b(?:password|passwd|pwd|secret|passphrase|masterPassword)\"?\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&)}\\]]+)");

    @Override
    public String doLayout(ILoggingEvent event) {
        return redact(super.doLayout(event));
    }

    /** {@code text} with every password-looking value replaced by {@value #MASK}. */
    public static String redact(String text) {
        String noUrls = URL_PASSWORD.matcher(text).replaceAll("$1" + MASK + "@");
        return KEY_VALUE.matcher(noUrls).replaceAll("$1" + MASK);
    }
}
