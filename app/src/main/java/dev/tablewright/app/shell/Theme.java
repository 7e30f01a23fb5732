package dev.tablewright.app.shell;

import atlantafx.base.theme.CupertinoDark;
import atlantafx.base.theme.CupertinoLight;
import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.NordLight;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import java.util.function.Supplier;

/** The AtlantaFX themes the View menu offers. */
public enum Theme {
    LIGHT("Light", () -> new PrimerLight().getUserAgentStylesheet(), false),
    DARK("Dark", () -> new PrimerDark().getUserAgentStylesheet(), true),
    NORD_LIGHT("Nord light", () -> new NordLight().getUserAgentStylesheet(), false),
    NORD_DARK("Nord dark", () -> new NordDark().getUserAgentStylesheet(), true),
    CUPERTINO_LIGHT("Cupertino light", () -> new CupertinoLight().getUserAgentStylesheet(), false),
    CUPERTINO_DARK("Cupertino dark", () -> new CupertinoDark().getUserAgentStylesheet(), true);

    private final String label;
    private final Supplier<String> stylesheet;
    private final boolean dark;

    Theme(String label, Supplier<String> stylesheet, boolean dark) {
        this.label = label;
        this.stylesheet = stylesheet;
        this.dark = dark;
    }

    public String label() {
        return label;
    }

    /** The user-agent stylesheet to install with {@code Application.setUserAgentStylesheet}. */
    public String stylesheet() {
        return stylesheet.get();
    }

    public boolean isDark() {
        return dark;
    }
}
