package io.credence.workbench.components;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** Asks before anything that changes what serves or who may get in. Texts come translated; Cancel is added here. */
public final class Confirmations {

    private Confirmations() {}

    public static void ask(String header, String text, String confirmText, Runnable onConfirm) {
        open(header, text, confirmText, "primary", onConfirm);
    }

    /** The same, with the confirm button coloured as a warning: for revoking, removing, disabling. */
    public static void askDestructive(String header, String text, String confirmText, Runnable onConfirm) {
        open(header, text, confirmText, "error primary", onConfirm);
    }

    private static void open(String header, String text, String confirmText, String theme, Runnable onConfirm) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirmText, confirm -> onConfirm.run());
        dialog.setCancelable(true);
        dialog.setCancelText(dialog.getTranslation("common.cancel"));
        dialog.setConfirmButtonTheme(theme);
        dialog.open();
    }
}
