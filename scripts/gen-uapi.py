#!/usr/bin/env python3
"""Generate netlink4j's uapi constant classes from the Linux headers in /usr/include/linux.

Each class is named after its header and lists the constants we use with the header's value, so that
`grep IFLA_MTU /usr/include/linux/if_link.h` finds them. Values are evaluated from #defines and enums
here (no C compiler); UapiConstantsTest checks them against the headers again on every build.
Run: python3 scripts/gen-uapi.py  (rewrites netlink-core/src/main/java/.../internal/wire/uapi/*.java)
"""
import re, os

def load(path):
    text = open(path).read()
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    text = re.sub(r'//[^\n]*', ' ', text)
    return text

def values(paths):
    env = {}
    def ev(expr):
        expr = expr.strip()
        e = re.sub(r'\b([A-Za-z_]\w*)\b', lambda m: str(env[m.group(1)]) if m.group(1) in env else m.group(1), expr)
        e = re.sub(r'(\d+)[UuLl]+\b', r'\1', e)
        try:
            return int(eval(e, {}, {}))
        except Exception:
            return None
    for p in paths:
        t = load(p)
        for m in re.finditer(r'enum\s*\w*\s*\{(.*?)\}', t, flags=re.S):
            body = re.sub(r'#[^\n]*', '', m.group(1))
            cur = -1
            for item in body.split(','):
                item = item.strip()
                if not item: continue
                if '=' in item:
                    n, v = item.split('=', 1)
                    v = ev(v)
                    if v is None: continue
                    cur = v
                else:
                    n = item; cur += 1
                env[n.strip()] = cur
        for line in t.splitlines():
            m = re.match(r'\s*#\s*define\s+([A-Za-z_]\w*)\s+(.+)$', line)
            if m and m.group(1) not in env:
                v = ev(m.group(2))
                if v is not None: env[m.group(1)] = v
    return env

L = '/usr/include/linux/'
CLASSES = {
 'Netlink': ([L+'netlink.h'], 'linux/netlink.h: message header flags, message types, socket options, extended ACK',
   'NETLINK_ROUTE NLMSG_NOOP NLMSG_ERROR NLMSG_DONE NLMSG_OVERRUN NLMSG_MIN_TYPE NLM_F_REQUEST NLM_F_MULTI NLM_F_ACK '
   'NLM_F_ECHO NLM_F_DUMP_INTR NLM_F_DUMP_FILTERED NLM_F_ROOT NLM_F_MATCH NLM_F_ATOMIC NLM_F_DUMP NLM_F_REPLACE '
   'NLM_F_EXCL NLM_F_CREATE NLM_F_APPEND NLM_F_NONREC NLM_F_BULK NLM_F_CAPPED NLM_F_ACK_TLVS NLMSGERR_ATTR_MSG '
   'NLMSGERR_ATTR_OFFS NLMSGERR_ATTR_COOKIE NLMSGERR_ATTR_POLICY NLMSGERR_ATTR_MISS_TYPE NLMSGERR_ATTR_MISS_NEST '
   'NETLINK_ADD_MEMBERSHIP NETLINK_DROP_MEMBERSHIP NETLINK_PKTINFO NETLINK_NO_ENOBUFS NETLINK_LISTEN_ALL_NSID '
   'NETLINK_CAP_ACK NETLINK_EXT_ACK NETLINK_GET_STRICT_CHK NLA_F_NESTED NLA_F_NET_BYTEORDER NLA_TYPE_MASK NLA_ALIGNTO NLMSG_ALIGNTO'),
 'Rtnetlink': ([L+'rtnetlink.h'], 'linux/rtnetlink.h: message types, rtmsg fields, route attributes, groups',
   'RTM_NEWLINK RTM_DELLINK RTM_GETLINK RTM_SETLINK RTM_NEWADDR RTM_DELADDR RTM_GETADDR RTM_NEWROUTE RTM_DELROUTE '
   'RTM_GETROUTE RTM_NEWNEIGH RTM_DELNEIGH RTM_GETNEIGH RTM_NEWNSID RTM_DELNSID RTM_GETNSID RTM_NEWNETCONF RTM_DELNETCONF RTM_GETNETCONF '
   'RTN_UNSPEC RTN_UNICAST RTN_LOCAL RTN_BROADCAST RTN_ANYCAST RTN_MULTICAST RTN_BLACKHOLE RTN_UNREACHABLE RTN_PROHIBIT '
   'RTN_THROW RTN_NAT RTPROT_UNSPEC RTPROT_REDIRECT RTPROT_KERNEL RTPROT_BOOT RTPROT_STATIC RTPROT_RA RTPROT_DHCP '
   'RT_SCOPE_UNIVERSE RT_SCOPE_SITE RT_SCOPE_LINK RT_SCOPE_HOST RT_SCOPE_NOWHERE RT_TABLE_UNSPEC RT_TABLE_DEFAULT '
   'RT_TABLE_MAIN RT_TABLE_LOCAL RTA_UNSPEC RTA_DST RTA_SRC RTA_IIF RTA_OIF RTA_GATEWAY RTA_PRIORITY RTA_PREFSRC '
   'RTA_METRICS RTA_MULTIPATH RTA_FLOW RTA_CACHEINFO RTA_TABLE RTA_MARK RTA_MFC_STATS RTA_VIA RTA_NEWDST RTA_PREF '
   'RTA_ENCAP_TYPE RTA_ENCAP RTA_EXPIRES RTA_PAD RTA_UID RTA_TTL_PROPAGATE RTA_IP_PROTO RTA_SPORT RTA_DPORT RTA_NH_ID '
   'RTNH_F_DEAD RTNH_F_PERVASIVE RTNH_F_ONLINK RTNH_F_OFFLOAD RTNH_F_LINKDOWN RTM_F_NOTIFY RTM_F_CLONED RTM_F_FIB_MATCH '
   'RTM_NEWRULE RTM_DELRULE RTM_GETRULE RTM_NEWNEXTHOP RTM_DELNEXTHOP RTM_GETNEXTHOP '
   'RTEXT_FILTER_VF RTEXT_FILTER_BRVLAN RTEXT_FILTER_SKIP_STATS '
   'RTNLGRP_LINK RTNLGRP_NEIGH RTNLGRP_IPV4_IFADDR RTNLGRP_IPV4_ROUTE RTNLGRP_IPV6_IFADDR RTNLGRP_IPV6_ROUTE RTNLGRP_NSID RTNLGRP_IPV4_NETCONF RTNLGRP_IPV6_NETCONF '
   'RTNLGRP_IPV4_RULE RTNLGRP_IPV6_RULE RTNLGRP_NEXTHOP '
   'RTMGRP_LINK RTMGRP_NEIGH RTMGRP_IPV4_IFADDR RTMGRP_IPV4_ROUTE RTMGRP_IPV6_IFADDR RTMGRP_IPV6_ROUTE '
   'RTAX_MTU RTAX_ADVMSS RTAX_HOPLIMIT'),
 'IfLink': ([L+'if_link.h'], 'linux/if_link.h: link attributes and the per-kind data of IFLA_INFO_DATA',
   'IFLA_UNSPEC IFLA_ADDRESS IFLA_BROADCAST IFLA_IFNAME IFLA_MTU IFLA_LINK IFLA_QDISC IFLA_STATS IFLA_COST IFLA_PRIORITY '
   'IFLA_MASTER IFLA_WIRELESS IFLA_PROTINFO IFLA_TXQLEN IFLA_MAP IFLA_WEIGHT IFLA_OPERSTATE IFLA_LINKMODE IFLA_LINKINFO '
   'IFLA_NET_NS_PID IFLA_IFALIAS IFLA_NUM_VF IFLA_VFINFO_LIST IFLA_STATS64 IFLA_VF_PORTS IFLA_PORT_SELF IFLA_AF_SPEC '
   'IFLA_GROUP IFLA_NET_NS_FD IFLA_EXT_MASK IFLA_PROMISCUITY IFLA_NUM_TX_QUEUES IFLA_NUM_RX_QUEUES IFLA_CARRIER '
   'IFLA_PHYS_PORT_ID IFLA_CARRIER_CHANGES IFLA_PHYS_SWITCH_ID IFLA_LINK_NETNSID IFLA_PHYS_PORT_NAME IFLA_PROTO_DOWN '
   'IFLA_GSO_MAX_SEGS IFLA_GSO_MAX_SIZE IFLA_PAD IFLA_XDP IFLA_EVENT IFLA_NEW_NETNSID IFLA_IF_NETNSID IFLA_TARGET_NETNSID '
   'IFLA_CARRIER_UP_COUNT IFLA_CARRIER_DOWN_COUNT IFLA_NEW_IFINDEX IFLA_MIN_MTU IFLA_MAX_MTU IFLA_PROP_LIST IFLA_ALT_IFNAME '
   'IFLA_PERM_ADDRESS IFLA_PROTO_DOWN_REASON IFLA_PARENT_DEV_NAME IFLA_PARENT_DEV_BUS_NAME IFLA_GRO_MAX_SIZE '
   'IFLA_TSO_MAX_SIZE IFLA_TSO_MAX_SEGS IFLA_ALLMULTI '
   'IFLA_INFO_KIND IFLA_INFO_DATA IFLA_INFO_XSTATS IFLA_INFO_SLAVE_KIND IFLA_INFO_SLAVE_DATA '
   'IFLA_BR_FORWARD_DELAY IFLA_BR_HELLO_TIME IFLA_BR_MAX_AGE IFLA_BR_AGEING_TIME IFLA_BR_STP_STATE IFLA_BR_PRIORITY '
   'IFLA_BR_VLAN_FILTERING IFLA_BR_VLAN_PROTOCOL '
   'IFLA_VLAN_ID IFLA_VLAN_FLAGS IFLA_VLAN_EGRESS_QOS IFLA_VLAN_INGRESS_QOS IFLA_VLAN_PROTOCOL '
   'IFLA_MACVLAN_MODE IFLA_MACVLAN_FLAGS IFLA_MACVLAN_MACADDR IFLA_MACVLAN_MACADDR_DATA IFLA_MACVLAN_MACADDR_COUNT '
   'IFLA_MACVLAN_BC_QUEUE_LEN IFLA_MACVLAN_BC_QUEUE_LEN_USED MACVLAN_MODE_PRIVATE MACVLAN_MODE_VEPA MACVLAN_MODE_BRIDGE MACVLAN_MODE_PASSTHRU '
   'MACVLAN_MODE_SOURCE IFLA_IPVLAN_MODE IFLA_IPVLAN_FLAGS IPVLAN_MODE_L2 IPVLAN_MODE_L3 IPVLAN_MODE_L3S '
   'IFLA_VXLAN_ID IFLA_VXLAN_GROUP IFLA_VXLAN_LINK IFLA_VXLAN_LOCAL IFLA_VXLAN_TTL IFLA_VXLAN_TOS IFLA_VXLAN_LEARNING '
   'IFLA_VXLAN_AGEING IFLA_VXLAN_LIMIT IFLA_VXLAN_PORT_RANGE IFLA_VXLAN_PROXY IFLA_VXLAN_RSC IFLA_VXLAN_L2MISS '
   'IFLA_VXLAN_L3MISS IFLA_VXLAN_PORT IFLA_VXLAN_GROUP6 IFLA_VXLAN_LOCAL6 IFLA_VXLAN_UDP_CSUM IFLA_VXLAN_UDP_ZERO_CSUM6_TX '
   'IFLA_VXLAN_UDP_ZERO_CSUM6_RX IFLA_VXLAN_REMCSUM_TX IFLA_VXLAN_REMCSUM_RX IFLA_VXLAN_GBP IFLA_VXLAN_COLLECT_METADATA '
   'IFLA_VXLAN_LABEL IFLA_VXLAN_GPE IFLA_VXLAN_TTL_INHERIT IFLA_VXLAN_DF IFLA_VXLAN_VNIFILTER IFLA_INET6_ADDR_GEN_MODE '
   'IFLA_BOND_MODE IFLA_BOND_ACTIVE_SLAVE IFLA_BOND_MIIMON '
   'IF_OPER_UNKNOWN IF_OPER_NOTPRESENT IF_OPER_DOWN IF_OPER_LOWERLAYERDOWN IF_OPER_TESTING IF_OPER_DORMANT IF_OPER_UP'),
 'If': ([L+'if.h'], 'linux/if.h: interface flags (ifi_flags) and IFNAMSIZ',
   'IFNAMSIZ IFF_UP IFF_BROADCAST IFF_DEBUG IFF_LOOPBACK IFF_POINTOPOINT IFF_NOTRAILERS IFF_RUNNING IFF_NOARP IFF_PROMISC '
   'IFF_ALLMULTI IFF_MASTER IFF_SLAVE IFF_MULTICAST IFF_PORTSEL IFF_AUTOMEDIA IFF_DYNAMIC IFF_LOWER_UP IFF_DORMANT IFF_ECHO'),
 'IfAddr': ([L+'if_addr.h'], 'linux/if_addr.h: address attributes and flags',
   'IFA_UNSPEC IFA_ADDRESS IFA_LOCAL IFA_LABEL IFA_BROADCAST IFA_ANYCAST IFA_CACHEINFO IFA_MULTICAST IFA_FLAGS '
   'IFA_RT_PRIORITY IFA_TARGET_NETNSID IFA_PROTO IFA_F_SECONDARY IFA_F_TEMPORARY IFA_F_NODAD IFA_F_OPTIMISTIC '
   'IFA_F_DADFAILED IFA_F_HOMEADDRESS IFA_F_DEPRECATED IFA_F_TENTATIVE IFA_F_PERMANENT IFA_F_MANAGETEMPADDR '
   'IFA_F_NOPREFIXROUTE IFA_F_MCAUTOJOIN IFA_F_STABLE_PRIVACY'),
 'Veth': ([L+'veth.h'], 'linux/veth.h: the veth peer attribute', 'VETH_INFO_PEER'),
 'Neighbour': ([L+'neighbour.h'], 'linux/neighbour.h: neighbour attributes, states and flags',
   'NDA_UNSPEC NDA_DST NDA_LLADDR NDA_CACHEINFO NDA_PROBES NDA_VLAN NDA_PORT NDA_VNI NDA_IFINDEX NDA_MASTER '
   'NDA_LINK_NETNSID NDA_SRC_VNI NDA_PROTOCOL NDA_NH_ID NDA_FLAGS_EXT '
   'NUD_INCOMPLETE NUD_REACHABLE NUD_STALE NUD_DELAY NUD_PROBE NUD_FAILED NUD_NOARP NUD_PERMANENT NUD_NONE '
   'NTF_USE NTF_SELF NTF_MASTER NTF_PROXY NTF_EXT_LEARNED NTF_OFFLOADED NTF_STICKY NTF_ROUTER'),
 'Netconf': ([L+'netconf.h'], 'linux/netconf.h: RTM_*NETCONF attributes',
   'NETCONFA_IFINDEX NETCONFA_FORWARDING NETCONFA_RP_FILTER NETCONFA_MC_FORWARDING NETCONFA_PROXY_NEIGH '
   'NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN NETCONFA_INPUT NETCONFA_BC_FORWARDING NETCONFA_IFINDEX_ALL NETCONFA_IFINDEX_DEFAULT'),
 'FibRules': ([L+'fib_rules.h'], 'linux/fib_rules.h: policy rule header flags, actions and FRA_* attributes',
   'FIB_RULE_PERMANENT FIB_RULE_INVERT FIB_RULE_UNRESOLVED FIB_RULE_IIF_DETACHED FIB_RULE_OIF_DETACHED '
   'FRA_UNSPEC FRA_DST FRA_SRC FRA_IIFNAME FRA_GOTO FRA_PRIORITY FRA_FWMARK FRA_FLOW FRA_TUN_ID FRA_SUPPRESS_IFGROUP '
   'FRA_SUPPRESS_PREFIXLEN FRA_TABLE FRA_FWMASK FRA_OIFNAME FRA_PAD FRA_L3MDEV FRA_UID_RANGE FRA_PROTOCOL FRA_IP_PROTO '
   'FRA_SPORT_RANGE FRA_DPORT_RANGE FR_ACT_UNSPEC FR_ACT_TO_TBL FR_ACT_GOTO FR_ACT_NOP FR_ACT_BLACKHOLE FR_ACT_UNREACHABLE '
   'FR_ACT_PROHIBIT'),
 'Nexthop': ([L+'nexthop.h'], 'linux/nexthop.h: nexthop object attributes and group types',
   'NHA_UNSPEC NHA_ID NHA_GROUP NHA_GROUP_TYPE NHA_BLACKHOLE NHA_OIF NHA_GATEWAY NHA_ENCAP_TYPE NHA_ENCAP NHA_GROUPS NHA_MASTER '
   'NHA_FDB NHA_RES_GROUP NHA_RES_BUCKET NHA_RES_GROUP_BUCKETS NHA_RES_GROUP_IDLE_TIMER NHA_RES_GROUP_UNBALANCED_TIMER '
   'NHA_RES_GROUP_UNBALANCED_TIME NEXTHOP_GRP_TYPE_MPATH NEXTHOP_GRP_TYPE_RES'),
 'NetNamespace': ([L+'net_namespace.h'], 'linux/net_namespace.h: RTM_*NSID attributes',
   'NETNSA_NONE NETNSA_NSID NETNSA_PID NETNSA_FD NETNSA_TARGET_NSID NETNSA_CURRENT_NSID NETNSA_NSID_NOT_ASSIGNED'),
}

def main():
    out = os.path.join(os.path.dirname(__file__), '..', 'netlink-core/src/main/java/io/github/netlink4j/internal/wire/uapi')
    os.makedirs(out, exist_ok=True)
    for cls, (paths, doc, names) in CLASSES.items():
        env = values(paths + [L + 'netlink.h', L + 'if.h'] if cls != 'Netlink' else paths)
        lines = ['package io.github.netlink4j.internal.wire.uapi;', '',
                 '/** Constants of {@code %s}: %s. Generated by scripts/gen-uapi.py from the uapi header. */' % tuple(doc.split(': ', 1)),
                 '@SuppressWarnings("unused")', 'public final class %s {' % cls, '    private %s() {}' % cls, '']
        for n in names.split():
            if n not in env:
                raise SystemExit('%s: %s not found in %s' % (cls, n, paths))
            v = env[n]
            lit = str(v) if -2**31 <= v < 2**31 else (str(v - 2**32) if v < 2**32 else None)
            if lit is None: raise SystemExit(n)
            if v >= 0x100 and n.startswith(('NLM_F', 'IFF_', 'IFA_F', 'NTF_', 'NUD_', 'RTNH_', 'RTM_F', 'RTMGRP', 'NLA_F', 'RTEXT')):
                lit = hex(v)
            lines.append('    public static final int %s = %s;' % (n, lit))
        lines.append('}')
        open(os.path.join(out, cls + '.java'), 'w').write('\n'.join(lines) + '\n')
        print(cls, len(names.split()))

main()
