package io.credence.workbench.components;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** Asks before anything that changes what serves or who may get in. */
public final class Confirmations {

    private Confirmations() {
    }

    public static void ask(String header, String text, String confirmText, Runnable onConfirm) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirmText, confirm -> onConfirm.run());
        dialog.setCancelable(true);
        dialog.setCancelText("Cancel");
        dialog.setConfirmButtonTheme("primary");
        dialog.open();
    }

    /** The same, with the confirm button coloured as a warning: for revoking, removing, disabling. */
    public static void askDestructive(String header, String text, String confirmText, Runnable onConfirm) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirmText, confirm -> onConfirm.run());
        dialog.setCancelable(true);
        dialog.setCancelText("Cancel");
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }
}
