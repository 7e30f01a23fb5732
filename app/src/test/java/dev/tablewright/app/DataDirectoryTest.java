package dev.tablewright.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DataDirectoryTest {

    @Test
    void linuxUsesXdgDataHome() {
        assertEquals(Path.of("/data/ana/tablewright"),
                DataDirectory.resolve(null, "Linux", "/home/ana", Map.of("XDG_DATA_HOME", "/data/ana")));
    }

    @Test
    void linuxFallsBackToLocalShareWithoutXdgDataHome() {
        assertEquals(Path.of("/home/ana/.local/share/tablewright"), DataDirectory.resolve(null, "Linux", "/home/ana", Map.of()));
    }

    @Test
    void linuxIgnoresARelativeXdgDataHome() {
        assertEquals(Path.of("/home/ana/.local/share/tablewright"),
                DataDirectory.resolve(null, "Linux", "/home/ana", Map.of("XDG_DATA_HOME", "data")));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertEquals(Path.of("/Users/ana/Library/Application Support/Tablewright"),
                DataDirectory.resolve(null, "Mac OS X", "/Users/ana", Map.of("XDG_DATA_HOME", "/ignored")));
    }

    @Test
    void windowsUsesAppData() {
        assertEquals(Path.of("C:\\Users\\ana\\AppData\\Roaming").resolve("Tablewright"),
                DataDirectory.resolve(null, "Windows 11", "C:\\Users\\ana", Map.of("APPDATA", "C:\\Users\\ana\\AppData\\Roaming")));
    }

    @Test
    void theSystemPropertyWinsOnEverySystem() {
        for (String os : new String[] {"Linux", "Mac OS X", "Windows 11"}) {
            assertEquals(Path.of("/tmp/tw"), DataDirectory.resolve("/tmp/tw", os, "/home/ana",
                    Map.of("XDG_DATA_HOME", "/data", "APPDATA", "/appdata")));
        }
    }
}
