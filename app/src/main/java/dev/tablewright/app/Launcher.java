package dev.tablewright.app;

import javafx.application.Application;

/**
 * The entry point for a plain class path (a fat jar, an IDE run): the java launcher refuses a
 * main class that extends {@link Application} unless JavaFX is on the module path, and this class
 * does not.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(TablewrightApp.class, args);
    }
}
