package dev.conn.shell;

import java.util.function.BooleanSupplier;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;

/** Runs something once a condition over observable state holds. Call on the FX thread. */
final class FxOnce {
    private FxOnce() {}

    /**
     * Runs {@code then} once, as soon as {@code condition} holds (now, or after one of
     * {@code dependencies} changes). Plain listeners removed once fired: a {@code Bindings.create*}
     * object held only by a local variable can be garbage-collected and would never fire.
     *
     * @param condition checked now and on every change of a dependency
     * @param then run once
     * @param dependencies what the condition reads
     */
    static void when(BooleanSupplier condition, Runnable then, Observable... dependencies) {
        InvalidationListener check = new InvalidationListener() {
            private boolean fired;

            @Override
            public void invalidated(Observable o) {
                if (!fired && condition.getAsBoolean()) {
                    fired = true;
                    for (Observable d : dependencies) {
                        d.removeListener(this);
                    }
                    then.run();
                }
            }
        };
        for (Observable d : dependencies) {
            d.addListener(check);
        }
        check.invalidated(null);
    }
}
