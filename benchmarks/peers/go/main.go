// nlbench-peer-go: nlbench's workloads done with Go's vishvananda/netlink (Debian's packages), for
// the "go" column of `nlbench run --peers go`. The contract (workloads, addresses, output) is
// benchmarks/peers/README.md; every operation goes through one netlink.Handle opened in the
// namespace, so no thread of the process ever leaves its own namespace.
package main

import (
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/vishvananda/netlink"
	"github.com/vishvananda/netns"
	"golang.org/x/sys/unix"
)

// v4Span is how many addresses the IPv4 workloads cycle through inside 198.18.0.0/15 before the
// routes workload moves on to the next table (nlbench's Ranges.V4_SPAN - 2).
const v4Span = 1<<17 - 2

func fail(format string, a ...interface{}) {
	fmt.Fprintf(os.Stderr, "nlbench-peer-go: "+format+"\n", a...)
	os.Exit(1)
}

// v4 is the i-th IPv4 address of the contract: 198.18.0.1 onwards, wrapping inside 198.18.0.0/15.
func v4(i int) net.IP {
	a := uint32(0xC6120000) + 1 + uint32(i%v4Span)
	return net.IPv4(byte(a>>24), byte(a>>16), byte(a>>8), byte(a)).To4()
}

// v6 is the i-th IPv6 address of the contract: fd00:200::1 onwards.
func v6(i int) net.IP {
	a := uint32(i + 1)
	return net.IP{0xfd, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, byte(a >> 24), byte(a >> 16), byte(a >> 8), byte(a)}
}

func mac(i int) net.HardwareAddr {
	return net.HardwareAddr{2, 0, byte(i >> 24), byte(i >> 16), byte(i >> 8), byte(i)}
}

// clock collects per-operation latencies and their sum, the work the clock covered.
type clock struct {
	start   time.Time
	samples []string
}

func (c *clock) time(op func() error, what string, i int) {
	t := time.Now()
	if err := op(); err != nil {
		fail("%s %d: %v", what, i, err)
	}
	c.samples = append(c.samples, strconv.FormatInt(time.Since(t).Nanoseconds(), 10))
}

func (c *clock) report(dumped int) {
	fmt.Printf("elapsed_ns=%d\n", time.Since(c.start).Nanoseconds())
	if dumped >= 0 {
		fmt.Printf("dumped=%d\n", dumped)
	}
	if len(c.samples) > 0 {
		fmt.Printf("samples_ns=%s\n", strings.Join(c.samples, ","))
	}
}

func main() {
	if len(os.Args) < 2 {
		fail("usage: nlbench-peer-go WORKLOAD --netns NAME --count N --kind KIND")
	}
	work, nsName, count, kind := os.Args[1], "", -1, "dummy"
	for i := 2; i+1 < len(os.Args); i += 2 {
		switch os.Args[i] {
		case "--netns":
			nsName = os.Args[i+1]
		case "--count":
			n, err := strconv.Atoi(os.Args[i+1])
			if err != nil {
				fail("--count: %v", err)
			}
			count = n
		case "--kind":
			kind = os.Args[i+1]
		default:
			fail("unknown option %s", os.Args[i])
		}
	}
	if nsName == "" || count < 0 {
		fail("--netns and --count are required")
	}
	target, err := netns.GetFromName(nsName)
	if err != nil {
		fail("namespace %s: %v", nsName, err)
	}
	h, err := netlink.NewHandleAt(target)
	target.Close()
	if err != nil {
		fail("netlink handle in %s: %v", nsName, err)
	}
	defer h.Delete()
	// One-time look-ups stay outside the clock, as in the JVM column.
	var dummy0 netlink.Link
	if work != "w1" && work != "noop" {
		if dummy0, err = h.LinkByName("dummy0"); err != nil {
			fail("dummy0: %v", err)
		}
	}
	c := &clock{start: time.Now()}
	switch work {
	case "noop":
		c.report(-1)
	case "w1":
		for i := 0; i < count; i++ {
			name := "dummy" + strconv.Itoa(i)
			attrs := netlink.NewLinkAttrs()
			attrs.Name = name
			// LinkAdd of a GenericLink sends IFLA_INFO_KIND as given, the same request for dummy and ifb.
			c.time(func() error { return h.LinkAdd(&netlink.GenericLink{LinkAttrs: attrs, LinkType: kind}) }, "link add", i)
		}
		c.report(-1)
	case "w2":
		for i := 0; i < count; i++ {
			// w2's addresses do not wrap: 198.18.0.1 + i, as the JVM column's.
			a := uint32(0xC6120001) + uint32(i)
			ip := net.IPv4(byte(a>>24), byte(a>>16), byte(a>>8), byte(a)).To4()
			addr := &netlink.Addr{IPNet: &net.IPNet{IP: ip, Mask: net.CIDRMask(32, 32)}}
			c.time(func() error { return h.AddrAdd(dummy0, addr) }, "addr add", i)
		}
		c.report(-1)
	case "routes", "routes6":
		six := work == "routes6"
		route := func(i int) *netlink.Route {
			if six {
				return &netlink.Route{LinkIndex: dummy0.Attrs().Index, Dst: &net.IPNet{IP: v6(i), Mask: net.CIDRMask(128, 128)}, Table: 100}
			}
			return &netlink.Route{LinkIndex: dummy0.Attrs().Index, Dst: &net.IPNet{IP: v4(i), Mask: net.CIDRMask(32, 32)},
				Table: 100 + i/v4Span, Scope: netlink.SCOPE_LINK}
		}
		family := netlink.FAMILY_V4
		if six {
			family = netlink.FAMILY_V6
		}
		for i := 0; i < count; i++ {
			c.time(func() error { return h.RouteAdd(route(i)) }, "route add", i)
		}
		// RT_FILTER_TABLE with RT_TABLE_UNSPEC keeps every table; without it the library drops all but main.
		rs, err := h.RouteListFiltered(family, &netlink.Route{Table: unix.RT_TABLE_UNSPEC}, netlink.RT_FILTER_TABLE)
		if err != nil {
			fail("route dump: %v", err)
		}
		for i := 0; i < count; i++ {
			c.time(func() error { return h.RouteDel(route(i)) }, "route del", i)
		}
		c.report(len(rs))
	case "neigh":
		idx := dummy0.Attrs().Index
		for i := 0; i < count; i++ {
			n := &netlink.Neigh{LinkIndex: idx, Family: netlink.FAMILY_V4, State: netlink.NUD_PERMANENT, IP: v4(i + 1), HardwareAddr: mac(i)}
			c.time(func() error { return h.NeighAdd(n) }, "neigh add", i)
		}
		ns, err := h.NeighList(0, netlink.FAMILY_V4)
		if err != nil {
			fail("neigh dump: %v", err)
		}
		for i := 0; i < count; i++ {
			n := &netlink.Neigh{LinkIndex: idx, Family: netlink.FAMILY_V4, IP: v4(i + 1)}
			c.time(func() error { return h.NeighDel(n) }, "neigh del", i)
		}
		c.report(len(ns))
	case "w3":
		// N rounds of what nlbench's w3 does: every address, then every link; the last round's objects are reported.
		dumped := 0
		for r := 0; r < count; r++ {
			as, err := h.AddrList(nil, netlink.FAMILY_ALL)
			if err != nil {
				fail("addr dump: %v", err)
			}
			ls, err := h.LinkList()
			if err != nil {
				fail("link dump: %v", err)
			}
			dumped = len(as) + len(ls)
		}
		c.report(dumped)
	case "addr6":
		addr := func(i int) *netlink.Addr {
			return &netlink.Addr{IPNet: &net.IPNet{IP: v6(i), Mask: net.CIDRMask(128, 128)}, Flags: unix.IFA_F_NODAD}
		}
		for i := 0; i < count; i++ {
			c.time(func() error { return h.AddrAdd(dummy0, addr(i)) }, "addr add", i)
		}
		as, err := h.AddrList(nil, netlink.FAMILY_V6)
		if err != nil {
			fail("addr dump: %v", err)
		}
		for i := 0; i < count; i++ {
			c.time(func() error { return h.AddrDel(dummy0, addr(i)) }, "addr del", i)
		}
		c.report(len(as))
	default:
		fail("unknown workload %s", work)
	}
}
