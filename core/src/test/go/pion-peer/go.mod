// Not built in module mode: the test builds this program offline in GOPATH mode against
// Debian's Pion sources (see PionPeer.java). This file is what makes that work: in GOPATH
// mode the go command maps the import path github.com/pion/webrtc/v3 to Debian's
// github.com/pion/webrtc only for code inside a tree with a go.mod ("minimal module
// compatibility").
module rtc4j.org/pion-peer

go 1.19
