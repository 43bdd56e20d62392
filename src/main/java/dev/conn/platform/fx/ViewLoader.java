package dev.conn.platform.fx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/**
 * Loads a view's FXML ({@code XView.fxml} next to {@code XView} on the classpath) with a
 * controller factory, so controllers get their dependencies through their constructors (the
 * Cryptomator {@code FxmlLoaderFactory} pattern).
 */
public final class ViewLoader {
    private final Callback<Class<?>, Object> controllers;
    private Object lastController;

    /** @param controllers creates a controller for a class; the composition root supplies it */
    public ViewLoader(Callback<Class<?>, Object> controllers) {
        this.controllers = controllers;
    }

    /**
     * @param viewClass the controller class; its FXML has the same simple name
     * @return the loaded root node
     * @throws UncheckedIOException if the FXML is missing or malformed (a build defect)
     */
    public Parent load(Class<?> viewClass) {
        URL fxml = viewClass.getResource(viewClass.getSimpleName() + ".fxml");
        if (fxml == null) {
            throw new UncheckedIOException(new IOException("missing " + viewClass.getSimpleName() + ".fxml"));
        }
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setControllerFactory(controllers);
        try {
            Parent root = loader.load();
            lastController = loader.getController();
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    /** @return the controller of the view loaded last, or null */
    public Object lastController() {
        return lastController;
    }
}
