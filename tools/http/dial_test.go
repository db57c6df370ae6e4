package http

import (
	"net/netip"
	"testing"
)

func TestNonPublic(t *testing.T) {
	tests := []struct{ addr, want string }{
		{"127.0.0.1", "a loopback"},
		{"127.255.0.9", "a loopback"},
		{"10.1.2.3", "a private"},
		{"172.31.255.255", "a private"},
		{"192.168.1.1", "a private"},
		{"169.254.169.254", "a link-local"}, // cloud metadata
		{"100.64.0.1", "a shared (carrier-grade NAT)"},
		{"0.0.0.0", "a this-network"},
		{"224.0.0.1", "a multicast"},
		{"255.255.255.255", "a reserved"},
		{"::1", "an unspecified, loopback or IPv4-compatible"},
		{"::", "an unspecified, loopback or IPv4-compatible"},
		{"fe80::1", "a link-local"},
		{"fe80::1%eth0", "a link-local"},
		{"fd12:3456::1", "a unique local (private)"},
		{"ff02::1", "a multicast"},
		{"::ffff:127.0.0.1", "a loopback"},
		{"::ffff:10.0.0.1", "a private"},
		{"64:ff9b::a9fe:a9fe", "a link-local"}, // NAT64 of 169.254.169.254
		{"2002:7f00:1::", "a loopback"},        // 6to4 of 127.0.0.1
		{"2001:db8::1", "a documentation"},

		{"8.8.8.8", ""},
		{"140.82.112.6", ""},
		{"172.32.0.1", ""},
		{"2606:4700:4700::1111", ""},
		{"64:ff9b::808:808", ""},
		{"2002:808:808::", ""},
	}
	for _, tt := range tests {
		if got := nonPublic(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("nonPublic(%s) = %q; want %q", tt.addr, got, tt.want)
		}
	}
}
