package http

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// special lists the address ranges that are not the public internet, with
// what each is, after RFC 6890 and the IANA special-purpose registries.
var special = []struct {
	prefix netip.Prefix
	what   string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "a this-network"},
	{netip.MustParsePrefix("10.0.0.0/8"), "a private"},
	{netip.MustParsePrefix("100.64.0.0/10"), "a shared (carrier-grade NAT)"},
	{netip.MustParsePrefix("127.0.0.0/8"), "a loopback"},
	{netip.MustParsePrefix("169.254.0.0/16"), "a link-local"},
	{netip.MustParsePrefix("172.16.0.0/12"), "a private"},
	{netip.MustParsePrefix("192.0.0.0/24"), "an IETF protocol"},
	{netip.MustParsePrefix("192.0.2.0/24"), "a documentation"},
	{netip.MustParsePrefix("192.88.99.0/24"), "a 6to4 relay"},
	{netip.MustParsePrefix("192.168.0.0/16"), "a private"},
	{netip.MustParsePrefix("198.18.0.0/15"), "a benchmarking"},
	{netip.MustParsePrefix("198.51.100.0/24"), "a documentation"},
	{netip.MustParsePrefix("203.0.113.0/24"), "a documentation"},
	{netip.MustParsePrefix("224.0.0.0/4"), "a multicast"},
	{netip.MustParsePrefix("240.0.0.0/4"), "a reserved"},
	{netip.MustParsePrefix("::/96"), "an unspecified, loopback or IPv4-compatible"},
	{netip.MustParsePrefix("::ffff:0:0/96"), "an IPv4-mapped"},
	{netip.MustParsePrefix("64:ff9b:1::/48"), "a local NAT64"},
	{netip.MustParsePrefix("100::/64"), "a discard"},
	{netip.MustParsePrefix("2001::/23"), "an IETF protocol"},
	{netip.MustParsePrefix("2001:db8::/32"), "a documentation"},
	{netip.MustParsePrefix("fc00::/7"), "a unique local (private)"},
	{netip.MustParsePrefix("fe80::/10"), "a link-local"},
	{netip.MustParsePrefix("fec0::/10"), "a site-local"},
	{netip.MustParsePrefix("ff00::/8"), "a multicast"},
}

var (
	nat64  = netip.MustParsePrefix("64:ff9b::/96")
	sixTo4 = netip.MustParsePrefix("2002::/16")
)

// nonPublic says what kind of non-public address ip is, or "" for a public
// one. IPv6 addresses that carry an IPv4 address (IPv4-mapped, NAT64, 6to4)
// are judged by the IPv4 address they lead to.
func nonPublic(ip netip.Addr) string {
	ip = ip.WithZone("")
	if ip.Is4In6() {
		ip = ip.Unmap()
	}
	if ip.Is6() {
		b := ip.As16()
		switch {
		case nat64.Contains(ip):
			return nonPublic(netip.AddrFrom4([4]byte(b[12:16])))
		case sixTo4.Contains(ip):
			return nonPublic(netip.AddrFrom4([4]byte(b[2:6])))
		}
	}
	for _, s := range special {
		if s.prefix.Contains(ip) {
			return s.what
		}
	}
	return ""
}

// refusePrivate is a net.Dialer control that refuses to connect to a
// non-public address. It runs on the address actually dialled, after name
// resolution, so a name that resolves to a private address (DNS rebinding
// included) is refused too.
func refusePrivate(_ context.Context, network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("refusing to connect to %s: %w", address, err)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("refusing to connect to %s: not an IP address", address)
	}
	if what := nonPublic(ip); what != "" {
		return fmt.Errorf("refusing to connect to %s: %s address, and the policy does not allow private addresses", ip, what)
	}
	return nil
}
