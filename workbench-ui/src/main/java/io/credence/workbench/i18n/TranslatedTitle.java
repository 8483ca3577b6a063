package io.credence.workbench.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * A page whose title is in the reader's language. {@code @PageTitle} is a constant, so translated
 * pages name themselves here instead: the heading shown in the layout, and "heading · Credence" in
 * the browser tab.
 */
public interface TranslatedTitle extends HasDynamicTitle {

    /** The page's name in the current language, e.g. {@code getTranslation("overview.title")}. */
    String heading();

    @Override
    default String getPageTitle() {
        return I18NProvider.translate("layout.page-title", heading());
    }
}
