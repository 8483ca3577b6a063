package io.credence.workbench.policy;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import io.credence.policy.PolicyVersion;
import io.credence.workbench.components.VersionBadges;
import io.credence.workbench.format.Display;
import java.util.List;
import java.util.Objects;

/** A market's versions, newest first, with the champion highlighted; choosing a row opens it. */
class VersionsGrid extends Grid<PolicyVersion> {

    private Integer champion;

    VersionsGrid() {
        super(PolicyVersion.class, false);
        addClassName("versions-grid");
        setId("versions");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        configureColumns();
        setPartNameGenerator(v -> Objects.equals(v.version(), champion) ? "champion-row" : null);
        setAllRowsVisible(true);
        addItemClickListener(click -> fireEvent(new VersionChosen(this, click.getItem())));
        // Opening a version takes a round trip of seconds: the page says it is opening at the click itself.
        getElement()
                .executeJs(
                        "this.addEventListener('click', e => {"
                                + " if (!e.composedPath().some(n => n.getAttribute && (n.getAttribute('part') || '').includes('body-cell'))) return;"
                                + " const page = this.closest('.market-workbench'); if (page) page.setAttribute('opening', ''); })");
    }

    private void configureColumns() {
        Display display = Display.current();
        // Badges get fixed room: auto width is measured while the versions list may still be folded
        // away, which clipped "v1 冠军" and "已部署".
        addComponentColumn(this::number)
                .setHeader(getTranslation("common.version"))
                .setWidth("9.5rem")
                .setFlexGrow(0);
        addComponentColumn(v -> VersionBadges.status(v.status()))
                .setHeader(getTranslation("common.status"))
                .setWidth("8rem")
                .setFlexGrow(0);
        addColumn(PolicyVersion::author)
                .setHeader(getTranslation("common.author"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(v -> v.reviewer() == null ? "—" : v.reviewer())
                .setHeader(getTranslation("editor.versions.reviewer"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addComponentColumn(this::digest)
                .setHeader(getTranslation("editor.versions.digest"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(v -> v.note() == null ? "" : v.note())
                .setHeader(getTranslation("editor.versions.note"))
                .setFlexGrow(1)
                .setTooltipGenerator(v -> v.note() == null ? "" : v.note());
        addColumn(v -> display.dateTime(v.createdAt()))
                .setHeader(getTranslation("common.created"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        setEmptyStateText(getTranslation("editor.versions.empty"));
    }

    void show(List<PolicyVersion> versions, Integer championVersion) {
        this.champion = championVersion;
        setItems(versions.stream()
                .sorted((a, b) -> Integer.compare(b.version(), a.version()))
                .toList());
    }

    private HorizontalLayout number(PolicyVersion v) {
        HorizontalLayout cell = new HorizontalLayout(new Span("v" + v.version()));
        cell.setSpacing(false);
        cell.addClassName("version-number");
        if (Objects.equals(v.version(), champion)) cell.add(VersionBadges.champion());
        return cell;
    }

    private Span digest(PolicyVersion v) {
        Span digest = new Span(Display.shortDigest(v.digest()));
        digest.addClassName("digest");
        digest.setTitle(v.digest());
        return digest;
    }

    Registration addVersionChosenListener(ComponentEventListener<VersionChosen> listener) {
        return addListener(VersionChosen.class, listener);
    }

    static class VersionChosen extends ComponentEvent<VersionsGrid> {
        private final PolicyVersion version;

        VersionChosen(VersionsGrid source, PolicyVersion version) {
            super(source, true);
            this.version = version;
        }

        PolicyVersion version() {
            return version;
        }
    }
}
