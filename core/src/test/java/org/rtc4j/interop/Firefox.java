package org.rtc4j.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A headless Firefox ESR started for one test: a fresh profile whose user.js grants fake camera
 * and microphone without a prompt, keeps the browser online with no real network (it runs in
 * the test's network namespace), plays media without a gesture, writes plain host addresses into
 * candidates and turns off first-run pages, telemetry, updates and background requests. Pages
 * report through a {@link PageServer}; what the browser prints (with the page's console) is kept
 * for failure messages. Closing kills the browser and its children and deletes the profile.
 */
public final class Firefox implements AutoCloseable {

    /** Where Debian's package puts it. */
    public static final Path BINARY = Path.of("/usr/bin/firefox-esr");
    private static final int KEEP_LINES = 400;

    /** The user.js of every profile. */
    static final Map<String, Object> PREFS = prefs();

    private final Process process;
    private final Path home;
    private final Deque<String> output = new ArrayDeque<>();

    private Firefox(Process process, Path home) {
        this.process = process;
        this.home = home;
        Thread reader = new Thread(this::readOutput, "firefox-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Whether this test JVM runs in its own network namespace with Firefox installed. */
    public static boolean available() {
        return System.getenv("RTC4J_NETNS") != null && Files.isExecutable(BINARY);
    }

    /** Opens {@code url} in a new headless browser with a fresh profile. */
    public static Firefox open(String url) throws IOException {
        // HOME too, so that nothing lands in root's real home (caches, crash reports).
        Path home = Files.createTempDirectory("rtc4j-firefox");
        Path profile = Files.createDirectory(home.resolve("profile"));
        Files.writeString(profile.resolve("user.js"), userJs(), StandardCharsets.UTF_8);
        ProcessBuilder b = new ProcessBuilder(BINARY.toString(), "--headless", "--no-remote", "--profile",
                profile.toString(), url).redirectErrorStream(true);
        Map<String, String> env = b.environment();
        env.put("HOME", home.toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("MOZ_CRASHREPORTER_DISABLE", "1");
        env.put("MOZ_HEADLESS", "1");
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        return new Firefox(b.start(), home);
    }

    private static Map<String, Object> prefs() {
        Map<String, Object> p = new LinkedHashMap<>();
        // getUserMedia: Firefox's own fake devices (a moving test pattern and a 1 kHz tone), no prompt
        p.put("media.navigator.streams.fake", true);
        p.put("media.navigator.permission.disabled", true);
        // a namespace with no way out: without this Firefox goes offline a second after start
        p.put("network.manage-offline-status", false);
        // candidates with the address itself (nothing answers mDNS here); the default route's
        // interface only (the veth our rtc4j binds to), no loopback ones
        p.put("media.peerconnection.ice.obfuscate_host_addresses", false);
        p.put("media.peerconnection.ice.loopback", false);
        // <video> and <audio> play without a gesture
        p.put("media.autoplay.default", 0);
        p.put("media.autoplay.blocking_policy", 0);
        // the page's console.log on stdout, for failure messages
        p.put("devtools.console.stdout.content", true);
        p.put("browser.dom.window.dump.enabled", true);
        // no first-run, default-browser or what's-new pages
        p.put("browser.shell.checkDefaultBrowser", false);
        p.put("browser.startup.homepage_override.mstone", "ignore");
        p.put("browser.startup.page", 0);
        p.put("browser.startup.homepage", "about:blank");
        p.put("startup.homepage_welcome_url", "");
        p.put("startup.homepage_welcome_url.additional", "");
        p.put("browser.aboutwelcome.enabled", false);
        p.put("browser.newtabpage.enabled", false);
        p.put("browser.sessionstore.resume_from_crash", false);
        p.put("toolkit.startup.max_resumed_crashes", -1);
        p.put("browser.tabs.warnOnClose", false);
        // no telemetry, reports, studies or pings
        p.put("datareporting.policy.dataSubmissionEnabled", false);
        p.put("datareporting.healthreport.uploadEnabled", false);
        p.put("toolkit.telemetry.reportingpolicy.firstRun", false);
        p.put("toolkit.telemetry.enabled", false);
        p.put("toolkit.telemetry.unified", false);
        p.put("toolkit.telemetry.archive.enabled", false);
        p.put("app.normandy.enabled", false);
        p.put("app.shield.optoutstudies.enabled", false);
        p.put("browser.crashReports.unsubmittedCheck.enabled", false);
        p.put("browser.tabs.crashReporting.sendReport", false);
        // no updates of the browser, add-ons, search engines, plug-ins (OpenH264) or lists
        p.put("app.update.enabled", false);
        p.put("app.update.auto", false);
        p.put("app.update.checkInstallTime", false);
        p.put("extensions.update.enabled", false);
        p.put("extensions.getAddons.cache.enabled", false);
        p.put("extensions.autoDisableScopes", 15);
        p.put("browser.search.update", false);
        p.put("media.gmp-manager.updateEnabled", false);
        p.put("media.gmp-gmpopenh264.autoupdate", false);
        p.put("media.gmp-widevinecdm.enabled", false);
        p.put("browser.safebrowsing.malware.enabled", false);
        p.put("browser.safebrowsing.phishing.enabled", false);
        p.put("browser.safebrowsing.downloads.enabled", false);
        p.put("browser.safebrowsing.blockedURIs.enabled", false);
        p.put("services.settings.server", "data:,");
        p.put("remote-settings.enabled", false);
        // no background connections: captive portal, connectivity checks, prefetching, push, proxies
        p.put("network.captive-portal-service.enabled", false);
        p.put("network.connectivity-service.enabled", false);
        p.put("network.dns.disablePrefetch", true);
        p.put("network.prefetch-next", false);
        p.put("network.http.speculative-parallel-limit", 0);
        p.put("network.predictor.enabled", false);
        p.put("network.proxy.type", 0);
        p.put("network.trr.mode", 5);
        p.put("dom.push.enabled", false);
        p.put("browser.ping-centre.telemetry", false);
        p.put("browser.newtabpage.activity-stream.feeds.telemetry", false);
        p.put("browser.newtabpage.activity-stream.telemetry", false);
        p.put("geo.enabled", false);
        // a page in a headless window is never in the background: no timer or rendering throttling
        p.put("dom.min_background_timeout_value", 4);
        p.put("dom.timeout.enable_budget_timer_throttling", false);
        p.put("dom.suspend_inactive.enabled", false);
        return p;
    }

    static String userJs() {
        return PREFS.entrySet().stream().map(e -> "user_pref(\"" + e.getKey() + "\", "
                + (e.getValue() instanceof String s ? "\"" + s + "\"" : String.valueOf(e.getValue())) + ");")
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private void readOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (output) {
                    if (output.size() == KEEP_LINES) {
                        output.removeFirst();
                    }
                    output.addLast(line);
                }
            }
        } catch (IOException e) {
            // the browser went away
        }
    }

    /** The last lines the browser printed (stdout and stderr), with the page's console. */
    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** Whether the browser is still running (it exits on a startup error). */
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws IOException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle c : children) {
                c.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // a child that outlived the wait: its profile files may stay behind
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
