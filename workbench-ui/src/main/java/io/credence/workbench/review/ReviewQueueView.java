package io.credence.workbench.review;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import io.credence.policy.PolicyService;
import io.credence.policy.PolicyVersion;
import io.credence.policy.VersionStatus;
import io.credence.workbench.format.Display;
import io.credence.workbench.i18n.TranslatedTitle;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.signin.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;

/** Every version waiting for a reviewer, across markets, oldest submission first. */
@Route(value = "reviews", layout = MainLayout.class)
@RolesAllowed({"ANALYST", "REVIEWER", "ADMIN"})
@StyleSheet("context://drl-editor/editor-screens.css")
public class ReviewQueueView extends VerticalLayout implements TranslatedTitle {

    private final Grid<PolicyVersion> grid = new Grid<>(PolicyVersion.class, false);

    ReviewQueueView(PolicyService policies, CurrentUser user) {
        addClassNames("page", "review-queue");
        Paragraph intro = new Paragraph(getTranslation("review.queue.intro"));
        intro.addClassName("page-intro");
        configureGrid(user.name());
        grid.setItems(policies.listByStatus(VersionStatus.IN_REVIEW).stream()
                .sorted(Comparator.comparing(
                        PolicyVersion::submittedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList());
        add(intro, grid);
    }

    private void configureGrid(String me) {
        Display display = Display.current();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("review.queue.empty"));
        grid.setAllRowsVisible(true);
        grid.addColumn(v -> v.market() + " v" + v.version())
                .setHeader(getTranslation("common.version"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(v -> v.author().equals(me) ? getTranslation("review.queue.you", v.author()) : v.author())
                .setHeader(getTranslation("common.author"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(v -> v.note() == null ? "" : v.note())
                .setHeader(getTranslation("review.queue.note"))
                .setFlexGrow(1)
                .setTooltipGenerator(v -> v.note() == null ? "" : v.note());
        grid.addColumn(v -> display.dateTime(v.submittedAt()))
                .setHeader(getTranslation("review.queue.submitted"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(v -> Display.shortDigest(v.digest()))
                .setHeader(getTranslation("review.queue.digest"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addItemClickListener(click -> grid.getUI()
                .ifPresent(ui -> ui.navigate("reviews/" + click.getItem().market() + "/"
                        + click.getItem().version())));
    }

    @Override
    public String heading() {
        return getTranslation("review.queue.title");
    }
}
