package main

import (
	"encoding/json"
	"errors"
	"sync"
	"time"

	"github.com/pion/webrtc/v3"
)

// scenario is the state of one run: what the channels saw, and the result being built.
type scenario struct {
	pc   *webrtc.PeerConnection
	role string
	bulk int64
	t0   time.Time

	mu        sync.Mutex
	result    map[string]interface{}
	localMid  string
	remoteSet bool
	held      []webrtc.ICECandidateInit
	reported  bool

	chatDone, negDone, bulkDone, unorderedDone, lossyDone chan struct{}
}

func newScenario(pc *webrtc.PeerConnection, role string, bulk int64) *scenario {
	return &scenario{
		pc: pc, role: role, bulk: bulk, t0: time.Now(),
		result:   map[string]interface{}{"role": role, "connected_seen": false},
		localMid: "0",
		chatDone: make(chan struct{}), negDone: make(chan struct{}), bulkDone: make(chan struct{}),
		unorderedDone: make(chan struct{}), lossyDone: make(chan struct{}),
	}
}

// set records one result field (channel callbacks run on their own goroutines).
func (s *scenario) set(key string, value interface{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.result[key] = value
}

func (s *scenario) mid() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.localMid
}

// wire creates this side's channels and handlers, before any description exists.
func (s *scenario) wire() {
	s.pc.OnConnectionStateChange(func(st webrtc.PeerConnectionState) {
		if st == webrtc.PeerConnectionStateConnected {
			s.mu.Lock()
			if s.result["connected_seen"] == false {
				s.result["connected_seen"] = true
				s.result["connected_ms"] = ms(s.t0)
			}
			s.mu.Unlock()
		}
		logf("connection state %s at %.0f ms", st, ms(s.t0))
	})
	s.pc.OnICEConnectionStateChange(func(st webrtc.ICEConnectionState) {
		logf("ICE connection state %s at %.0f ms", st, ms(s.t0))
	})
	s.chat()
	s.partial("unordered", &webrtc.DataChannelInit{Ordered: boolPtr(false)}, s.unorderedDone)
	s.partial("lossy", &webrtc.DataChannelInit{MaxRetransmits: uint16Ptr(0)}, s.lossyDone)
	s.neg()
	s.pc.OnDataChannel(func(ch *webrtc.DataChannel) {
		if ch.Label() != "bulk" {
			logf("unexpected channel %s", ch.Label())
			return
		}
		s.receiveBulk(ch)
	})
}

// describe creates a local description (offer or answer), applies it and sends it at once;
// the candidates follow one by one.
func (s *scenario) describe(create func(*webrtc.OfferOptions) (webrtc.SessionDescription, error)) error {
	d, err := create(nil)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.localMid = firstMid(&d)
	s.mu.Unlock()
	if err := s.pc.SetLocalDescription(d); err != nil {
		return err
	}
	out("desc", s.pc.LocalDescription())
	return nil
}

// handle applies one message from the test.
func (s *scenario) handle(m envelope) error {
	switch m.Kind {
	case "desc":
		var d webrtc.SessionDescription
		if err := json.Unmarshal(m.Value, &d); err != nil {
			return err
		}
		if err := s.pc.SetRemoteDescription(d); err != nil {
			return err
		}
		s.mu.Lock()
		s.remoteSet = true
		held := s.held
		s.held = nil
		s.mu.Unlock()
		for _, c := range held {
			if err := s.pc.AddICECandidate(c); err != nil {
				logf("held candidate %s: %v", c.Candidate, err)
			}
		}
		if d.Type == webrtc.SDPTypeOffer {
			return s.describe(func(o *webrtc.OfferOptions) (webrtc.SessionDescription, error) {
				return s.pc.CreateAnswer(nil)
			})
		}
	case "candidate":
		if string(m.Value) == "null" {
			return nil // end of candidates: nothing to tell Pion 3.1
		}
		var c webrtc.ICECandidateInit
		if err := json.Unmarshal(m.Value, &c); err != nil {
			return err
		}
		s.mu.Lock()
		if !s.remoteSet {
			s.held = append(s.held, c)
			s.mu.Unlock()
			return nil
		}
		s.mu.Unlock()
		return s.pc.AddICECandidate(c)
	default:
		return errors.New("unknown message")
	}
	return nil
}

// await reports the result once every channel has done its part, or an error after 120 s.
func (s *scenario) await() {
	deadline := time.After(120 * time.Second)
	status := time.NewTicker(5 * time.Second)
	defer status.Stop()
	for _, done := range []chan struct{}{s.chatDone, s.negDone, s.bulkDone, s.unorderedDone, s.lossyDone} {
	wait:
		for {
			select {
			case <-done:
				break wait
			case <-status.C:
				s.mu.Lock()
				partial, _ := json.Marshal(s.result)
				s.mu.Unlock()
				logf("status %s pc=%s", partial, s.pc.ConnectionState())
			case <-deadline:
				s.mu.Lock()
				partial, _ := json.Marshal(s.result)
				s.mu.Unlock()
				out("result", map[string]interface{}{"error": "timed out after 120 s", "partial": string(partial)})
				return
			}
		}
	}
	s.mu.Lock()
	s.result["connection_state"] = s.pc.ConnectionState().String()
	s.reported = true
	r, _ := json.Marshal(s.result)
	s.mu.Unlock()
	out("result", json.RawMessage(r))
}

func boolPtr(b bool) *bool       { return &b }
func uint16Ptr(n uint16) *uint16 { return &n }
