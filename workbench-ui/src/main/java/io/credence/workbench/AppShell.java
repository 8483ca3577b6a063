package io.credence.workbench;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Vaadin 25 has no theme by default: Lumo and its utility classes are loaded here, then the
 * workbench's own few rules (src/main/resources/META-INF/resources/workbench.css). Plain
 * stylesheets keep the production build on Vaadin's precompiled bundle, without npm.
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("workbench.css")
public class AppShell implements AppShellConfigurator {}
