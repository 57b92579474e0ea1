package com.wholesaler.marketing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for the browser tests. Where it is not installed the tests skip, saying
 * how to install it; under CI=true a missing browser fails the build instead.
 */
public final class Browser implements AutoCloseable {

	private static final String CHROMIUM = "/usr/bin/chromium";
	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private final WebDriver driver;
	private final String baseUrl;

	private Browser(WebDriver driver, int port) {
		this.driver = driver;
		this.baseUrl = "http://localhost:" + port;
	}

	public static Browser open(int port) {
		boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
		if (!installed) {
			String how = "Chromium is missing: apt-get install chromium chromium-driver fonts-noto-cjk";
			if ("true".equals(System.getenv("CI"))) {
				fail(how);
			}
			assumeTrue(false, how);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--no-first-run", "--window-size=1400,900", "--lang=zh-TW", "--accept-lang=zh-TW,zh");
		options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-TW,zh"));
		// the console's errors, for a test to see that a page's scripts ran clean
		options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
				.usingAnyFreePort().build();
		return new Browser(new ChromeDriver(service, options), port);
	}

	public Browser go(String path) {
		driver.get(baseUrl + path);
		return this;
	}

	public Browser signIn(String user, String password) {
		go("/login");
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("login")).click();
		// the next page must have replaced the login form before a test navigates on; otherwise the
		// navigation can race the login redirect and land on the Tasklist without the task's hash.
		// Asking the old login button whether it is stale is itself racy in Chromium ("node does not
		// belong to the document"), so this waits on the address and the new page's load instead.
		try {
			new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
					// our login page by its path: Tasklist's own "#/login" route or an API address with "login" in it is not it
					.until(d -> !java.net.URI.create(d.getCurrentUrl()).getPath().startsWith("/login")
							&& "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
		}
		catch (org.openqa.selenium.TimeoutException e) {
			// what the browser showed instead, for the next time this happens
			screenshot("signin-timeout-" + user + "-" + System.currentTimeMillis());
			String text = driver.findElement(By.tagName("body")).getText();
			throw new AssertionError("%s not signed in after 20 s: at %s, showing: %s%nthe server's busy request threads:%n%s".formatted(user,
					driver.getCurrentUrl(), text.length() > 300 ? text.substring(0, 300) : text, busyRequestThreads()), e);
		}
		return this;
	}

	/** Where the embedded server's request threads are, when the server runs in this JVM (the shared test context). */
	private static String busyRequestThreads() {
		StringBuilder dump = new StringBuilder();
		Thread.getAllStackTraces().forEach((thread, stack) -> {
			boolean idle = stack.length > 0 && (stack[0].getMethodName().equals("park") || stack[0].getClassName().contains("EPoll"))
					&& java.util.Arrays.stream(stack).noneMatch(f -> f.getClassName().startsWith("com.wholesaler"));
			if (thread.getName().startsWith("http-nio") && !idle) {
				dump.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
				java.util.Arrays.stream(stack).limit(40).forEach(f -> dump.append("    at ").append(f).append('\n'));
			}
		});
		return dump.isEmpty() ? "(none)" : dump.toString();
	}

	/**
	 * Another user in the same browser. The current page is left for a plain stylesheet of the site
	 * first, so no script of it (Tasklist refreshing its lists) sends a request without a session
	 * between the cookies going and the new sign-in; then the site's cookies are deleted.
	 */
	public Browser switchUser(String user, String password) {
		go("/css/portal.css");
		driver.manage().deleteAllCookies();
		return signIn(user, password);
	}

	/** Waits for the element; on a time-out keeps a screenshot of what the page showed instead. */
	public WebElement waitFor(By by) {
		try {
			return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
		}
		catch (org.openqa.selenium.TimeoutException e) {
			screenshot("timeout-" + System.currentTimeMillis());
			throw e;
		}
	}

	public WebElement waitForText(String text) {
		return waitFor(By.xpath("//*[text()[contains(normalize-space(.), '" + text + "')]]"));
	}

	/**
	 * Scrolls the element to the middle of the window first; where a fixed footer still covers it
	 * (Tasklist's form pane scrolls on its own), clicks it as a script would.
	 */
	public WebElement click(By by) {
		WebElement element = waitFor(by);
		org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
		js.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		try {
			element.click();
		}
		catch (org.openqa.selenium.ElementClickInterceptedException covered) {
			js.executeScript("arguments[0].click();", element);
		}
		return element;
	}

	/**
	 * Opens Tasklist's start dialog and picks a process by its name. The dialog lists 15 definitions a
	 * page, so it searches by name first, as a user with many processes would.
	 */
	public void startInTasklist(String processName) {
		go("/camunda/app/tasklist/default/");
		click(By.xpath("//*[text()[normalize-space(.)='發起流程']]"));
		click(By.cssSelector("div.modal input[ng-model='page.searchValue']")).sendKeys(processName);
		// The search runs two seconds after the last key; wait for its list so the click does not hit a row being replaced.
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
			java.util.List<WebElement> rows = d.findElements(By.cssSelector("div.modal-content ul.processes a"));
			return !rows.isEmpty() && rows.stream().allMatch(r -> r.getText().contains(processName));
		});
		click(By.xpath("//div[contains(@class, 'modal')]//*[text()[normalize-space(.)='" + processName + "']]"));
	}

	/** The page's script errors since the last call (the console's SEVERE entries). */
	public java.util.List<String> scriptErrors() {
		return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
				.filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
				.map(org.openqa.selenium.logging.LogEntry::getMessage).toList();
	}

	/** Fetches a link in the page's own session, as the browser would download it: its status, type and first bytes. */
	@SuppressWarnings("unchecked")
	public java.util.Map<String, Object> fetch(String path) {
		return (java.util.Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(function (r) {
				  return r.arrayBuffer().then(function (b) {
				    var head = Array.from(new Uint8Array(b.slice(0, 2))).map(function (c) { return String.fromCharCode(c); }).join('');
				    done({ status: r.status, type: r.headers.get('Content-Type'), size: b.byteLength, head: head,
				           disposition: r.headers.get('Content-Disposition') });
				  });
				}).catch(function (e) { done({ error: String(e) }); });""", path);
	}

	public WebDriver driver() {
		return driver;
	}

	/** Saves a screenshot under target/screenshots for a person to look at. */
	public void screenshot(String name) {
		try {
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}
}
