package dev.gallerykit.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium through its own chromedriver: the paths are given, so Selenium Manager
 * never downloads a browser or a driver, and the flags keep Chromium off the network.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final String base;

    Browser(String base) {
        this.base = base;
        try {
            Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(),
                    "chromium-profile-");
            Files.createDirectories(SCREENSHOTS);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--no-first-run", "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                    "--user-data-dir=" + profile);
            driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** The first element matching {@code css}, waiting for it to appear (pages load asynchronously). */
    WebElement find(String css) {
        return await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    void fill(String formCss, String field, String value) {
        WebElement input = find(formCss + " [name=" + field + "]");
        input.clear();
        input.sendKeys(value);
    }

    /**
     * Submits the form and waits until the browser has left the page and loaded the next one, so that
     * nothing is read from the old page (which may have the same elements, an {@code h1} say).
     */
    void submit(String formCss) {
        follow(find(formCss + " button[type=submit]"));
    }

    /** Clicks a link or button that leads to another page, and waits until that page has loaded. */
    void follow(WebElement link) {
        WebElement page = driver.findElement(By.tagName("html"));
        link.click();
        awaitLeft(page);
    }

    /** Submits a form that asks "are you sure?" first ({@code confirm()}), says yes, and waits for the next page. */
    void submitConfirmed(String formCss) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(formCss + " button[type=submit]").click();
        await(ExpectedConditions.alertIsPresent()).accept();
        awaitLeft(page);
    }

    /**
     * Posts an empty form to {@code path} with this page's CSRF token, as a page of this site could: for
     * actions the page does not offer this user. Waits for the answer's page.
     */
    void post(String path) {
        WebElement page = driver.findElement(By.tagName("html"));
        script("const form = document.createElement('form');"
                + "form.method = 'post'; form.action = arguments[0];"
                + "const csrf = document.createElement('input');"
                + "csrf.type = 'hidden'; csrf.name = '_csrf'; csrf.value = document.querySelector('input[name=_csrf]').value;"
                + "form.append(csrf); document.body.append(form); form.submit();", path);
        awaitLeft(page);
    }

    private void awaitLeft(WebElement page) {
        // Chromium reports the old page's node as stale or as "not in the document": either means it is gone.
        await(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        await(d -> "complete".equals(script("return document.readyState")));
    }

    /** Signs up on the form, opens the confirmation mail on {@code /dev/mail} and its link. */
    void signUpAndConfirm(String email, String name, String password) {
        open("/signup");
        fill("#sign-up", "email", email);
        fill("#sign-up", "displayName", name);
        fill("#sign-up", "password", password);
        submit("#sign-up");
        follow(find("#dev-mail-link"));
        WebElement link = mailedLink(email, "/account/confirm-email?token=");
        screenshot("dev-mail");
        follow(link);
        assertThat(find("#confirmed").getText()).contains(name);
    }

    void signIn(String email, String password) {
        open("/signin");
        fill("#sign-in", "email", email);
        fill("#sign-in", "password", password);
        submit("#sign-in");
    }

    /**
     * The newest link on {@code /dev/mail} mailed to {@code email} that contains {@code pathAndQuery}. The
     * mails go out in the background, so the page is loaded again until one is there.
     */
    WebElement mailedLink(String email, String pathAndQuery) {
        return await(d -> {
            // A fresh load each time: a reload straight after a load was seen aborted ("Not attached to an active page").
            open("/dev/mail");
            return d.findElements(By.cssSelector(".mail")).stream()
                    .filter(mail -> mail.findElement(By.cssSelector(".to")).getText().equalsIgnoreCase(email))
                    .flatMap(mail -> mail.findElements(By.cssSelector(".body a")).stream())
                    .filter(a -> a.getText().contains(pathAndQuery)).findFirst().orElse(null);
        });
    }

    /** Whether the image has loaded, from its (presigned) URL: complete, with a natural width above 0. */
    boolean loaded(WebElement image) {
        await(d -> (Boolean) script("return arguments[0].complete", image));
        return ((Number) script("return arguments[0].naturalWidth", image)).intValue() > 0;
    }

    <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    void screenshot(String name) {
        try {
            Path file = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of the whole page, not only the window: the window is made as tall as the page for it. */
    void screenshotWholePage(String name) {
        Dimension window = driver.manage().window().getSize();
        long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(window.getWidth(),
                (int) Math.min(height + 120, 4000)));
        try {
            screenshot(name);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
