package rpc

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	in := Request{Op: OpCall, ID: 7, Tool: "fs.ReadFile", Args: nil}
	if err := WriteFrame(&buf, in); err != nil {
		t.Fatal(err)
	}
	got, err := ReadRequest(&buf, 1<<10)
	if err != nil {
		t.Fatal(err)
	}
	if got.Op != OpCall || got.ID != 7 || got.Tool != "fs.ReadFile" {
		t.Fatalf("got %+v", got)
	}
}

func TestOversizedFrameRefusedBeforeRead(t *testing.T) {
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], 1<<31)
	_, err := ReadFrame(bytes.NewReader(hdr[:]), 1<<20)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}

func TestTruncatedFrame(t *testing.T) {
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], 10)
	_, err := ReadFrame(bytes.NewReader(append(hdr[:], "abc"...)), 100)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("err = %v, want unexpected EOF", err)
	}
}

func TestMalformedRequests(t *testing.T) {
	for _, body := range []string{`{`, `{"op":"call"}`, `{"op":"nope"}`, `{"op":"error"}`, `[]`, `null`} {
		if _, err := DecodeRequest([]byte(body)); err == nil {
			t.Errorf("DecodeRequest(%s) accepted", body)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("\x00\x00\x00\x0d{\"op\":\"done\"}"))
	f.Add([]byte("\x00\x00\x00\x2b{\"op\":\"call\",\"id\":1,\"tool\":\"fs.Glob\",\"args\":[\"*\"]}"))
	f.Add([]byte("\xff\xff\xff\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bytes.NewReader(data)
		for {
			req, err := ReadRequest(r, 1<<16)
			if err != nil {
				return
			}
			if req.Op == OpCall && req.Tool == "" {
				t.Fatal("call without tool accepted")
			}
		}
	})
}
