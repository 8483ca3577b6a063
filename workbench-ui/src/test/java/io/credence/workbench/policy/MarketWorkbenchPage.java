package io.credence.workbench.policy;

import io.credence.workbench.browser.Browser;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The market workbench as a test drives it: tabs, the CodeMirror editors in their shadow roots, the actions. */
final class MarketWorkbenchPage {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Browser browser;

    MarketWorkbenchPage(Browser browser) {
        this.browser = browser;
    }

    MarketWorkbenchPage open(String market, int version) {
        browser.open("markets/" + market + "/versions/" + version);
        browser.waitFor(By.cssSelector(".version-workspace"));
        return this;
    }

    void tab(String label) {
        scrollToTop(By.cssSelector(".artifact-tabs"));
        browser.click(By.xpath("//vaadin-tab[starts-with(normalize-space(.), '" + label + "')]"));
    }

    /** Clicks one of the version's actions (validate, save-draft, submit-for-review, new-draft). */
    void action(String id) {
        scrollToTop(By.cssSelector(".workspace-toolbar"));
        browser.click(By.id(id));
    }

    // A long tab (the test bench) scrolls the page; Selenium then sees the tabs and toolbar as hidden.
    private void scrollToTop(By locator) {
        WebElement element = browser.driver().findElement(locator);
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
    }

    /** The rendered line of an artifact's editor holding {@code text}; CodeMirror renders only visible lines. */
    WebElement line(String artifact, String text) {
        return new WebDriverWait(browser.driver(), WAIT)
                .withMessage(() -> "a line with \"" + text + "\" in " + artifact)
                .until(d -> lines(artifact).stream()
                        .filter(l -> l.getText().contains(text))
                        .findFirst()
                        .orElse(null));
    }

    /** Puts the cursor at the end of the line holding {@code text} and types keys as the analyst would. */
    void typeAtEndOf(String artifact, String text, CharSequence... keys) {
        line(artifact, text).click();
        new Actions(browser.driver()).sendKeys(Keys.END).sendKeys(keys).perform();
    }

    /** Moves focus out of the editor, which sends its text at once instead of after the typing pause. */
    void leaveEditor() {
        browser.click(By.id("validation-status"));
    }

    List<WebElement> errorLines(String artifact) {
        return editorShadow(artifact).findElements(By.cssSelector(".cm-line.cm-error-line"));
    }

    void awaitErrorMarkOn(String artifact, String text) {
        new WebDriverWait(browser.driver(), WAIT)
                .withMessage(() -> "an error marked on the line with \"" + text + "\"; " + "status: " + status())
                .until(d ->
                        errorLines(artifact).stream().anyMatch(l -> l.getText().contains(text)));
    }

    void awaitNoErrorMarks(String artifact) {
        new WebDriverWait(browser.driver(), WAIT)
                .withMessage(() -> "no error marks; status: " + status())
                .until(d -> errorLines(artifact).isEmpty() && !status().startsWith("Validating"));
    }

    void awaitStatus(String text) {
        browser.waitForText(By.id("validation-status"), text);
    }

    String status() {
        return browser.driver().findElement(By.id("validation-status")).getText();
    }

    String errorList() {
        return browser.waitFor(By.id("error-list")).getText();
    }

    void uploadScorecard(java.nio.file.Path pmml) {
        WebElement upload = browser.waitFor(By.id("scorecard-upload"));
        WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(pmml.toAbsolutePath().toString());
        browser.settle();
    }

    /**
     * Replaces an artifact's whole text as an analyst pasting it does: select all, paste (CodeMirror
     * reads the paste event's clipboard data, so no bracket is closed twice), then leave the editor.
     */
    void pasteInto(String artifact, String text) {
        WebElement content = editorShadow(artifact).findElement(By.cssSelector(".cm-content"));
        WebElement first = editorShadow(artifact).findElement(By.cssSelector(".cm-line"));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", first);
        first.click();
        new Actions(browser.driver())
                .keyDown(Keys.CONTROL)
                .sendKeys("a")
                .keyUp(Keys.CONTROL)
                .perform();
        browser.driver().executeScript("""
                const data = new DataTransfer();
                data.setData('text/plain', arguments[1]);
                arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
                """, content, text);
        leaveEditor();
        browser.settle();
    }

    /** Opens CodeMirror's search panel in an artifact's editor; returns the search field's placeholder. */
    String openSearch(String artifact, String lineText) {
        line(artifact, lineText).click();
        new Actions(browser.driver())
                .keyDown(Keys.CONTROL)
                .sendKeys("f")
                .keyUp(Keys.CONTROL)
                .perform();
        return new WebDriverWait(browser.driver(), WAIT)
                .withMessage(() -> "the search panel of " + artifact)
                .until(d ->
                        editorShadow(artifact).findElements(By.cssSelector(".cm-search input[name='search']")).stream()
                                .findFirst()
                                .map(input -> input.getDomAttribute("placeholder"))
                                .orElse(null));
    }

    /** Types a message into the reason-messages grid's cell for a code and language; blank clears it. */
    void editReason(String code, String locale, String text) {
        WebElement input = reasonCell(code, locale).findElement(By.cssSelector("textarea"));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        if (!text.isEmpty()) input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        browser.settle();
    }

    String reasonMessage(String code, String locale) {
        return reasonCell(code, locale).getDomProperty("value");
    }

    /**
     * The grid renders only the rows in view, so a code further down exists in the page only once the
     * grid has scrolled to it: scroll a few rows at a time until it does.
     */
    private WebElement reasonCell(String code, String locale) {
        By cell = By.cssSelector("vaadin-text-area[data-code='" + code + "'][data-locale='" + locale + "']");
        browser.waitFor(By.id("reasons-grid"));
        Object size = browser.driver().executeScript("return document.getElementById('reasons-grid').size || 0");
        int rows = size instanceof Number n ? n.intValue() : 0;
        for (int index = 0; index <= rows && browser.driver().findElements(cell).isEmpty(); index += 3) {
            browser.driver()
                    .executeScript("document.getElementById('reasons-grid').scrollToIndex(arguments[0])", index);
            browser.settle();
        }
        return browser.waitFor(cell);
    }

    private List<WebElement> lines(String artifact) {
        return editorShadow(artifact).findElements(By.cssSelector(".cm-line"));
    }

    private SearchContext editorShadow(String artifact) {
        return browser.waitFor(By.cssSelector("drl-editor[data-artifact='" + artifact + "']"))
                .getShadowRoot();
    }
}
