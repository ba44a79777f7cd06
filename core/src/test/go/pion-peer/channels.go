package main

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pion/webrtc/v3"
)

const text = "hello from pion: grüße, 世界 \U0001F680"

// chat: in-band from here; the test echoes. Check both echoes, then close from this side.
func (s *scenario) chat() {
	ch, err := s.pc.CreateDataChannel("chat", nil)
	if err != nil {
		logf("chat: %v", err)
		return
	}
	binary := random(1500)
	binary[0], binary[1] = 0, 0xff
	var echoes []webrtc.DataChannelMessage
	ch.OnOpen(func() {
		s.set("chat_open_ms", ms(s.t0))
		send(ch, []byte(text), true)
		send(ch, binary, false)
	})
	// OnMessage calls come one at a time from the channel's read loop.
	ch.OnMessage(func(m webrtc.DataChannelMessage) {
		echoes = append(echoes, m)
		if len(echoes) == 2 {
			s.set("chat_text_echo", echoes[0].IsString && string(echoes[0].Data) == text)
			s.set("chat_binary_echo", !echoes[1].IsString && bytes.Equal(echoes[1].Data, binary))
			ch.Close()
		}
	})
	var once sync.Once
	ch.OnClose(func() {
		once.Do(func() {
			s.set("chat_closed_here", ch.ReadyState().String())
			close(s.chatDone)
		})
	})
}

// partial: unordered or maxRetransmits-0, in-band from here; the test echoes a text and a
// binary message. Order is not promised, so the echoes are matched by type. The lossy channel
// may lose a message or its echo (maxRetransmits 0, with the bulk transfers running), so it
// sends the pair again every 500 ms until both echoes are back.
func (s *scenario) partial(label string, init *webrtc.DataChannelInit, done chan struct{}) {
	ch, err := s.pc.CreateDataChannel(label, init)
	if err != nil {
		logf("%s: %v", label, err)
		return
	}
	payload := random(1200)
	want := text + " (" + label + ")"
	lossy := init.MaxRetransmits != nil && *init.MaxRetransmits == 0
	var rounds int32 // written by the sender, read by OnMessage
	got := map[bool][]byte{}
	ch.OnOpen(func() {
		go func() {
			limit := int32(1)
			if lossy {
				limit = 40
			}
			for atomic.LoadInt32(&rounds) < limit {
				select {
				case <-done:
					return
				default:
				}
				atomic.AddInt32(&rounds, 1)
				send(ch, []byte(want), true)
				send(ch, payload, false)
				if limit == 1 {
					return
				}
				select {
				case <-done:
					return
				case <-time.After(500 * time.Millisecond):
				}
			}
		}()
	})
	var once sync.Once
	ch.OnMessage(func(m webrtc.DataChannelMessage) {
		got[m.IsString] = m.Data
		if len(got) == 2 {
			once.Do(func() {
				s.set(label+"_echo", string(got[true]) == want && bytes.Equal(got[false], payload))
				s.set(label+"_options", options(ch))
				s.set(label+"_rounds", atomic.LoadInt32(&rounds))
				close(done)
			})
		}
	})
}

// options in the words of the browser page: "ordered=false maxRetransmits=null".
func options(ch *webrtc.DataChannel) string {
	r := "null"
	if n := ch.MaxRetransmits(); n != nil {
		r = fmt.Sprint(*n)
	}
	return fmt.Sprintf("ordered=%t maxRetransmits=%s", ch.Ordered(), r)
}

// neg: pre-negotiated id 5; echo what the test sends; the test closes it.
func (s *scenario) neg() {
	ch, err := s.pc.CreateDataChannel("neg", &webrtc.DataChannelInit{Negotiated: boolPtr(true), ID: uint16Ptr(5)})
	if err != nil {
		logf("neg: %v", err)
		return
	}
	echoed := 0
	ch.OnMessage(func(m webrtc.DataChannelMessage) {
		send(ch, m.Data, m.IsString)
		echoed++
	})
	var once sync.Once
	ch.OnClose(func() {
		once.Do(func() {
			s.set("neg_closed_by_peer", ch.ReadyState().String())
			s.set("neg_echoed", echoed)
			close(s.negDone)
		})
	})
}

func send(ch *webrtc.DataChannel, data []byte, isText bool) {
	var err error
	if isText {
		err = ch.SendText(string(data))
	} else {
		err = ch.Send(data)
	}
	if err != nil {
		logf("%s: send: %v", ch.Label(), err)
	}
}

func random(n int) []byte {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return b
}
