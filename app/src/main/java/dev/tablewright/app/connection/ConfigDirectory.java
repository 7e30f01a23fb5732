package dev.tablewright.app.connection;

import dev.tablewright.app.DataDirectory;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the connection profiles and the encrypted passwords file live:
 * {@code $XDG_CONFIG_HOME/tablewright} or {@code ~/.config/tablewright} on Linux,
 * {@code ~/Library/Application Support/Tablewright} on macOS, {@code %APPDATA%\Tablewright} on
 * Windows. The system property {@value #PROPERTY} overrides it; so does {@link DataDirectory#PROPERTY},
 * so that a test or screenshot run that redirects the app's data never reads or writes the user's
 * real profiles.
 */
public final class ConfigDirectory {
    public static final String PROPERTY = "tablewright.configDir";

    private ConfigDirectory() {
    }

    /** The directory for this user on this machine. It may not exist yet. */
    public static Path resolve() {
        return resolve(System.getProperty(PROPERTY), System.getProperty(DataDirectory.PROPERTY),
                System.getProperty("os.name", ""), System.getProperty("user.home"), System.getenv());
    }

    static Path resolve(String override, String dataOverride, String osName, String home, Map<String, String> env) {
        if (isSet(override)) {
            return Path.of(override);
        }
        if (isSet(dataOverride)) {
            return Path.of(dataOverride);
        }
        return DataDirectory.forPlatform(osName, home, env, "XDG_CONFIG_HOME", Path.of(home, ".config"));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
