package dev.conn.shell;

import dev.conn.incident.IncidentState;
import dev.conn.incident.ui.IncidentCell;
import dev.conn.incident.ui.IncidentViewModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

/**
 * The main window's incident list and what it opens: choosing an incident opens it; the open
 * incident stays selected as the list changes; the incident pane shows while one is open, the empty
 * state otherwise. FX thread only.
 */
final class IncidentListBinding {
    private final ListView<IncidentState> list;
    private final IncidentViewModel incident;

    private IncidentListBinding(ListView<IncidentState> list, IncidentViewModel incident) {
        this.list = list;
        this.incident = incident;
    }

    /**
     * @param list the incident list
     * @param incident the open incident and the incident list
     * @param incidentPane shown while an incident is open
     * @param emptyState shown while none is
     */
    static void bind(ListView<IncidentState> list, IncidentViewModel incident, Node incidentPane, Node emptyState) {
        IncidentListBinding b = new IncidentListBinding(list, incident);
        list.setItems(incident.incidents());
        list.setCellFactory(l -> new IncidentCell());
        list.setPlaceholder(new Label("No incidents yet"));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, st) -> {
            if (st != null) {
                incident.open(st.id());
            }
        });
        incident.currentProperty().subscribe(st -> {
            boolean has = st != null;
            incidentPane.setVisible(has);
            emptyState.setVisible(!has);
            b.selectCurrent();
        });
        incident.incidents().subscribe(b::selectCurrent);
    }

    private void selectCurrent() {
        IncidentState st = incident.currentProperty().get();
        if (st == null) {
            return;
        }
        for (int i = 0; i < incident.incidents().size(); i++) {
            if (incident.incidents().get(i).id().equals(st.id())) {
                if (list.getSelectionModel().getSelectedIndex() != i) {
                    list.getSelectionModel().select(i);
                }
                return;
            }
        }
    }
}
