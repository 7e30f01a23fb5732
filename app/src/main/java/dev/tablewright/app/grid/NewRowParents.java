package dev.tablewright.app.grid;

import dev.tablewright.core.base.Names;
import javafx.scene.Node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adding a row to a table with mandatory links (a track must have a media type): the picker of
 * each such parent opens in turn before the row exists, and the row is added with the keys
 * picked. Closing a picker (Escape, a click elsewhere) adds nothing.
 */
final class NewRowParents {
    private NewRowParents() {
    }

    static void ask(Node owner, GridViewModel viewModel) {
        ask(owner, viewModel, viewModel.mandatoryParents(), new LinkedHashMap<>());
    }

    private static void ask(Node owner, GridViewModel viewModel, List<String> fields, Map<String, ParentPickerViewModel.Choice> picked) {
        if (picked.size() == fields.size()) {
            viewModel.addRow(picked);
            return;
        }
        String field = fields.get(picked.size());
        ParentPickerViewModel picker = viewModel.picker(field).orElseThrow();
        String title = "New " + Names.singular(viewModel.table()) + ": pick its " + picker.parentTable() + " (" + field + ")";
        ParentPicker.show(owner, picker, title, ParentPicker.arrowFor(owner), choice -> {
            picked.put(field, choice);
            ask(owner, viewModel, fields, picked);
        });
    }
}
