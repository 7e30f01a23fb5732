package dev.tablewright.core.connect;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.dialect.Dialects;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The options of {@code create} (the reference's names), plus {@code applicationUser}: the
 * name {@code $USER} stands for when a connection profile names one.
 *
 * @param dialect sqlite, postgres, mysql or mariadb
 * @param database for SQLite the file path (or {@code :memory:}), else the database name
 */
public record ConnectOptions(String dialect, String database, String username, String password,
                             String host, Integer port, Boolean ssl, String applicationUser) {
    private static final int MAX_PORT = 65_535;
    /** What a URI may hold besides letters and digits (RFC 3986); Java reports where the part holding anything else begins. */
    private static final String URI_CHARACTERS = "-._~:/?#[]@!$&'()*+,;=%";


    public ConnectOptions {
        dialect = Dialects.canonicalName(dialect);
    }

    public static ConnectOptions sqlite(String file) {
        return new ConnectOptions("sqlite", file, null, null, null, null, false, null);
    }

    /** Reads the reference's option map; unknown keys are refused so typos do not pass silently. */
    public static ConnectOptions fromMap(Map<String, ?> map) {
        Map<String, ?> m = map;
        if (m.size() == 1 && m.get("options") instanceof Map<?, ?> inner) {
            @SuppressWarnings("unchecked") Map<String, ?> cast = (Map<String, ?>) inner;
            m = cast;
        }
        for (String key : m.keySet()) {
            switch (key) {
                case "dialect", "database", "username", "password", "host", "port", "ssl", "applicationUser", "url" -> { }
                default -> throw new TablewrightException(ErrorCode.INVALID_ARGUMENT,
                        "Unknown connection option '" + key + "'. Known: dialect, database, username, password, host, port, ssl, url.");
            }
        }
        if (m.get("url") != null) {
            return parseUrl(String.valueOf(m.get("url")));
        }
        Object port = m.get("port");
        Integer portNumber = null;
        if (port != null) {
            try {
                portNumber = Integer.valueOf(String.valueOf(port));
            } catch (NumberFormatException e) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Port must be a number, got '" + port + "'.");
            }
        }
        Object ssl = m.get("ssl");
        return new ConnectOptions(str(m.get("dialect")), str(m.get("database")), str(m.get("username")),
                str(m.get("password")), str(m.get("host")), portNumber,
                ssl == null ? null : Boolean.valueOf(String.valueOf(ssl)), str(m.get("applicationUser")));
    }

    /**
     * A file path or {@code :memory:} means SQLite; {@code postgres://user:pass@host:port/db},
     * {@code mysql://…}, {@code mariadb://…}, {@code sqlite:path} and {@code jdbc:} URLs work too.
     */
    public static ConnectOptions parseUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "An empty database URL was given.");
        }
        String u = url.startsWith("jdbc:") ? url.substring(5) : url;
        if (u.startsWith("sqlite:")) {
            String path = u.substring("sqlite:".length());
            return sqlite(path.startsWith("//") ? path.substring(2) : path);
        }
        int scheme = u.indexOf("://");
        if (scheme < 0) {
            return sqlite(u);
        }
        String dialect = u.substring(0, scheme).toLowerCase(Locale.ROOT);
        URI uri = parsedUri(u);
        String user = null;
        String pass = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            pass = parts.length > 1 ? decode(parts[1]) : null;
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        user = query.getOrDefault("user", user);
        pass = query.getOrDefault("password", pass);
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? null : uri.getPath().substring(1);
        Boolean ssl = null;
        if (query.containsKey("ssl") || query.containsKey("sslmode")) {
            String v = query.getOrDefault("ssl", query.get("sslmode"));
            ssl = !("false".equalsIgnoreCase(v) || "disable".equalsIgnoreCase(v));
        }
        return new ConnectOptions(dialect, db, user, pass, uri.getHost(), uri.getPort() < 0 ? null : uri.getPort(), ssl, null);
    }

    /**
     * The URL as a URI, refusing what would otherwise be read wrongly: a bad port or an unencoded
     * {@code #} makes {@link URI} drop the host, user and password, which would connect to localhost
     * instead. Messages show the URL with its password masked and never quote the driver's text.
     */
    private static URI parsedUri(String u) {
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw badUrl(u, whatIsWrong(u, e));
        }
        if (uri.getRawFragment() != null) {
            throw badUrl(u, "it holds a '#', which ends the address there; write a '#' in a user name, password or database name as %23");
        }
        if (uri.getRawAuthority() != null && uri.getHost() == null) {
            String hostPort = uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1);
            int colon = hostPort.lastIndexOf(':');
            throw badUrl(u, colon >= 0 && !hostPort.substring(colon + 1).matches("[0-9]+")
                    ? "the port '" + Names.printable(hostPort.substring(colon + 1)) + "' is not a number"
                    : "the host '" + Names.printable(hostPort) + "' is not a valid host name");
        }
        if (uri.getPort() > MAX_PORT) {
            throw badUrl(u, "the port " + uri.getPort() + " is out of range (1 to " + MAX_PORT + ")");
        }
        return uri;
    }

    private static String whatIsWrong(String u, URISyntaxException e) {
        if (e.getReason().contains("bracket")) {
            return "it has an unclosed '[' (an IPv6 host is written [::1])";
        }
        int at = e.getIndex();
        for (int i = Math.max(at, 0); i < u.length(); i++) {
            if (URI_CHARACTERS.indexOf(u.charAt(i)) < 0 && !Character.isLetterOrDigit(u.charAt(i))) {
                at = i;
                break;
            }
        }
        if (at < 0 || at >= u.length()) {
            return "it is not a valid address";
        }
        char c = u.charAt(at);
        if (c == '%') {
            return "a '%' at position " + (at + 1) + " is not followed by two hexadecimal digits; write a percent sign as %25";
        }
        String shown = c == ' ' ? "a space" : Character.isISOControl(c) ? String.format("the control character \\u%04X", (int) c) : "'" + c + "'";
        return shown + " at position " + (at + 1) + " cannot stand there unencoded; percent-encode it (for example %"
                + String.format("%02X", (int) c & 0xFF) + ") in a user name, password or database name";
    }

    private static TablewrightException badUrl(String u, String problem) {
        return new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Not a valid database URL (" + masked(u) + "): " + problem + ".");
    }

    /** The URL with whatever could be a password replaced by ***: everything between the user's ':' and the last '@', and password= options. */
    static String masked(String u) {
        int scheme = u.indexOf("://");
        int at = u.lastIndexOf('@');
        String out = u;
        if (scheme >= 0 && at > scheme) {
            String userInfo = u.substring(scheme + 3, at);
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            out = u.substring(0, scheme + 3) + user + (colon < 0 ? "" : ":***") + u.substring(at);
        }
        return out.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT,
                    "Not a valid database URL: a '%' is not followed by two hexadecimal digits; write a percent sign as %25.");
        }
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    /** The options without the password, for display and logs. */
    @Override
    public String toString() {
        return "ConnectOptions[dialect=" + dialect + ", database=" + database + ", username=" + username
                + ", host=" + host + ", port=" + port + ", ssl=" + ssl + "]";
    }
}
