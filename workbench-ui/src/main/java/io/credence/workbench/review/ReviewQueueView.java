package io.credence.workbench.review;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.credence.policy.PolicyService;
import io.credence.policy.PolicyVersion;
import io.credence.policy.VersionStatus;
import io.credence.workbench.format.Display;
import io.credence.workbench.layout.MainLayout;
import io.credence.workbench.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;

/** Every version waiting for a reviewer, across markets, oldest submission first. */
@Route(value = "reviews", layout = MainLayout.class)
@PageTitle("Reviews · Credence")
@RolesAllowed({"ANALYST", "REVIEWER", "ADMIN"})
@StyleSheet("context://drl-editor/editor-screens.css")
public class ReviewQueueView extends VerticalLayout {

    private final Grid<PolicyVersion> grid = new Grid<>(PolicyVersion.class, false);

    ReviewQueueView(PolicyService policies, CurrentUser user) {
        addClassNames("page", "review-queue");
        Paragraph intro = new Paragraph("Versions submitted for review. Four-eyes: nobody reviews a version they wrote.");
        intro.addClassName("page-intro");
        configureGrid(user.name());
        grid.setItems(policies.listByStatus(VersionStatus.IN_REVIEW).stream()
                .sorted(Comparator.comparing(PolicyVersion::submittedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList());
        add(intro, grid);
    }

    private void configureGrid(String me) {
        Display display = Display.current();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("Nothing is waiting for review.");
        grid.setAllRowsVisible(true);
        grid.addColumn(v -> v.market() + " v" + v.version()).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> v.author() + (v.author().equals(me) ? " (you)" : "")).setHeader("Author").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(v -> v.note() == null ? "" : v.note()).setHeader("Note").setFlexGrow(1)
                .setTooltipGenerator(v -> v.note() == null ? "" : v.note());
        grid.addColumn(v -> display.dateTime(v.submittedAt())).setHeader("Submitted").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> Display.shortDigest(v.digest())).setHeader("Digest").setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(click -> grid.getUI().ifPresent(ui ->
                ui.navigate("reviews/" + click.getItem().market() + "/" + click.getItem().version())));
    }
}
