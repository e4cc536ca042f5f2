package dev.podscope.ui;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Inline notices under the top bar; each is hidden while it has nothing to say. */
final class NoticeArea extends VBox {

    NoticeArea(MainWindowViewModel model) {
        getStyleClass().add("notices");
        add("context-problem", "notice-danger", model.contextProblemProperty());
        if (!model.kubeconfigProblems().isEmpty()) {
            add("kubeconfig-problems", "notice-warning", new SimpleStringProperty(
                    "Some kubeconfig files could not be used: " + String.join("; ", model.kubeconfigProblems())));
        }
        add("connection-notice", "notice-warning", model.connectionNotice());
        add("namespace-notice", "notice-warning", model.namespaceNoticeProperty());
        add("filter-error", "notice-danger", model.table().filterErrorProperty());
    }

    private void add(String id, String style, ObservableValue<String> text) {
        Label notice = new Label();
        notice.setId(id);
        notice.getStyleClass().addAll("notice", style);
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.textProperty().bind(text);
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        getChildren().add(notice);
    }
}
