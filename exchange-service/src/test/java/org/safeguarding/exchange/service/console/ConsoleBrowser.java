package org.safeguarding.exchange.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The system Chromium driven by Playwright (which may not download a browser here), with what every console page test
 * does: sign in, check the page with axe-core, keep a screenshot under target/console-screenshots/.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/lib/chromium/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    /** axe-core impacts that fail a page (WCAG 2.2 AA is the councils' duty). */
    private static final Set<String> FAILING = Set.of("serious", "critical");

    private final Playwright playwright;
    private final Browser browser;
    private final String baseUrl;

    static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    ConsoleBrowser(String baseUrl) {
        this.baseUrl = baseUrl;
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true));
    }

    /** A fresh browser session (its own cookies), signed in as {@code user}, on the page the console starts it on. */
    Page signIn(String user, String password) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        Page page = context.newPage();
        page.navigate(baseUrl + "/console/login");
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForLoadState();
        return page;
    }

    Page anonymous() {
        return browser.newContext().newPage();
    }

    String url(String path) {
        return baseUrl + path;
    }

    /** Fails on any serious or critical axe-core violation, and keeps a full-page screenshot named {@code name}. */
    static void checkAndKeep(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // Text stays invisible until the page's fonts settle (GOV.UK Frontend asks for fonts the console does not serve).
        page.evaluate("() => document.fonts.ready.then(() => true)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        List<Rule> violations = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                .analyze().getViolations();
        List<String> failing = violations.stream().filter(v -> FAILING.contains(v.getImpact()))
                .map(v -> v.getImpact() + " " + v.getId() + ": " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining("; ")))
                .toList();
        assertThat(failing).as("serious or critical accessibility violations on " + name).isEmpty();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
