package dev.tablewright.app.connection;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfigDirectoryTest {

    @Test
    void linuxUsesXdgConfigHomeOrDotConfig() {
        assertEquals(Path.of("/home/jane/.config/tablewright"),
                ConfigDirectory.resolve(null, null, "Linux", "/home/jane", Map.of()));
        assertEquals(Path.of("/cfg/tablewright"),
                ConfigDirectory.resolve(null, null, "Linux", "/home/jane", Map.of("XDG_CONFIG_HOME", "/cfg")));
        assertEquals(Path.of("/home/jane/.config/tablewright"),
                ConfigDirectory.resolve(null, null, "Linux", "/home/jane", Map.of("XDG_CONFIG_HOME", "relative/cfg")),
                "a relative XDG_CONFIG_HOME is ignored, as the spec says");
    }

    @Test
    void macOsAndWindowsUseTheirApplicationFolders() {
        assertEquals(Path.of("/Users/jane/Library/Application Support/Tablewright"),
                ConfigDirectory.resolve(null, null, "Mac OS X", "/Users/jane", Map.of()));
        assertEquals(Path.of("C:/Users/jane/AppData/Roaming").resolve("Tablewright"),
                ConfigDirectory.resolve(null, null, "Windows 11", "C:/Users/jane", Map.of("APPDATA", "C:/Users/jane/AppData/Roaming")));
    }

    @Test
    void itsOwnPropertyWinsAndTheDataDirectoryPropertyRedirectsItToo() {
        assertEquals(Path.of("/tmp/cfg"), ConfigDirectory.resolve("/tmp/cfg", "/tmp/data", "Linux", "/home/jane", Map.of()));
        assertEquals(Path.of("/tmp/data"), ConfigDirectory.resolve(null, "/tmp/data", "Linux", "/home/jane", Map.of()));
    }
}
