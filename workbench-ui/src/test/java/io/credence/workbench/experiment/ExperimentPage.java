package io.credence.workbench.experiment;

import io.credence.workbench.browser.Browser;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The experiment screens as a test drives them: the start form, the arms table, the charts, the actions. */
final class ExperimentPage {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Browser browser;

    ExperimentPage(Browser browser) {
        this.browser = browser;
    }

    ExperimentPage openList() {
        browser.open("experiments");
        browser.waitFor(By.id("experiments"));
        return this;
    }

    /** Fills in the start form for a split experiment and starts it; waits for the experiment's own page. */
    void startSplit(String market, String challenger, int percent) {
        browser.select("experiment-market", market);
        browser.select("experiment-challenger", challenger);
        browser.type("experiment-traffic", Integer.toString(percent), false);
        start(market);
    }

    /** Fills in the start form for a shadow experiment, without starting it yet. */
    void fillShadow(String market, String challenger) {
        browser.select("experiment-market", market);
        browser.select("experiment-challenger", challenger);
        browser.select("experiment-mode", "Shadow");
    }

    /** Starts what the form holds; waits for the experiment's own page. */
    void start(String market) {
        browser.click(By.id("start-experiment"));
        new WebDriverWait(browser.driver(), WAIT)
                .until(d -> d.getCurrentUrl().contains("/experiments/" + market + "/"));
        browser.waitFor(By.id("arm-comparison"));
    }

    /** Scrolls the element into the middle of the window, for a screenshot of what lies below the fold. */
    void scrollTo(String id) {
        var element =
                new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    /** The experiment's id, from the page address. */
    String id() {
        String url = browser.driver().getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** Waits (the page refreshes itself while the experiment runs) until the arms have decided {@code total} applications. */
    void awaitDecisions(long total) {
        new WebDriverWait(browser.driver(), WAIT)
                .withMessage(() -> total + " decisions in the arms table; saw " + browser.gridCells("arm-comparison"))
                .until(d -> decisions() == total);
    }

    /** The arms table's first row, "Decisions": the two arms' counts added up. */
    long decisions() {
        List<String> cells = browser.gridCells("arm-comparison");
        int at = cells.indexOf("Decisions");
        if (at < 0 || cells.size() < at + 3) return -1;
        return number(cells.get(at + 1)) + number(cells.get(at + 2));
    }

    /** A measure of the arms table as [champion, challenger]. */
    List<String> measure(String name) {
        List<String> cells = browser.gridCells("arm-comparison");
        int at = cells.indexOf(name);
        return List.of(cells.get(at + 1), cells.get(at + 2));
    }

    void awaitChart(String id) {
        browser.waitFor(By.cssSelector("credence-chart#" + id + "[data-rendered]"));
    }

    String facts() {
        return browser.text(By.id("experiment-facts"));
    }

    void promote() {
        browser.click(By.id("promote-challenger"));
        browser.clickButton("Promote");
        browser.waitForText(By.id("experiment-facts"), "promoted");
    }

    void stop() {
        scrollTo("stop-experiment");
        browser.click(By.id("stop-experiment"));
        browser.clickButton("Stop experiment");
        browser.waitForText(By.id("experiment-facts"), "stopped");
    }

    boolean hasActions() {
        return browser.driver().findElements(By.id("promote-challenger")).stream()
                .anyMatch(e -> e.isDisplayed());
    }

    private static long number(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
