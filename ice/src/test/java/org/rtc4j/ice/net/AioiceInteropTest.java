package org.rtc4j.ice.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rtc4j.ice.IceAgent;
import org.rtc4j.ice.IceCandidate;
import org.rtc4j.ice.IceConfig;
import org.rtc4j.ice.IceEvent;
import org.rtc4j.ice.IceGatheringState;
import org.rtc4j.ice.IceRole;
import org.rtc4j.ice.IceTransportState;

/** rtc4j against aioice (aiortc's ICE, /usr/bin/python3) over 127.0.0.1, both roles. */
class AioiceInteropTest {
    private static final Pattern FIELD = Pattern.compile("\"(ufrag|pwd)\": \"([^\"]*)\"");
    private static final Pattern CANDIDATE = Pattern.compile("\"([^\"]* typ [^\"]*)\"");

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void connectsAndEchoes(boolean rtc4jControlling) throws Exception {
        Path script = Files.createTempFile("aioice_peer", ".py");
        try (var in = getClass().getResourceAsStream("aioice_peer.py")) {
            Files.write(script, in.readAllBytes());
        }
        Process py = new ProcessBuilder("/usr/bin/python3", script.toString(), rtc4jControlling ? "controlled" : "controlling")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(py.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    lines.add(l);
                }
            } catch (Exception e) {
                // process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try (SocketDriver d = new SocketDriver()) {
            String hello = lines.poll(30, TimeUnit.SECONDS);
            assertThat(hello).as("aioice did not start").isNotNull();
            String ufrag = null;
            String pwd = null;
            Matcher m = FIELD.matcher(hello);
            while (m.find()) {
                if (m.group(1).equals("ufrag")) {
                    ufrag = m.group(2);
                } else {
                    pwd = m.group(2);
                }
            }
            IceConfig c = new IceConfig();
            c.role = rtc4jControlling ? IceRole.CONTROLLING : IceRole.CONTROLLED;
            SocketDriver.Peer p = d.add(new IceAgent(c, new SecureRandom()));
            d.addUdp(p, 1);
            p.agent.setRemoteCredentials(ufrag, pwd, d.now());
            Matcher cm = CANDIDATE.matcher(hello);
            while (cm.find()) {
                p.agent.addRemoteCandidate(IceCandidate.parse(cm.group(1)), d.now());
            }
            p.agent.addRemoteEndOfCandidates(d.now());
            p.agent.startGathering(d.now());
            assertThat(d.runUntil(5_000, () -> p.agent.gatheringState() == IceGatheringState.COMPLETE)).isTrue();
            List<String> ours = new ArrayList<>();
            for (IceEvent e : p.events) {
                if (e instanceof IceEvent.LocalCandidate) {
                    String sdp = ((IceEvent.LocalCandidate) e).candidate().toSdp();
                    ours.add("\"" + sdp.substring("candidate:".length()) + "\"");
                }
            }
            OutputStream toPy = py.getOutputStream();
            toPy.write(("{\"ufrag\": \"" + p.agent.localUfrag() + "\", \"pwd\": \"" + p.agent.localPassword()
                    + "\", \"candidates\": " + ours + ", \"echo\": 10}\n").getBytes(StandardCharsets.UTF_8));
            toPy.flush();
            assertThat(d.runUntil(25_000, () -> p.agent.selectedPair() != null
                    && (p.agent.state() == IceTransportState.CONNECTED || p.agent.state() == IceTransportState.COMPLETED)
                    && lines.stream().anyMatch(l -> l.contains("connected")))).as("rtc4j %s", p.agent.state()).isTrue();
            for (int i = 0; i < 10; i++) {
                p.agent.send(("hello " + i).getBytes(StandardCharsets.UTF_8), d.now());
                d.runUntil(20, () -> false);
            }
            assertThat(d.runUntil(10_000, () -> p.received.size() >= 10)).as("echoes received: %s", p.received.size()).isTrue();
            assertThat(new String(p.received.get(0), StandardCharsets.UTF_8)).startsWith("echo:hello ");
        } finally {
            py.destroy();
            py.waitFor(5, TimeUnit.SECONDS);
            Files.deleteIfExists(script);
        }
    }
}
