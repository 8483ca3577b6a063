package io.credence.workbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A whole session in Chinese: a browser that asks for zh-CN gets every screen in Chinese, with no
 * English workbench text left on it. "English text" is every English bundle text of two words or
 * more that Chinese does not share, so an untranslated label shows up here by name. Each screen is
 * saved as {@code docs/screenshots/zh/<screen>.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChineseWorkbenchIT {

    @RegisterExtension
    @Order(2)
    static final ProductionApp app = new ProductionApp();

    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser(app, "zh-CN");

    private static final Set<String> ENGLISH = englishPhrases();

    @Test
    @Order(1)
    void the_sign_in_page_is_in_chinese_for_a_chinese_browser() {
        browser.open("login");
        browser.waitForText(By.tagName("vaadin-login-form"), "用户名");
        assertNoEnglish("login");
    }

    @Test
    @Order(2)
    void an_admin_reads_every_screen_in_chinese() {
        String decision = app.decide(Fixtures.application(getClass(), "prime-applicant.json", "ZH-WALK-1"))
                .body();
        Matcher id = Pattern.compile("\"decisionId\"\\s*:\\s*\"([^\"]+)\"").matcher(decision);
        assertThat(id.find()).as("a decision id in %s", decision).isTrue();

        browser.login("admin");
        browser.waitForText(By.id("current-roles"), "管理员");
        visit("", "overview");
        visit("decisions", "decisions");
        visit("decisions/" + id.group(1), "decision-detail");
        visit("experiments", "experiments");
        visit("backtests", "backtests");
        visit("audit", "audit");
        visit("admin/deployments", "deployments");
        visit("admin/fraud-lists", "fraud-lists");
        visit("admin/api-keys", "api-keys");
        visit("admin/users", "users");
    }

    @Test
    @Order(3)
    void an_analyst_edits_a_market_in_chinese() {
        browser.login("analyst");
        visit("markets/BR", "market-editor");
    }

    @Test
    @Order(4)
    void a_reviewer_sees_the_queue_in_chinese() {
        browser.login("reviewer");
        visit("reviews", "reviews");
    }

    private void visit(String path, String screen) {
        browser.open(path);
        browser.waitFor(By.id("current-user"));
        assertNoEnglish(screen);
    }

    private void assertNoEnglish(String screen) {
        browser.screenshot("zh/" + screen);
        // What is rendered, not what sits in hidden elements Flow has not yet sent their texts to.
        String page = (String) browser.driver().executeScript("return document.body.innerText;");
        List<String> english = ENGLISH.stream().filter(page::contains).toList();
        assertThat(english)
                .as("English workbench text on the %s screen:%n%s", screen, page)
                .isEmpty();
        assertThat(page).as("a missing text key on the %s screen", screen).doesNotContainPattern("![a-z]+\\.[a-z.-]+!");
    }

    private static Set<String> englishPhrases() {
        Set<String> phrases = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
            for (Path english :
                    files.filter(f -> !f.getFileName().toString().contains("_")).toList()) {
                Properties en = load(english);
                Properties zh = load(english.resolveSibling(
                        english.getFileName().toString().replace(".properties", "_zh_CN.properties")));
                for (String key : en.stringPropertyNames()) {
                    String text = en.getProperty(key);
                    if (text.equals(zh.getProperty(key))) continue;
                    // The plain words around any {0} argument: "Deploy {0}" looks for "Deploy ".
                    for (String piece : text.split("\\{[^}]*}")) {
                        String words = piece.replace("''", "'").strip();
                        if (words.split("\\s+").length >= 2 && words.matches(".*[A-Za-z]{3,}.*")) phrases.add(words);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return phrases;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
