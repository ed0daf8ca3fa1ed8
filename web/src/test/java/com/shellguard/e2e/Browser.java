package com.shellguard.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, found at their fixed paths, so Selenium never
 * looks for or downloads a browser) logged in to a gateway node's console. Saves screenshots under
 * target/screenshots, named after what they show.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final ChromeDriver driver;
    private final String baseUrl;

    private Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    static Browser open(String baseUrl) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-extensions", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, baseUrl);
    }

    Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    Browser logIn(String user, String password) {
        go("/login.xhtml");
        type(By.id("login:username"), user);
        type(By.id("login:password"), password);
        click(By.id("login:submit"));
        return this;
    }

    void type(By field, String text) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks and waits for the page a non-Ajax button or link loads. */
    void click(By target) {
        // an Ajax update still replacing the element (an autocomplete settling) is waited out, not failed on
        WebElement element = await(d -> {
            try {
                WebElement found = d.findElement(target);
                found.click();
                return found;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (detached(e)) {
                    return null;
                }
                throw e;
            }
        });
        await(d -> {
            try {
                element.isDisplayed();
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (detached(e)) {
                    return true;
                }
                throw e;
            }
        });
    }

    /**
     * Whether the element is no longer in the page: Selenium says so as a stale reference, Chromium at times as
     * an inspector error about a node that does not belong to the document.
     */
    private static boolean detached(org.openqa.selenium.WebDriverException e) {
        return e instanceof org.openqa.selenium.StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    String text(By target) {
        return driver.findElement(target).getText();
    }

    boolean present(By target) {
        return !driver.findElements(target).isEmpty();
    }

    List<WebElement> all(By target) {
        return driver.findElements(target);
    }

    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition::apply);
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A GET with this browser's session cookie (for downloads, which a headless browser saves out of sight). */
    HttpResponse<String> fetch(String path) {
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Cookie", "JSESSIONID=" + (session == null ? "" : session.getValue())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
