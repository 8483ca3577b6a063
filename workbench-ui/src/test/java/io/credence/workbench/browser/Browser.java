package io.credence.workbench.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} unless
 * {@code -Dcredence.chromium} / {@code -Dcredence.chromedriver} say otherwise; nothing downloaded) for
 * one test class, pointed at a {@link ProductionApp}:
 * {@code @RegisterExtension @Order(1) static final Browser browser = new Browser(app);} with the app at
 * {@code @Order(2)}, so that a machine without Chromium skips or fails the class before the product starts.
 *
 * <p>Without Chromium the class fails, unless {@code -Dcredence.browser.optional=true}, which skips
 * it with a message instead. A failing test leaves a screenshot in {@code target/browser-tests/}.
 *
 * <p>Vaadin renders inputs, grid cells, dialog and notification content in the light DOM, so plain
 * CSS selectors reach them (e.g. {@code #my-field input}, {@code vaadin-grid-cell-content}); use
 * {@link #shadow(WebElement)} for what lives in a shadow root.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback {

    /** Debian's paths; other systems set {@code -Dcredence.chromium} and {@code -Dcredence.chromedriver}. */
    static final Path CHROMIUM = Path.of(System.getProperty("credence.chromium", "/usr/bin/chromium"));

    static final Path CHROMEDRIVER = Path.of(System.getProperty("credence.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ProductionApp app;
    private final String language;
    private ChromeDriver driver;
    private Path profile;

    public Browser(ProductionApp app) {
        this(app, "en-GB");
    }

    /** A browser asking for another language first, e.g. {@code "zh-CN"} for the Chinese workbench. */
    public Browser(ProductionApp app, String language) {
        this.app = app;
        this.language = language;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install -y chromium chromium-driver).";
            if (Boolean.getBoolean("credence.browser.optional")) {
                String skipped = "SKIPPED " + context.getRequiredTestClass().getSimpleName() + ": " + missing
                        + " (-Dcredence.browser.optional=true)";
                System.err.println(skipped);
                Assumptions.abort(skipped);
            }
            fail(missing + " To skip browser tests on a machine without them, pass -Dcredence.browser.optional=true.");
        }
        profile = Files.createTempDirectory("credence-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=1440,900",
                "--lang=" + language);
        // A fixed language, so amounts and dates render the same on every machine.
        options.setExperimentalOption(
                "prefs", java.util.Map.of("intl.accept_languages", language + "," + language.substring(0, 2)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1440, 900));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (driver != null && context.getExecutionException().isPresent()) {
            save(Path.of(
                    "target",
                    "browser-tests",
                    context.getRequiredTestClass().getSimpleName() + "-"
                            + context.getRequiredTestMethod().getName() + ".png"));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) driver.quit();
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a workbench path ("" for the overview, "decisions", "admin/users"...) and waits for Vaadin to settle. */
    public void open(String path) {
        driver.get(app.baseUrl() + "/" + path);
        settle();
    }

    /** Signs in as a demo user (password {@link ProductionApp#DEMO_PASSWORD}) from a clean session. */
    public void login(String user) {
        login(user, ProductionApp.DEMO_PASSWORD);
        waitFor(By.id("current-user"));
        settle();
    }

    /** Fills in and sends the sign-in form from a clean session; does not wait for success. */
    public void login(String user, String passwordText) {
        driver.manage().deleteAllCookies();
        open("login");
        WebElement username = waitFor(By.cssSelector("vaadin-login-form vaadin-text-field[name='username'] input"));
        username.sendKeys(user);
        WebElement password = driver.findElement(By.cssSelector("vaadin-login-form vaadin-password-field input"));
        password.sendKeys(passwordText, Keys.ENTER);
        new WebDriverWait(driver, WAIT).until(d -> !d.getCurrentUrl().endsWith("/login"));
        settle();
    }

    /** Waits until Vaadin has no request in flight: every Flow client on the page is idle. */
    public void settle() {
        new WebDriverWait(driver, WAIT)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("const v = window.Vaadin; if (document.readyState !== 'complete') return false;"
                                + "if (!v || !v.Flow || !v.Flow.clients) return true;"
                                + "return Object.values(v.Flow.clients).every(c => !c.isActive || !c.isActive());")));
    }

    /** The first element matching, once it is displayed. */
    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the element's visible text contains {@code text}, and returns the element. */
    public WebElement waitForText(By locator, String text) {
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "text \"" + text + "\" in " + locator + "; page text:\n"
                        + driver.findElement(By.tagName("body")).getText())
                .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver.findElement(locator);
    }

    /** Scrolls the element into the middle of its scroll area, clicks it once clickable, waits for the round trip. */
    public void click(By locator) {
        WebElement element =
                new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.elementToBeClickable(element))
                .click();
        settle();
    }

    /** Types into a Vaadin text field, combo box or picker by the component's id; {@code enter} commits it. */
    public void type(String componentId, String text, boolean enter) {
        WebElement input = waitFor(By.cssSelector("#" + componentId + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        if (enter) input.sendKeys(Keys.ENTER);
        else input.sendKeys(Keys.TAB);
        settle();
    }

    /** Picks an item of a Vaadin select by its text. */
    public void select(String selectId, String itemText) {
        click(By.id(selectId));
        click(By.xpath("//vaadin-select-item[normalize-space(.)='" + itemText + "']"));
    }

    /** Clicks a visible Vaadin button by its text, wherever it is (page, dialog, confirm dialog). */
    public void clickButton(String text) {
        click(By.xpath("//vaadin-button[normalize-space(.)='" + text + "' and not(@disabled)]"));
    }

    /** Clicks the confirm button of the open confirm dialog (Deploy, Revoke, Remove...). */
    public void confirm() {
        click(By.cssSelector("vaadin-confirm-dialog[opened] [slot='confirm-button']"));
    }

    /** Clicks the grid row whose cell reads exactly {@code cellText}. */
    public void clickRow(String gridId, String cellText) {
        click(By.xpath("//*[@id='" + gridId + "']/vaadin-grid-cell-content[normalize-space(.)='" + cellText + "']"));
    }

    /** The texts of a grid's body cells, row by row flattened; header cells excluded. */
    public List<String> gridCells(String gridId) {
        WebElement grid = waitFor(By.id(gridId));
        return grid.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public String text(By locator) {
        return waitFor(locator).getText();
    }

    public String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public SearchContext shadow(WebElement host) {
        return host.getShadowRoot();
    }

    /** Runs a fetch in the page, with the page's session cookie; returns the HTTP status. */
    public long fetchStatus(String path) {
        Object status = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status), e => done(-1));",
                path);
        return ((Number) status).longValue();
    }

    /**
     * Saves the window as {@code docs/screenshots/<name>.png} (the directory is the system property
     * {@code credence.screenshots}, by default {@code ../docs/screenshots} from the module), after
     * letting Vaadin settle. Returns the file.
     */
    public Path screenshot(String name) {
        settle();
        // Vaadin's loading bar fades out after the round trip; a screenshot should not catch it.
        new WebDriverWait(driver, WAIT)
                .until(
                        d -> Boolean.TRUE.equals(
                                ((JavascriptExecutor) d)
                                        .executeScript(
                                                "const bar = document.querySelector('.v-loading-indicator');"
                                                        + "if (!bar) return true; const style = getComputedStyle(bar);"
                                                        + "return style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0;")));
        Path directory = Path.of(System.getProperty("credence.screenshots", "../docs/screenshots"));
        return save(directory.resolve(name + ".png"));
    }

    private Path save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().setReadable(true, false);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
