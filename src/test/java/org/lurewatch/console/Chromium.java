package org.lurewatch.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (Selenium never downloads a browser or driver), with
 * a fresh profile per test class. {@code .ci/run} installs both packages; where they are missing the browser tests are
 * skipped ({@link #available()}). Screenshots go to {@code target/console-screenshots/}, or to the directory named by
 * {@code -Dlurewatch.screenshots=DIR} (the README's come from {@code docs/console}).
 */
final class Chromium {
    static final Path BROWSER = Path.of(System.getProperty("lurewatch.test.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("lurewatch.test.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of(System.getProperty("lurewatch.screenshots", "target/console-screenshots"));

    private Chromium() {
    }

    static boolean available() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    static WebDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withLogOutput(java.io.OutputStream.nullOutputStream()).build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Saves the whole page (up to 2,400 pixels high) as {@code <name>.png}. */
    static Path screenshot(WebDriver driver, String name) throws IOException {
        Object height = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight;");
        int pageHeight = height instanceof Number number ? number.intValue() : 1000;
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, Math.max(700, Math.min(2400, pageHeight + 20))));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
