package dev.tablewright.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Where Tablewright keeps its own files (the sample database now; connection profiles later):
 * {@code $XDG_DATA_HOME/tablewright} or {@code ~/.local/share/tablewright} on Linux,
 * {@code ~/Library/Application Support/Tablewright} on macOS, {@code %APPDATA%\Tablewright} on
 * Windows. The system property {@value #PROPERTY} overrides it, so tests and screenshots use a
 * directory of their own.
 */
public final class DataDirectory {
    public static final String PROPERTY = "tablewright.dataDir";

    private DataDirectory() {
    }

    /** The directory for this user on this machine. It may not exist yet. */
    public static Path resolve() {
        return resolve(System.getProperty(PROPERTY), System.getProperty("os.name", ""), System.getProperty("user.home"),
                System.getenv());
    }

    static Path resolve(String override, String osName, String home, Map<String, String> env) {
        if (isSet(override)) {
            return Path.of(override);
        }
        return forPlatform(osName, home, env, "XDG_DATA_HOME", Path.of(home, ".local", "share"));
    }

    /**
     * Tablewright's folder in the platform's place for it: {@code %APPDATA%\Tablewright} on Windows,
     * {@code ~/Library/Application Support/Tablewright} on macOS, and elsewhere
     * {@code $<xdgVariable>/tablewright}, or {@code <xdgDefault>/tablewright} without it.
     */
    public static Path forPlatform(String osName, String home, Map<String, String> env, String xdgVariable, Path xdgDefault) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (isSet(appData) ? Path.of(appData) : Path.of(home, "AppData", "Roaming")).resolve("Tablewright");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Tablewright");
        }
        // The XDG spec says a relative XDG_*_HOME is invalid and is to be ignored.
        String xdg = env.get(xdgVariable);
        Path base = isSet(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : xdgDefault;
        return base.resolve("tablewright");
    }

    /**
     * A file name for a connection, database or table name: the name itself when it is plain,
     * else its UTF-8 bytes in hex behind an {@code x}, so no name can reach outside its folder.
     */
    public static String fileName(String name) {
        if (name.matches("[A-Za-z0-9_-]{1,100}")) {
            return name;
        }
        return "x" + HexFormat.of().formatHex(name.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
