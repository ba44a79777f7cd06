package main

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand"
	"strconv"
	"sync"
	"time"

	"github.com/pion/webrtc/v3"
)

const (
	uploadChunk = 64 * 1024 // Pion's own send limit
	highWater   = 4 << 20
	lowWater    = 1 << 20
)

// receiveBulk hashes what the test sends on its in-band bulk channel, then sends as much back.
// The channel stays open after the result, so that the test can close its connection and time
// how soon we hear of it.
func (s *scenario) receiveBulk(ch *webrtc.DataChannel) {
	sha := sha256.New()
	var n int64
	var messages int
	var first time.Time
	done := false
	ch.OnMessage(func(m webrtc.DataChannelMessage) {
		if m.IsString {
			return
		}
		if n == 0 {
			first = time.Now()
		}
		sha.Write(m.Data)
		n += int64(len(m.Data))
		messages++
		if n >= s.bulk && !done {
			done = true
			s.set("bulk_ms", ms(first))
			s.set("bulk_bytes", n)
			s.set("bulk_messages", messages)
			s.set("bulk_sha256", hex.EncodeToString(sha.Sum(nil)))
			go s.upload(ch)
		}
	})
	ch.OnError(func(err error) {
		logf("bulk: %v after %d bytes", err, n)
	})
	var once sync.Once
	ch.OnClose(func() {
		once.Do(func() {
			s.mu.Lock()
			reported := s.reported
			s.mu.Unlock()
			if reported {
				out("peer_closed", map[string]string{"channel": ch.ReadyState().String()})
			} else {
				logf("bulk closed before the result")
			}
		})
	})
}

// upload sends s.bulk pseudo-random bytes in 64 KiB messages, keeping at most highWater
// buffered, and reports their SHA-256 as upload_sha256.
func (s *scenario) upload(ch *webrtc.DataChannel) {
	defer close(s.bulkDone)
	low := make(chan struct{}, 1)
	ch.SetBufferedAmountLowThreshold(lowWater)
	ch.OnBufferedAmountLow(func() {
		select {
		case low <- struct{}{}:
		default:
		}
	})
	random := rand.New(rand.NewSource(time.Now().UnixNano()))
	sha := sha256.New()
	buf := make([]byte, uploadChunk)
	start := time.Now()
	for sent := int64(0); sent < s.bulk; {
		msg := buf[:min(int64(len(buf)), s.bulk-sent)]
		random.Read(msg)
		for ch.BufferedAmount() > highWater {
			// the timeout covers a low event that fired between the check and the wait
			select {
			case <-low:
			case <-time.After(50 * time.Millisecond):
			}
		}
		if err := ch.Send(msg); err != nil {
			s.set("error", "upload after "+strconv.FormatInt(sent, 10)+" bytes: "+err.Error())
			return
		}
		sha.Write(msg)
		sent += int64(len(msg))
	}
	s.set("upload_send_ms", ms(start))
	s.set("upload_sha256", hex.EncodeToString(sha.Sum(nil)))
}

func min(a, b int64) int64 {
	if a < b {
		return a
	}
	return b
}
