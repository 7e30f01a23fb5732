package dev.tablewright.app.grid;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.ArrayList;
import java.util.List;

/**
 * The hops of one data screen along relations (a track to its album, an album to its tracks),
 * with back and forward as a browser has them: a new hop after going back drops the places ahead.
 */
public final class NavigationViewModel {
    private final List<GridPlace> places = new ArrayList<>();
    private int at;
    private final ReadOnlyObjectWrapper<GridPlace> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper();

    public NavigationViewModel(GridPlace start) {
        places.add(start);
        update();
    }

    /** Goes to {@code place}; the places ahead of the current one are forgotten. */
    public void go(GridPlace place) {
        if (place.equals(places.get(at))) {
            return;
        }
        places.subList(at + 1, places.size()).clear();
        places.add(place);
        at++;
        update();
    }

    public void back() {
        if (at > 0) {
            at--;
            update();
        }
    }

    public void forward() {
        if (at < places.size() - 1) {
            at++;
            update();
        }
    }

    private void update() {
        canGoBack.set(at > 0);
        canGoForward.set(at < places.size() - 1);
        current.set(places.get(at));
    }

    /** The places visited, oldest first; {@link #currentProperty()} is one of them. */
    public List<GridPlace> places() {
        return List.copyOf(places);
    }

    public ReadOnlyObjectProperty<GridPlace> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }
}
