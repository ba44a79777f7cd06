// Pion's half of EchoScenario (see EchoScenario.java), built by PionPeer.java.
//
// Talks to the test over stdin/stdout, one JSON object {"kind": ..., "value": ...} per line:
// descriptions as {type, sdp}, trickled candidates as {candidate, sdpMid, sdpMLineIndex} (null
// at the end of gathering), the result as a flat object, log lines as strings.
//
// usage: pion-peer offer|answer BULK_BYTES HOST_IP
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pion/ice/v2"
	"github.com/pion/webrtc/v3"
)

var outMu sync.Mutex

// out writes one message to the test; every goroutine writes through here, one line at a time.
func out(kind string, value interface{}) {
	line, err := json.Marshal(map[string]interface{}{"kind": kind, "value": value})
	if err != nil {
		line, _ = json.Marshal(map[string]interface{}{"kind": "log", "value": "marshal: " + err.Error()})
	}
	outMu.Lock()
	defer outMu.Unlock()
	os.Stdout.Write(append(line, '\n'))
}

func logf(format string, args ...interface{}) {
	out("log", fmt.Sprintf(format, args...))
}

type envelope struct {
	Kind  string          `json:"kind"`
	Value json.RawMessage `json:"value"`
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: pion-peer offer|answer BULK_BYTES HOST_IP")
		os.Exit(2)
	}
	role := os.Args[1]
	bulk, err := strconv.ParseInt(os.Args[2], 10, 64)
	host := net.ParseIP(os.Args[3])
	if err != nil || host == nil || (role != "offer" && role != "answer") {
		fmt.Fprintln(os.Stderr, "bad arguments", os.Args[1:])
		os.Exit(2)
	}

	pc, err := newPeerConnection(host)
	if err != nil {
		out("result", map[string]interface{}{"error": "new peer connection: " + err.Error()})
		return
	}
	s := newScenario(pc, role, bulk)
	s.wire()

	pc.OnICECandidate(func(c *webrtc.ICECandidate) {
		if c == nil {
			out("candidate", nil)
			return
		}
		// Pion's ToJSON says sdpMid "" (no such media section): name the real one instead.
		init := c.ToJSON()
		mid := s.mid()
		var index uint16
		init.SDPMid = &mid
		init.SDPMLineIndex = &index
		out("candidate", init)
	})

	if role == "offer" {
		if err := s.describe(pc.CreateOffer); err != nil {
			out("result", map[string]interface{}{"error": "offer: " + err.Error()})
			return
		}
	}
	go s.await()
	pump(s)
	// The test closed our stdin, after closing its own side first.
	pc.Close()
}

// newPeerConnection gathers only UDP/IPv4 host candidates on host, asks no STUN server and
// sends no mDNS: Pion would otherwise gather on every interface and query 224.0.0.251.
func newPeerConnection(host net.IP) (*webrtc.PeerConnection, error) {
	se := webrtc.SettingEngine{}
	se.SetNetworkTypes([]webrtc.NetworkType{webrtc.NetworkTypeUDP4})
	se.SetIPFilter(func(ip net.IP) bool { return ip.Equal(host) })
	se.SetICEMulticastDNSMode(ice.MulticastDNSModeDisabled)
	api := webrtc.NewAPI(webrtc.WithSettingEngine(se))
	return api.NewPeerConnection(webrtc.Configuration{})
}

// pump applies the test's messages in order until stdin ends.
func pump(s *scenario) {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	for in.Scan() {
		line := strings.TrimSpace(in.Text())
		if line == "" {
			continue
		}
		var m envelope
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			logf("bad message %q: %v", line, err)
			continue
		}
		if err := s.handle(m); err != nil {
			logf("%s: %v", m.Kind, err)
		}
	}
}

// firstMid is the mid of the description's first media section (the only one here).
func firstMid(d *webrtc.SessionDescription) string {
	if d != nil {
		for _, line := range strings.Split(d.SDP, "\n") {
			if strings.HasPrefix(line, "a=mid:") {
				return strings.TrimSpace(strings.TrimPrefix(line, "a=mid:"))
			}
		}
	}
	return "0"
}

func ms(since time.Time) float64 {
	return float64(time.Since(since).Microseconds()) / 1000
}
