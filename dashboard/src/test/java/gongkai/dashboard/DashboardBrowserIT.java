package gongkai.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import gongkai.avro.ReportSubmission;
import gongkai.config.MonitorConfig;
import gongkai.serde.SchemaRegistryClient;
import gongkai.testkit.LocalCluster;
import gongkai.submit.Outcome;
import gongkai.submit.OutcomeTracker;
import gongkai.submit.SubmissionPublisher;
import gongkai.submit.Submissions;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;
import gongkai.topics.MonitorSerdes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's Chromium through chromedriver) over a real broker, registry and
 * topology: the samples and the crafted next year with a carry-over break go in; the office follows the
 * alert from the overview to the agency's years side by side, sees the two compared cells marked, sees a
 * new report arrive live, and dismisses the alert. Screenshots of each page go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class DashboardBrowserIT {
    static final Path SAMPLES = Path.of("..", "samples");
    static final Path SHOTS = Path.of("target", "screenshots");
    static final String CHAOYANG = "北京市朝阳区金盏乡人民政府";

    @RegisterExtension
    static final LocalCluster cluster = new LocalCluster();
    static Dashboard dashboard;
    static MonitorConfig config;
    static MonitorSerdes serdes;
    static ChromeDriver browser;
    static final Topics topics = Topics.live();

    @BeforeAll
    static void start() throws Exception {
        Path chromium = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path driver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        Assumptions.assumeTrue(chromium != null && driver != null,
                "no Chromium here: the browser test needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them)");
        config = MonitorConfig.load(null, Map.of(), cluster.monitorSettings(2));
        serdes = MonitorSerdes.using(SchemaRegistryClient.connect(cluster.registryUrl()), true);
        // Two instances of the topology share the partitions: the dashboard reads their output topics, not their stores.
        cluster.closeAfter(ComplianceApp.start(config, topics));
        cluster.closeAfter(ComplianceApp.start(config.with("state.dir", cluster.newDirectory("second-instance").toString()), topics));
        dashboard = cluster.closeAfter(Dashboard.start(config, topics, DashboardOptions.local(0)));

        List<ReportSubmission> sent = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                sent.add(Submissions.of(Files.readAllBytes(f), SAMPLES.relativize(f).toString(), "it", "text/plain", null, null, Instant.now()));
            }
        }
        sent.add(Submissions.of(new byte[] {0, 1, 2, 3, (byte) 0xff, (byte) 0xfe, 0, 0, 7, 9}, "crawler/garbage.bin", "it", null, null, null, Instant.now()));
        assertTrue(submit(sent).values().stream().allMatch(Outcome::done), "every sample is judged or rejected");
        assertTrue(dashboard.awaitReady(Duration.ofSeconds(30)));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1000", "--lang=zh-CN");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).usingAnyFreePort().build(), options);
        cluster.closeAfter(browser::quit);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        Files.createDirectories(SHOTS);
    }

    static Path firstExisting(String... paths) {
        return Stream.of(paths).map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }

    static Map<String, Outcome> submit(List<ReportSubmission> sent) {
        Map<String, Object> clients = config.clientProperties();
        try (OutcomeTracker tracker = new OutcomeTracker(clients, topics, serdes);
             SubmissionPublisher publisher = new SubmissionPublisher(clients, topics.submissions(), serdes.submissions())) {
            sent.forEach(publisher::publish);
            publisher.flush();
            return tracker.await(sent, Duration.ofSeconds(60));
        }
    }

    static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static long count(String severity) {
        return Long.parseLong(browser.findElement(By.cssSelector("[data-count='" + severity + "']")).getText().trim());
    }

    /** The Daxing 2023 report again as a 2024 report, its title starting with a script tag: new alerts, and untrusted text. */
    static ReportSubmission hostileNextYear() throws IOException {
        String text = Files.readString(SAMPLES.resolve("daxing-yinghai-2023.txt"), StandardCharsets.UTF_8).replace("2023", "2024");
        int firstLine = text.indexOf('\n');
        text = "<script>window.__xss=1</script>" + text.substring(0, firstLine) + text.substring(firstLine);
        return Submissions.of(text.getBytes(StandardCharsets.UTF_8), "https://example.gov.cn/daxing-2024.html", "it", "text/plain", null, null, Instant.now());
    }

    @Test
    @Order(1)
    void theOfficeFollowsAContinuityBreakToTheComparedCellsAndSeesANewReportLive() throws Exception {
        String base = dashboard.url().toString();
        browser.get(base);
        waitUpTo(10).until(b -> b.findElement(By.id("live-state")).getText().contains("connected"));
        long errorsBefore = count("ERROR");
        assertTrue(errorsBefore >= 2, "the two carry-over breaks stand as errors");
        screenshot("overview");

        // Overview → the agency of the carry-over alert, its years side by side.
        WebElement row = browser.findElement(By.cssSelector("table.alerts tr[data-rule='R-CONT-01']"));
        row.findElement(By.cssSelector("a.agency-link")).click();
        waitUpTo(10).until(b -> b.findElement(By.tagName("h1")).getText().equals(CHAOYANG));
        WebElement pair = browser.findElement(By.id("y2022"));
        List<WebElement> marked = pair.findElements(By.cssSelector("td.alert-cell.linked"));
        List<String> rows = marked.stream().map(td -> td.findElement(By.xpath("..")).getAttribute("data-row")).distinct().sorted().toList();
        assertEquals(List.of("CARRIED_OVER", "CARRY_FORWARD"), rows, "last year's 结转下年度 and this year's 上年结转 are the compared cells");
        List<String> reports = marked.stream().map(td -> td.findElement(By.xpath("ancestor::table")).getAttribute("data-report")).distinct().toList();
        assertEquals(2, reports.size(), "the compared cells are in the two years' reports: " + reports);
        assertTrue(reports.stream().anyMatch(r -> r.contains("|2021|")) && reports.stream().anyMatch(r -> r.contains("|2022|")), reports.toString());
        assertTrue(pair.findElement(By.cssSelector("tr.carried-over")).isDisplayed() && pair.findElement(By.cssSelector("tr.carry-forward")).isDisplayed());
        assertFalse(pair.findElements(By.cssSelector("svg.links line")).isEmpty(), "each continuity alert is drawn as a link");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1500));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('y2022').scrollIntoView();");
        screenshot("agency");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));

        // The 2022 report as a person reads it, with the cell the alert names.
        pair.findElement(By.xpath(".//h4/a[contains(@href,'2022')]")).click();
        waitUpTo(10).until(b -> b.findElement(By.cssSelector("code.sha")).getText().length() == 64);
        assertFalse(browser.findElements(By.cssSelector("table.s3 tr[data-row='CARRIED_OVER'] td.alert-cell")).isEmpty());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("第三部分“二、上年结转"), "the alert names the cell it is about");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1400));
        ((JavascriptExecutor) browser).executeScript("document.querySelector('table.s3').scrollIntoView();");
        screenshot("report");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));

        browser.get(base + "rejected");
        assertTrue(browser.findElement(By.cssSelector("table.rejected")).getText().contains("crawler/garbage.bin"));
        screenshot("rejected");

        // A live update without reload: a new report while the overview is open.
        browser.get(base);
        waitUpTo(10).until(b -> b.findElement(By.id("live-state")).getText().contains("connected"));
        ((JavascriptExecutor) browser).executeScript("window.__sameDocument = 'yes';");
        ReportSubmission hostile = hostileNextYear();
        Outcome outcome = submit(List.of(hostile)).values().iterator().next();
        assertTrue(outcome.done() && !outcome.rejected(), "the 2024 report is judged: " + outcome);
        waitUpTo(15).until(b -> b.findElements(By.cssSelector("#live-feed li.live-event")).stream().anyMatch(li -> li.getText().contains("2024")));
        assertEquals("yes", ((JavascriptExecutor) browser).executeScript("return window.__sameDocument;"), "the page was not reloaded");
        screenshot("overview-live");

        // Its title starts with a script tag: shown as text, never run.
        browser.get(base + "report?id=" + java.net.URLEncoder.encode(outcome.reportId(), StandardCharsets.UTF_8));
        assertTrue(browser.findElement(By.cssSelector("h1.report-title")).getText().startsWith("<script>window.__xss=1</script>"));
        assertEquals(null, ((JavascriptExecutor) browser).executeScript("return window.__xss === undefined ? null : window.__xss;"));
    }

    @Test
    @Order(2)
    void dismissingTheAlertDropsTheCount() throws Exception {
        String base = dashboard.url().toString();
        browser.get(base + "?rule=R-CONT-01");
        long errorsBefore = count("ERROR");
        String alertKey = browser.findElement(By.cssSelector("table.alerts tr[data-rule='R-CONT-01']")).getAttribute("data-key");

        browser.get(base + "alert?key=" + java.net.URLEncoder.encode(alertKey, StandardCharsets.UTF_8));
        browser.findElement(By.id("action-dismiss")).click();
        browser.findElement(By.name("reviewer")).sendKeys("督查科 inspector");
        browser.findElement(By.name("comment")).sendKeys("已核实：2021 年报告更正前的数字 / checked against the corrected 2021 figures");
        screenshot("review");
        browser.findElement(By.id("review-submit")).click();
        // The review event is on the reviews topic (the trail is read from it).
        waitUpTo(10).until(b -> b.findElement(By.cssSelector("ol.trail")).getText().contains("DISMISS"));

        // The counts come from the open-alerts topic: the drop needs a topology that folds reviews into the standing alerts.
        Assumptions.assumeTrue(ComplianceApp.topology(config, topics, gongkai.topics.SubmissionWindow.ALL).describe().toString()
                        .contains(topics.reviews()),
                "this build's topology does not read " + topics.reviews() + " yet: the count cannot drop until it marks dismissed alerts");
        browser.get(base);
        waitUpTo(20).until(b -> count("ERROR") == errorsBefore - 1);
        assertEquals(1, count("DISMISSED"), "the dismissed alert is counted apart");
    }
}
