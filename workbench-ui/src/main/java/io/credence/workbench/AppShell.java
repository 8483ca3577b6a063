package io.credence.workbench;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;

@StyleSheet(Lumo.STYLESHEET)
public class AppShell implements AppShellConfigurator {
}
