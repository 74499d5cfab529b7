/*
 * nlbench-peer-mnl: nlbench's workloads written in C on libmnl (Debian's libmnl-dev), the "mnl"
 * column of `nlbench run --peers mnl`: what the same work costs with nothing between the program
 * and the socket. The contract (workloads, addresses, output) is benchmarks/peers/README.md.
 *
 *   nlbench-peer-mnl [--pipelined] WORKLOAD --netns NAME --count N --kind KIND
 *
 * --pipelined (the "mnl-pipelined" column): adds and deletes go out PIPELINE at a time in one sendto, then
 * their acks are read, as libmnl's batch examples and netlink4j's bulk calls do; each request's sample runs
 * from its window's send to its own ack. Dumps are unchanged.
 *
 * One request at a time, each with NLM_F_ACK and its ack checked before the next is sent, as the
 * JVM column's one-by-one calls do; dump replies are validated attribute by attribute
 * (mnl_attr_parse) and counted. The process (single-threaded) enters the namespace with setns()
 * before the clock starts.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <libmnl/libmnl.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

/* Addresses the IPv4 workloads cycle through inside 198.18.0.0/15 (nlbench's Ranges.V4_SPAN - 2). */
#define V4_SPAN ((1 << 17) - 2)

static struct mnl_socket *nl;
static unsigned int seq, portid;
static char buf[1 << 16];
static uint64_t *samples;
static long nsamples;
/* Every dump sent, retries included, those the kernel flagged NLM_F_DUMP_INTR, and those given up: dump-churn reports them. */
static long dump_attempts, dump_intr, dump_failed;
/* dump-churn: a dump interrupted on all its attempts is counted and given up (-1), not fatal, as nlbench's own column does. */
static int keep_going;

static void fail(const char *what, int i, const char *why)
{
	fprintf(stderr, "nlbench-peer-mnl: %s %d: %s\n", what, i, why);
	exit(1);
}

/* --pipelined: requests wait in pbuf until PIPELINE of them (as many as netlink4j's window) go out in one sendto. */
#define PIPELINE 64
static int pipelined;
static char pbuf[PIPELINE * 512];
static size_t plen;
static int pcount;
static unsigned int pfirst;

static uint64_t now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static uint32_t v4(int i) { return htonl(0xC6120000u + 1 + (uint32_t)(i % V4_SPAN)); }

static void v6(int i, unsigned char out[16])
{
	uint32_t a = htonl((uint32_t)i + 1);
	memset(out, 0, 16);
	out[0] = 0xfd; out[2] = 2;
	memcpy(out + 12, &a, 4);
}

static struct nlmsghdr *start(uint16_t type, uint16_t flags)
{
	struct nlmsghdr *h = mnl_nlmsg_put_header(buf);
	h->nlmsg_type = type;
	h->nlmsg_flags = NLM_F_REQUEST | flags;
	h->nlmsg_seq = ++seq;
	return h;
}

/* The callback for acks: mnl_cb_run returns -1 with errno set when the kernel refused the request. */
static void exchange(struct nlmsghdr *h, const char *what, int i, mnl_cb_t data, void *ctx)
{
	if (mnl_socket_sendto(nl, h, h->nlmsg_len) < 0)
		fail(what, i, strerror(errno));
	unsigned int want = h->nlmsg_seq;
	for (int r = MNL_CB_OK; r > MNL_CB_STOP;) {
		ssize_t n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
		if (n < 0)
			fail(what, i, strerror(errno));
		r = mnl_cb_run(buf, (size_t)n, want, portid, data, ctx);
		if (r < 0)
			fail(what, i, strerror(errno));
	}
}

/*
 * Sends the requests waiting in pbuf in one sendto and reads one ack per request, each a sample from the send;
 * the kernel acks each request in a datagram of its own, but every message of a datagram is looked at.
 */
static void flush(void)
{
	if (pcount == 0)
		return;
	uint64_t t = now();
	if (mnl_socket_sendto(nl, pbuf, plen) < 0)
		fail("pipelined send", pcount, strerror(errno));
	for (int acked = 0; acked < pcount;) {
		ssize_t n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
		if (n < 0)
			fail("pipelined ack", acked, strerror(errno));
		int len = (int)n;
		for (const struct nlmsghdr *m = (const struct nlmsghdr *)buf; mnl_nlmsg_ok(m, len); m = mnl_nlmsg_next(m, &len)) {
			if (m->nlmsg_type != NLMSG_ERROR || m->nlmsg_seq < pfirst || m->nlmsg_seq >= pfirst + (unsigned int)pcount)
				continue;
			const struct nlmsgerr *e = mnl_nlmsg_get_payload(m);
			if (e->error != 0)
				fail("pipelined request", (int)(m->nlmsg_seq - pfirst), strerror(-e->error));
			samples[nsamples++] = now() - t;
			acked++;
		}
	}
	plen = 0;
	pcount = 0;
}

/* One request with an ack, timed: a latency sample; pipelined, it waits for its window instead. */
static void request(struct nlmsghdr *h, const char *what, int i)
{
	h->nlmsg_flags |= NLM_F_ACK;
	if (pipelined) {
		if (plen + h->nlmsg_len > sizeof(pbuf))
			flush();
		if (pcount == 0)
			pfirst = h->nlmsg_seq;
		memcpy(pbuf + plen, h, h->nlmsg_len);
		plen += NLMSG_ALIGN(h->nlmsg_len);
		if (++pcount == PIPELINE)
			flush();
		return;
	}
	uint64_t t = now();
	exchange(h, what, i, NULL, NULL);
	samples[nsamples++] = now() - t;
}

/* Each attribute is visited once: mnl_attr_parse has checked that its length stays inside the message. */
static int visit(const struct nlattr *a, void *ctx)
{
	(void)a;
	(*(int *)ctx)++;
	return MNL_CB_OK;
}

struct count { int n; size_t header; };

static int counted(const struct nlmsghdr *h, void *ctx)
{
	struct count *c = ctx;
	int attrs = 0;
	if (mnl_attr_parse(h, c->header, visit, &attrs) < 0)
		return MNL_CB_ERROR;
	c->n++;
	return MNL_CB_OK;
}

/*
 * Reads what is left of dump `want` after mnl_cb_run stopped on a message flagged NLM_F_DUMP_INTR (errno
 * EINTR): the kernel goes on sending it up to NLMSG_DONE, which must be gone before the next request.
 */
static int ends(const void *data, ssize_t n, unsigned int want)
{
	int len = (int)n;
	for (const struct nlmsghdr *m = data; mnl_nlmsg_ok(m, len); m = mnl_nlmsg_next(m, &len)) {
		if (m->nlmsg_seq == want && (m->nlmsg_type == NLMSG_DONE || m->nlmsg_type == NLMSG_ERROR))
			return 1;
	}
	return 0;
}

static void drain(unsigned int want, ssize_t last)
{
	if (ends(buf, last, want)) /* the datagram that was interrupted held the end too */
		return;
	for (int datagrams = 0; datagrams < 1000000; datagrams++) {
		ssize_t n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
		if (n < 0)
			fail("dump", 0, strerror(errno));
		if (ends(buf, n, want))
			return;
	}
	fail("dump", 0, "no end to an interrupted dump");
}

/* A dump the kernel interrupted (the table changed under it: NLM_F_DUMP_INTR) is taken again, as ip does. */
static int dump(uint16_t type, uint8_t family, size_t header)
{
	flush(); /* a pipelined window's acks come first */
	for (int attempt = 1; ; attempt++) {
		struct nlmsghdr *h = start(type, NLM_F_DUMP);
		unsigned char *p = mnl_nlmsg_put_extra_header(h, header);
		p[0] = family; /* every header rtnetlink dumps by starts with its family byte */
		struct count c = { 0, header };
		if (mnl_socket_sendto(nl, h, h->nlmsg_len) < 0)
			fail("dump", 0, strerror(errno));
		unsigned int want = h->nlmsg_seq;
		int r = MNL_CB_OK;
		ssize_t n = 0;
		dump_attempts++;
		while (r > MNL_CB_STOP) {
			n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
			if (n < 0)
				fail("dump", 0, strerror(errno));
			r = mnl_cb_run(buf, (size_t)n, want, portid, counted, &c);
		}
		if (r >= 0)
			return c.n;
		if (errno != EINTR)
			fail("dump", 0, strerror(errno));
		dump_intr++;
		drain(want, n);
		if (attempt == 10) {
			if (!keep_going)
				fail("dump", 0, "interrupted on all 10 attempts");
			dump_failed++;
			return -1;
		}
	}
}

static void link_add(int i, const char *kind)
{
	char name[IFNAMSIZ];
	snprintf(name, sizeof(name), "dummy%d", i);
	struct nlmsghdr *h = start(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
	mnl_nlmsg_put_extra_header(h, sizeof(struct ifinfomsg));
	mnl_attr_put_strz(h, IFLA_IFNAME, name);
	struct nlattr *info = mnl_attr_nest_start(h, IFLA_LINKINFO);
	mnl_attr_put_strz(h, IFLA_INFO_KIND, kind);
	mnl_attr_nest_end(h, info);
	request(h, "link add", i);
}

static void addr(uint16_t type, int family, const void *a, int plen, int ifindex, uint32_t flags, int i)
{
	struct nlmsghdr *h = start(type, type == RTM_NEWADDR ? NLM_F_CREATE | NLM_F_EXCL : 0);
	struct ifaddrmsg *m = mnl_nlmsg_put_extra_header(h, sizeof(*m));
	m->ifa_family = family;
	m->ifa_prefixlen = plen;
	m->ifa_index = ifindex;
	m->ifa_flags = flags;
	int len = family == AF_INET ? 4 : 16;
	if (family == AF_INET)
		mnl_attr_put(h, IFA_LOCAL, len, a);
	mnl_attr_put(h, IFA_ADDRESS, len, a);
	request(h, type == RTM_NEWADDR ? "addr add" : "addr del", i);
}

static void route(uint16_t type, int family, const void *dst, int ifindex, uint32_t table, int i)
{
	int add = type == RTM_NEWROUTE;
	struct nlmsghdr *h = start(type, add ? NLM_F_CREATE | NLM_F_EXCL : 0);
	struct rtmsg *m = mnl_nlmsg_put_extra_header(h, sizeof(*m));
	m->rtm_family = family;
	m->rtm_dst_len = family == AF_INET ? 32 : 128;
	m->rtm_table = table < 256 ? table : RT_TABLE_UNSPEC;
	m->rtm_protocol = RTPROT_BOOT;
	/* as ip sends it: scope link for a route without a gateway, "any scope" on delete */
	m->rtm_scope = add ? RT_SCOPE_LINK : RT_SCOPE_NOWHERE;
	m->rtm_type = RTN_UNICAST;
	mnl_attr_put(h, RTA_DST, family == AF_INET ? 4 : 16, dst);
	mnl_attr_put_u32(h, RTA_OIF, ifindex);
	mnl_attr_put_u32(h, RTA_TABLE, table);
	request(h, add ? "route add" : "route del", i);
}

static void neigh(uint16_t type, int i, int ifindex)
{
	int add = type == RTM_NEWNEIGH;
	struct nlmsghdr *h = start(type, add ? NLM_F_CREATE | NLM_F_EXCL : 0);
	struct ndmsg *m = mnl_nlmsg_put_extra_header(h, sizeof(*m));
	m->ndm_family = AF_INET;
	m->ndm_ifindex = ifindex;
	m->ndm_state = add ? NUD_PERMANENT : 0;
	uint32_t dst = v4(i + 1);
	mnl_attr_put(h, NDA_DST, 4, &dst);
	if (add) {
		unsigned char mac[6] = { 2, 0, (unsigned char)(i >> 24), (unsigned char)(i >> 16), (unsigned char)(i >> 8), (unsigned char)i };
		mnl_attr_put(h, NDA_LLADDR, 6, mac);
	}
	request(h, add ? "neigh add" : "neigh del", i);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--pipelined")) {
		pipelined = 1;
		argv++;
		argc--;
	}
	const char *work = argc > 1 ? argv[1] : "", *ns = NULL, *kind = "dummy";
	long count = -1;
	for (int i = 2; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--netns")) ns = argv[i + 1];
		else if (!strcmp(argv[i], "--count")) count = strtol(argv[i + 1], NULL, 10);
		else if (!strcmp(argv[i], "--kind")) kind = argv[i + 1];
		else fail("option", i, argv[i]);
	}
	if (!ns || count < 0 || count > 1000000)
		fail("usage", 0, "nlbench-peer-mnl WORKLOAD --netns NAME --count N (0..1000000) --kind KIND");
	char path[4096];
	snprintf(path, sizeof(path), "/run/netns/%s", ns);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || setns(fd, CLONE_NEWNET) < 0)
		fail("setns", 0, strerror(errno));
	close(fd);
	nl = mnl_socket_open(NETLINK_ROUTE);
	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0)
		fail("socket", 0, strerror(errno));
	portid = mnl_socket_get_portid(nl);
	struct timeval tv = { .tv_sec = 60 }; /* no wait is unbounded */
	setsockopt(mnl_socket_get_fd(nl), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	samples = calloc((size_t)(2 * count + 1), sizeof(*samples));
	if (!samples)
		fail("calloc", 0, strerror(errno));
	/* One-time look-ups stay outside the clock, as in the JVM column. */
	int dummy0 = strcmp(work, "noop") && strcmp(work, "w1") ? (int)if_nametoindex("dummy0") : 0;
	if (strcmp(work, "noop") && strcmp(work, "w1") && !dummy0)
		fail("dummy0", 0, strerror(errno));

	int dumped = -1;
	uint64_t t0 = now();
	if (!strcmp(work, "noop")) {
	} else if (!strcmp(work, "w1")) {
		for (int i = 0; i < count; i++) link_add(i, kind);
	} else if (!strcmp(work, "w2")) {
		for (int i = 0; i < count; i++) { /* w2's addresses do not wrap: 198.18.0.1 + i */
			uint32_t a = htonl(0xC6120001u + (uint32_t)i);
			addr(RTM_NEWADDR, AF_INET, &a, 32, dummy0, 0, i);
		}
	} else if (!strcmp(work, "routes")) {
		for (int i = 0; i < count; i++) { uint32_t d = v4(i); route(RTM_NEWROUTE, AF_INET, &d, dummy0, 100 + i / V4_SPAN, i); }
		dumped = dump(RTM_GETROUTE, AF_INET, sizeof(struct rtmsg));
		for (int i = 0; i < count; i++) { uint32_t d = v4(i); route(RTM_DELROUTE, AF_INET, &d, dummy0, 100 + i / V4_SPAN, i); }
	} else if (!strcmp(work, "routes6")) {
		unsigned char d[16];
		for (int i = 0; i < count; i++) { v6(i, d); route(RTM_NEWROUTE, AF_INET6, d, dummy0, 100, i); }
		dumped = dump(RTM_GETROUTE, AF_INET6, sizeof(struct rtmsg));
		for (int i = 0; i < count; i++) { v6(i, d); route(RTM_DELROUTE, AF_INET6, d, dummy0, 100, i); }
	} else if (!strcmp(work, "neigh")) {
		for (int i = 0; i < count; i++) neigh(RTM_NEWNEIGH, i, dummy0);
		dumped = dump(RTM_GETNEIGH, AF_INET, sizeof(struct ndmsg));
		for (int i = 0; i < count; i++) neigh(RTM_DELNEIGH, i, dummy0);
	} else if (!strcmp(work, "w3")) {
		/* N rounds of what nlbench's w3 does: every address, then every link; the last round's objects are reported */
		for (int r = 0; r < count; r++)
			dumped = dump(RTM_GETADDR, AF_UNSPEC, sizeof(struct ifaddrmsg)) + dump(RTM_GETLINK, AF_UNSPEC, sizeof(struct ifinfomsg));
	} else if (!strcmp(work, "addr6")) {
		unsigned char a[16];
		for (int i = 0; i < count; i++) { v6(i, a); addr(RTM_NEWADDR, AF_INET6, a, 128, dummy0, IFA_F_NODAD, i); }
		dumped = dump(RTM_GETADDR, AF_INET6, sizeof(struct ifaddrmsg));
		for (int i = 0; i < count; i++) { v6(i, a); addr(RTM_DELADDR, AF_INET6, a, 128, dummy0, 0, i); }
	} else if (!strcmp(work, "dump-churn")) {
		/* N dumps of the IPv4 addresses while nlbench churns them from another socket; each dump, retries included, is a sample */
		keep_going = 1;
		for (int r = 0; r < count; r++) {
			uint64_t t = now();
			int got = dump(RTM_GETADDR, AF_INET, sizeof(struct ifaddrmsg));
			samples[nsamples++] = now() - t;
			if (got >= 0)
				dumped = got;
		}
	} else {
		fail("workload", 0, work);
	}
	flush();
	printf("elapsed_ns=%" PRIu64 "\n", now() - t0);
	if (dumped >= 0)
		printf("dumped=%d\n", dumped);
	if (!strcmp(work, "dump-churn"))
		printf("dump_attempts=%ld\ndump_intr=%ld\ndump_failed=%ld\n", dump_attempts, dump_intr, dump_failed);
	if (nsamples > 0) {
		fputs("samples_ns=", stdout);
		for (long i = 0; i < nsamples; i++)
			printf(i ? ",%" PRIu64 : "%" PRIu64, samples[i]);
		putchar('\n');
	}
	mnl_socket_close(nl);
	return 0;
}
