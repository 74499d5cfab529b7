#!/usr/bin/env python3
"""Capture what iproute2 sends (or receives) on its netlink socket, as an annotated golden fixture.

Usage: capture-golden.py OUT.hex --send|--recv|--recv-all TYPE [--setup 'ip args' ...] -- ip args...
       capture-golden.py OUT.hex --send-genl|--recv-genl CMD [--setup 'ip args' ...] -- ethtool args...
       capture-golden.py OUT.hex --send TYPE [--setup 'conntrack args' ...] -- conntrack args...
       capture-golden.py OUT.hex --send-diag FAMILY [--setup 'ip args' ...] -- ss args...
       (a command or setup whose first word is "bridge" or "tc" runs that iproute2 tool instead of ip; one whose first
       word is "conntrack" runs conntrack-tools' conntrack(8) under "ip netns exec" (it has no -n, and sends with
       sendto; TYPE is the nfnetlink type, e.g. 0x101 for IPCTNL_MSG_CT_GET); one whose first
       word is "ethtool" runs ethtool(8) under "ip netns exec", and --send-genl keeps the last generic
       netlink request with genlmsghdr.cmd CMD that is not nlctrl's (--recv-genl the last such reply):
       family ids are the kernel's to give, so the type cannot be named in advance; "ss" runs ss(8) under
       "ip netns exec" too, and --send-diag keeps the last SOCK_DIAG_BY_FAMILY request whose sdiag_family
       is FAMILY: ss asks once per family; --recv-diag FAMILY keeps every reply of that family. A setup
       starting "background" runs the rest under "ip netns exec" for the capture's length (a listener for ss to see))

Everything runs inside a throwaway network namespace made for the capture and deleted afterwards.
The bytes are read from strace's hex dump (-e write=FD / -e read=FD); --send and --recv keep the last
message of nlmsg_type TYPE, --recv-all every one (a dump). {NS} in a setup or the command stands for
the capture namespace's name. scripts/golden-set.txt lists every fixture with its arguments, and
scripts/recapture-golden.py captures them all again and compares. Sequence and port numbers are zeroed so fixtures do not depend on the run. The field
comments come from the header layouts in /usr/include/linux, written out below by hand: this script
shares no code with netlink4j's encoder, so the fixtures are an independent oracle.
"""
import os, re, subprocess, struct, sys, uuid, datetime

IFLA = {1:'IFLA_ADDRESS',2:'IFLA_BROADCAST',3:'IFLA_IFNAME',4:'IFLA_MTU',5:'IFLA_LINK',6:'IFLA_QDISC',
        7:'IFLA_STATS',10:'IFLA_MASTER',13:'IFLA_TXQLEN',16:'IFLA_OPERSTATE',17:'IFLA_LINKMODE',18:'IFLA_LINKINFO',
        19:'IFLA_NET_NS_PID',20:'IFLA_IFALIAS',21:'IFLA_NUM_VF',23:'IFLA_STATS64',27:'IFLA_GROUP',28:'IFLA_NET_NS_FD',
        29:'IFLA_EXT_MASK',30:'IFLA_PROMISCUITY',31:'IFLA_NUM_TX_QUEUES',32:'IFLA_CARRIER',33:'IFLA_PHYS_PORT_ID',
        35:'IFLA_CARRIER_CHANGES',37:'IFLA_LINK_NETNSID',40:'IFLA_GSO_MAX_SEGS',41:'IFLA_GSO_MAX_SIZE',
        43:'IFLA_XDP',47:'IFLA_CARRIER_UP_COUNT',48:'IFLA_CARRIER_DOWN_COUNT',50:'IFLA_MIN_MTU',51:'IFLA_MAX_MTU',
        52:'IFLA_PROP_LIST',54:'IFLA_PERM_ADDRESS',55:'IFLA_PROTO_DOWN_REASON',56:'IFLA_PARENT_DEV_NAME',
        57:'IFLA_PARENT_DEV_BUS_NAME',58:'IFLA_GRO_MAX_SIZE',59:'IFLA_TSO_MAX_SIZE',60:'IFLA_TSO_MAX_SEGS',
        61:'IFLA_ALLMULTI',62:'IFLA_DEVLINK_PORT',63:'IFLA_GSO_IPV4_MAX_SIZE',64:'IFLA_GRO_IPV4_MAX_SIZE',
        26:'IFLA_AF_SPEC',12:'IFLA_WIRELESS',14:'IFLA_MAP',24:'IFLA_VF_PORTS',22:'IFLA_VFINFO_LIST',
        34:'IFLA_NUM_RX_QUEUES',39:'IFLA_PROTO_DOWN',45:'IFLA_NEW_NETNSID',46:'IFLA_IF_NETNSID',42:'IFLA_PAD'}
INFO = {1:'IFLA_INFO_KIND',2:'IFLA_INFO_DATA',3:'IFLA_INFO_XSTATS',4:'IFLA_INFO_SLAVE_KIND',5:'IFLA_INFO_SLAVE_DATA'}
VETH = {1:'VETH_INFO_PEER'}
IFA = {1:'IFA_ADDRESS',2:'IFA_LOCAL',3:'IFA_LABEL',4:'IFA_BROADCAST',5:'IFA_ANYCAST',6:'IFA_CACHEINFO',
       7:'IFA_MULTICAST',8:'IFA_FLAGS',9:'IFA_RT_PRIORITY',10:'IFA_TARGET_NETNSID',11:'IFA_PROTO'}
RTA = {1:'RTA_DST',2:'RTA_SRC',3:'RTA_IIF',4:'RTA_OIF',5:'RTA_GATEWAY',6:'RTA_PRIORITY',7:'RTA_PREFSRC',
       8:'RTA_METRICS',9:'RTA_MULTIPATH',12:'RTA_CACHEINFO',15:'RTA_TABLE',20:'RTA_PREF',21:'RTA_ENCAP_TYPE',
       22:'RTA_ENCAP',30:'RTA_UID'}
KIND_DATA = {
    'vxlan': {1:'IFLA_VXLAN_ID',2:'IFLA_VXLAN_GROUP',3:'IFLA_VXLAN_LINK',4:'IFLA_VXLAN_LOCAL',5:'IFLA_VXLAN_TTL',
              6:'IFLA_VXLAN_TOS',7:'IFLA_VXLAN_LEARNING',15:'IFLA_VXLAN_PORT',16:'IFLA_VXLAN_GROUP6',17:'IFLA_VXLAN_LOCAL6'},
    'macvlan': {1:'IFLA_MACVLAN_MODE',2:'IFLA_MACVLAN_FLAGS'}, 'macvtap': {1:'IFLA_MACVLAN_MODE',2:'IFLA_MACVLAN_FLAGS'},
    'vlan': {1:'IFLA_VLAN_ID',2:'IFLA_VLAN_FLAGS',5:'IFLA_VLAN_PROTOCOL'},
    'ipvlan': {1:'IFLA_IPVLAN_MODE',2:'IFLA_IPVLAN_FLAGS'},
    'bond': {1:'IFLA_BOND_MODE',2:'IFLA_BOND_ACTIVE_SLAVE'},
    'veth': {1:'VETH_INFO_PEER'},
}
NDA = {1:'NDA_DST',2:'NDA_LLADDR',3:'NDA_CACHEINFO',4:'NDA_PROBES',5:'NDA_VLAN'}
ERR = {1:'NLMSGERR_ATTR_MSG',2:'NLMSGERR_ATTR_OFFS',3:'NLMSGERR_ATTR_COOKIE',4:'NLMSGERR_ATTR_POLICY'}
TYPES = {2:'NLMSG_ERROR',3:'NLMSG_DONE',16:'RTM_NEWLINK',17:'RTM_DELLINK',18:'RTM_GETLINK',19:'RTM_SETLINK',
         20:'RTM_NEWADDR',21:'RTM_DELADDR',22:'RTM_GETADDR',24:'RTM_NEWROUTE',25:'RTM_DELROUTE',26:'RTM_GETROUTE',
         28:'RTM_NEWNEIGH',29:'RTM_DELNEIGH',30:'RTM_GETNEIGH',88:'RTM_NEWNSID',90:'RTM_GETNSID',
         36:'RTM_NEWQDISC',37:'RTM_DELQDISC',38:'RTM_GETQDISC',40:'RTM_NEWTCLASS',41:'RTM_DELTCLASS',42:'RTM_GETTCLASS',
         44:'RTM_NEWTFILTER',45:'RTM_DELTFILTER',46:'RTM_GETTFILTER',48:'RTM_NEWACTION',49:'RTM_DELACTION',50:'RTM_GETACTION'}
# Traffic control (linux/rtnetlink.h TCA_*, linux/gen_stats.h TCA_STATS_*, linux/pkt_sched.h per kind).
TCA = {1:'TCA_KIND',2:'TCA_OPTIONS',3:'TCA_STATS',4:'TCA_XSTATS',5:'TCA_RATE',6:'TCA_FCNT',7:'TCA_STATS2',8:'TCA_STAB',
       9:'TCA_PAD',10:'TCA_DUMP_INVISIBLE',11:'TCA_CHAIN',12:'TCA_HW_OFFLOAD',13:'TCA_INGRESS_BLOCK',14:'TCA_EGRESS_BLOCK',
       15:'TCA_DUMP_FLAGS',16:'TCA_EXT_WARN_MSG'}
TCA_STATS = {1:'TCA_STATS_BASIC',2:'TCA_STATS_RATE_EST',3:'TCA_STATS_QUEUE',4:'TCA_STATS_APP',5:'TCA_STATS_RATE_EST64',
             6:'TCA_STATS_PAD',7:'TCA_STATS_BASIC_HW',8:'TCA_STATS_PKT64'}
# TCA_OPTIONS by kind: a nest of attributes, or a struct (and, for netem and prio, attributes after it).
TC_NESTED = {
    'htb': {1:'TCA_HTB_PARMS',2:'TCA_HTB_INIT',3:'TCA_HTB_CTAB',4:'TCA_HTB_RTAB',5:'TCA_HTB_DIRECT_QLEN',6:'TCA_HTB_RATE64',
            7:'TCA_HTB_CEIL64',8:'TCA_HTB_PAD',9:'TCA_HTB_OFFLOAD'},
    'tbf': {1:'TCA_TBF_PARMS',2:'TCA_TBF_RTAB',3:'TCA_TBF_PTAB',4:'TCA_TBF_RATE64',5:'TCA_TBF_PRATE64',6:'TCA_TBF_BURST',
            7:'TCA_TBF_PBURST',8:'TCA_TBF_PAD'},
    'fq_codel': {1:'TCA_FQ_CODEL_TARGET',2:'TCA_FQ_CODEL_LIMIT',3:'TCA_FQ_CODEL_INTERVAL',4:'TCA_FQ_CODEL_ECN',
                 5:'TCA_FQ_CODEL_FLOWS',6:'TCA_FQ_CODEL_QUANTUM',7:'TCA_FQ_CODEL_CE_THRESHOLD',
                 8:'TCA_FQ_CODEL_DROP_BATCH_SIZE',9:'TCA_FQ_CODEL_MEMORY_LIMIT',10:'TCA_FQ_CODEL_CE_THRESHOLD_SELECTOR',
                 11:'TCA_FQ_CODEL_CE_THRESHOLD_MASK'},
}
# Filters' TCA_OPTIONS (linux/pkt_cls.h), a nest of attributes per kind.
TC_NESTED.update({
    'u32': {1:'TCA_U32_CLASSID',2:'TCA_U32_HASH',3:'TCA_U32_LINK',4:'TCA_U32_DIVISOR',5:'TCA_U32_SEL',6:'TCA_U32_POLICE',
            7:'TCA_U32_ACT',8:'TCA_U32_INDEV',9:'TCA_U32_PCNT',10:'TCA_U32_MARK',11:'TCA_U32_FLAGS',12:'TCA_U32_PAD'},
    'matchall': {1:'TCA_MATCHALL_CLASSID',2:'TCA_MATCHALL_ACT',3:'TCA_MATCHALL_FLAGS',4:'TCA_MATCHALL_PCNT',5:'TCA_MATCHALL_PAD'},
    'basic': {1:'TCA_BASIC_CLASSID',2:'TCA_BASIC_EMATCHES',3:'TCA_BASIC_ACT',4:'TCA_BASIC_POLICE',5:'TCA_BASIC_PCNT',6:'TCA_BASIC_PAD'},
    'fw': {1:'TCA_FW_CLASSID',2:'TCA_FW_POLICE',3:'TCA_FW_INDEV',4:'TCA_FW_ACT',5:'TCA_FW_MASK'},
    'bpf': {1:'TCA_BPF_ACT',2:'TCA_BPF_POLICE',3:'TCA_BPF_CLASSID',4:'TCA_BPF_OPS_LEN',5:'TCA_BPF_OPS',6:'TCA_BPF_FD',
            7:'TCA_BPF_NAME',8:'TCA_BPF_FLAGS',9:'TCA_BPF_FLAGS_GEN',10:'TCA_BPF_TAG',11:'TCA_BPF_ID'},
    'flower': {1:'TCA_FLOWER_CLASSID',2:'TCA_FLOWER_INDEV',3:'TCA_FLOWER_ACT',4:'TCA_FLOWER_KEY_ETH_DST',5:'TCA_FLOWER_KEY_ETH_DST_MASK',
               6:'TCA_FLOWER_KEY_ETH_SRC',7:'TCA_FLOWER_KEY_ETH_SRC_MASK',8:'TCA_FLOWER_KEY_ETH_TYPE',9:'TCA_FLOWER_KEY_IP_PROTO',
               10:'TCA_FLOWER_KEY_IPV4_SRC',11:'TCA_FLOWER_KEY_IPV4_SRC_MASK',12:'TCA_FLOWER_KEY_IPV4_DST',13:'TCA_FLOWER_KEY_IPV4_DST_MASK',
               14:'TCA_FLOWER_KEY_IPV6_SRC',15:'TCA_FLOWER_KEY_IPV6_SRC_MASK',16:'TCA_FLOWER_KEY_IPV6_DST',17:'TCA_FLOWER_KEY_IPV6_DST_MASK',
               18:'TCA_FLOWER_KEY_TCP_SRC',19:'TCA_FLOWER_KEY_TCP_DST',20:'TCA_FLOWER_KEY_UDP_SRC',21:'TCA_FLOWER_KEY_UDP_DST',
               22:'TCA_FLOWER_FLAGS',23:'TCA_FLOWER_KEY_VLAN_ID',24:'TCA_FLOWER_KEY_VLAN_PRIO',25:'TCA_FLOWER_KEY_VLAN_ETH_TYPE',
               35:'TCA_FLOWER_KEY_TCP_SRC_MASK',36:'TCA_FLOWER_KEY_TCP_DST_MASK',37:'TCA_FLOWER_KEY_UDP_SRC_MASK',
               38:'TCA_FLOWER_KEY_UDP_DST_MASK'},
})
# An action list (TCA_*_ACT, TCA_ROOT_TAB): one nest per action, numbered by its order, holding TCA_ACT_*;
# TCA_ACT_OPTIONS by the action's kind (linux/tc_act/*.h).
TCA_ACT = {1:'TCA_ACT_KIND',2:'TCA_ACT_OPTIONS',3:'TCA_ACT_INDEX',4:'TCA_ACT_STATS',5:'TCA_ACT_PAD',6:'TCA_ACT_COOKIE',
           7:'TCA_ACT_FLAGS',8:'TCA_ACT_HW_STATS',9:'TCA_ACT_USED_HW_STATS',10:'TCA_ACT_IN_HW_COUNT'}
ACT_OPTIONS = {
    'gact': {1:'TCA_GACT_TM',2:'TCA_GACT_PARMS (struct tc_gact: index, capab, action, refcnt, bindcnt)',3:'TCA_GACT_PROB',4:'TCA_GACT_PAD'},
    'mirred': {1:'TCA_MIRRED_TM',2:'TCA_MIRRED_PARMS (struct tc_mirred: index, capab, action, refcnt, bindcnt, eaction, ifindex)',
               3:'TCA_MIRRED_PAD'},
    'skbedit': {1:'TCA_SKBEDIT_TM',2:'TCA_SKBEDIT_PARMS (struct tc_skbedit)',3:'TCA_SKBEDIT_PRIORITY',4:'TCA_SKBEDIT_QUEUE_MAPPING',
                5:'TCA_SKBEDIT_MARK',6:'TCA_SKBEDIT_PAD',7:'TCA_SKBEDIT_PTYPE',8:'TCA_SKBEDIT_MASK',9:'TCA_SKBEDIT_FLAGS'},
    'police': {1:'TCA_POLICE_TBF (struct tc_police)',2:'TCA_POLICE_RATE',3:'TCA_POLICE_PEAKRATE',4:'TCA_POLICE_AVRATE',
               5:'TCA_POLICE_RESULT',6:'TCA_POLICE_TM',7:'TCA_POLICE_PAD',8:'TCA_POLICE_RATE64',9:'TCA_POLICE_PEAKRATE64'},
}
TCA_ROOT = {1:'TCA_ROOT_TAB',2:'TCA_ROOT_FLAGS',3:'TCA_ROOT_COUNT',4:'TCA_ROOT_TIME_DELTA',5:'TCA_ROOT_EXT_WARN_MSG'}
TC_STRUCT = {  # kind: (struct, its size, the attributes that may follow it)
    'pfifo': ('struct tc_fifo_qopt {limit}', 4, None), 'bfifo': ('struct tc_fifo_qopt {limit}', 4, None),
    'pfifo_fast': ('struct tc_prio_qopt {bands, priomap[16]}', 20, None),
    'sfq': ('struct tc_sfq_qopt_v1 {quantum, perturb, limit, divisor, flows, depth, headdrop, red...}', 72, None),
    'netem': ('struct tc_netem_qopt {latency, limit, loss, gap, duplicate, jitter}', 24,
              {1:'TCA_NETEM_CORR',2:'TCA_NETEM_DELAY_DIST',3:'TCA_NETEM_REORDER',4:'TCA_NETEM_CORRUPT',5:'TCA_NETEM_LOSS',
               6:'TCA_NETEM_RATE',7:'TCA_NETEM_ECN',8:'TCA_NETEM_RATE64',9:'TCA_NETEM_PAD',10:'TCA_NETEM_LATENCY64',
               11:'TCA_NETEM_JITTER64',12:'TCA_NETEM_SLOT',13:'TCA_NETEM_SLOT_DIST'}),
    'prio': ('struct tc_prio_qopt {bands, priomap[16]}', 20, {2:'TCA_OPTIONS (the compat nest)'}),
}
NESTED = {('link', 18): ('info', INFO), ('info', 2): ('infodata', None), ('vethdata', 1): ('peer', None)}
# ethtool's generic netlink requests (linux/ethtool_netlink.h), by genlmsghdr.cmd: the top-level names
ETHTOOL_CMDS = {1:'ETHTOOL_MSG_STRSET_GET',2:'ETHTOOL_MSG_LINKINFO_GET',4:'ETHTOOL_MSG_LINKMODES_GET',
                5:'ETHTOOL_MSG_LINKMODES_SET',6:'ETHTOOL_MSG_LINKSTATE_GET',
                11:'ETHTOOL_MSG_FEATURES_GET',12:'ETHTOOL_MSG_FEATURES_SET',15:'ETHTOOL_MSG_RINGS_GET',
                17:'ETHTOOL_MSG_CHANNELS_GET',18:'ETHTOOL_MSG_CHANNELS_SET',19:'ETHTOOL_MSG_COALESCE_GET',
                21:'ETHTOOL_MSG_PAUSE_GET',23:'ETHTOOL_MSG_EEE_GET'}
ETHTOOL_TOP = {1:{1:'ETHTOOL_A_STRSET_HEADER',2:'ETHTOOL_A_STRSET_STRINGSETS',3:'ETHTOOL_A_STRSET_COUNTS_ONLY'},
               11:{1:'ETHTOOL_A_FEATURES_HEADER'},
               12:{1:'ETHTOOL_A_FEATURES_HEADER',2:'ETHTOOL_A_FEATURES_HW',3:'ETHTOOL_A_FEATURES_WANTED'},
               17:{1:'ETHTOOL_A_CHANNELS_HEADER'},
               18:{1:'ETHTOOL_A_CHANNELS_HEADER',6:'ETHTOOL_A_CHANNELS_RX_COUNT',7:'ETHTOOL_A_CHANNELS_TX_COUNT',
                   8:'ETHTOOL_A_CHANNELS_OTHER_COUNT',9:'ETHTOOL_A_CHANNELS_COMBINED_COUNT'}}
for c in (2, 4, 6, 15, 19, 21, 23): ETHTOOL_TOP[c] = {1:'ETHTOOL_A_*_HEADER'}
# link modes (ETHTOOL_A_LINKMODES_*): one set for the set request, the get's reply and the notification
_LINKMODES = {1:'ETHTOOL_A_LINKMODES_HEADER',2:'ETHTOOL_A_LINKMODES_AUTONEG',3:'ETHTOOL_A_LINKMODES_OURS',
              4:'ETHTOOL_A_LINKMODES_PEER',5:'ETHTOOL_A_LINKMODES_SPEED',6:'ETHTOOL_A_LINKMODES_DUPLEX',
              7:'ETHTOOL_A_LINKMODES_MASTER_SLAVE_CFG',8:'ETHTOOL_A_LINKMODES_MASTER_SLAVE_STATE',
              9:'ETHTOOL_A_LINKMODES_LANES',10:'ETHTOOL_A_LINKMODES_RATE_MATCHING'}
ETHTOOL_TOP[5] = _LINKMODES
# the kernel's replies, numbered apart from the requests (ETHTOOL_MSG_*_REPLY)
ETHTOOL_REPLY_CMDS = {1:'ETHTOOL_MSG_STRSET_GET_REPLY',2:'ETHTOOL_MSG_LINKINFO_GET_REPLY',4:'ETHTOOL_MSG_LINKMODES_GET_REPLY',
                      5:'ETHTOOL_MSG_LINKMODES_NTF',6:'ETHTOOL_MSG_LINKSTATE_GET_REPLY',
                      11:'ETHTOOL_MSG_FEATURES_GET_REPLY',12:'ETHTOOL_MSG_FEATURES_SET_REPLY',18:'ETHTOOL_MSG_CHANNELS_GET_REPLY'}
_FEATURES = {1:'ETHTOOL_A_FEATURES_HEADER',2:'ETHTOOL_A_FEATURES_HW',3:'ETHTOOL_A_FEATURES_WANTED',4:'ETHTOOL_A_FEATURES_ACTIVE',
             5:'ETHTOOL_A_FEATURES_NOCHANGE'}
ETHTOOL_REPLY_TOP = {1:{1:'ETHTOOL_A_STRSET_HEADER',2:'ETHTOOL_A_STRSET_STRINGSETS'},
                     2:{1:'ETHTOOL_A_LINKINFO_HEADER',2:'ETHTOOL_A_LINKINFO_PORT',3:'ETHTOOL_A_LINKINFO_PHYADDR',
                        4:'ETHTOOL_A_LINKINFO_TP_MDIX',5:'ETHTOOL_A_LINKINFO_TP_MDIX_CTRL',6:'ETHTOOL_A_LINKINFO_TRANSCEIVER'},
                     6:{1:'ETHTOOL_A_LINKSTATE_HEADER',2:'ETHTOOL_A_LINKSTATE_LINK',3:'ETHTOOL_A_LINKSTATE_SQI',
                        4:'ETHTOOL_A_LINKSTATE_SQI_MAX',5:'ETHTOOL_A_LINKSTATE_EXT_STATE',6:'ETHTOOL_A_LINKSTATE_EXT_SUBSTATE',
                        7:'ETHTOOL_A_LINKSTATE_EXT_DOWN_CNT'},
                     4:_LINKMODES, 5:_LINKMODES, 11:_FEATURES, 12:_FEATURES,
                     18:{1:'ETHTOOL_A_CHANNELS_HEADER',2:'ETHTOOL_A_CHANNELS_RX_MAX',3:'ETHTOOL_A_CHANNELS_TX_MAX',
                         4:'ETHTOOL_A_CHANNELS_OTHER_MAX',5:'ETHTOOL_A_CHANNELS_COMBINED_MAX',6:'ETHTOOL_A_CHANNELS_RX_COUNT',
                         7:'ETHTOOL_A_CHANNELS_TX_COUNT',8:'ETHTOOL_A_CHANNELS_OTHER_COUNT',9:'ETHTOOL_A_CHANNELS_COMBINED_COUNT'}}
ETHTOOL_NEST = {'ETHTOOL_A_STRSET_HEADER':'header','ETHTOOL_A_FEATURES_HEADER':'header','ETHTOOL_A_CHANNELS_HEADER':'header',
                'ETHTOOL_A_*_HEADER':'header','ETHTOOL_A_STRSET_STRINGSETS':'stringsets','ETHTOOL_A_STRINGSETS_STRINGSET':'stringset',
                'ETHTOOL_A_FEATURES_WANTED':'bitset','ETHTOOL_A_FEATURES_HW':'bitset','ETHTOOL_A_BITSET_BITS':'bits',
                'ETHTOOL_A_FEATURES_ACTIVE':'bitset','ETHTOOL_A_FEATURES_NOCHANGE':'bitset','ETHTOOL_A_LINKINFO_HEADER':'header',
                'ETHTOOL_A_LINKSTATE_HEADER':'header','ETHTOOL_A_STRINGSET_STRINGS':'strings','ETHTOOL_A_STRINGS_STRING':'string',
                'ETHTOOL_A_BITSET_BITS_BIT':'bit','ETHTOOL_A_LINKMODES_HEADER':'header','ETHTOOL_A_LINKMODES_OURS':'bitset',
                'ETHTOOL_A_LINKMODES_PEER':'bitset'}
ETHTOOL_SETS = {'header':{1:'ETHTOOL_A_HEADER_DEV_INDEX',2:'ETHTOOL_A_HEADER_DEV_NAME',3:'ETHTOOL_A_HEADER_FLAGS'},
                'stringsets':{1:'ETHTOOL_A_STRINGSETS_STRINGSET'},
                'stringset':{1:'ETHTOOL_A_STRINGSET_ID',2:'ETHTOOL_A_STRINGSET_COUNT',3:'ETHTOOL_A_STRINGSET_STRINGS'},
                'bitset':{1:'ETHTOOL_A_BITSET_NOMASK',2:'ETHTOOL_A_BITSET_SIZE',3:'ETHTOOL_A_BITSET_BITS',4:'ETHTOOL_A_BITSET_VALUE',5:'ETHTOOL_A_BITSET_MASK'},
                'bits':{1:'ETHTOOL_A_BITSET_BITS_BIT'},
                'strings':{1:'ETHTOOL_A_STRINGS_STRING'},
                'string':{1:'ETHTOOL_A_STRING_INDEX',2:'ETHTOOL_A_STRING_VALUE'},
                'bit':{1:'ETHTOOL_A_BITSET_BIT_INDEX',2:'ETHTOOL_A_BITSET_BIT_NAME',3:'ETHTOOL_A_BITSET_BIT_VALUE'}}

# MPTCP's path manager (linux/mptcp.h: MPTCP_PM_CMD_*, MPTCP_PM_ATTR_*, MPTCP_PM_ADDR_ATTR_*): one set for
# requests and replies, the endpoint in one nest
MPTCP_CMDS = {1:'MPTCP_PM_CMD_ADD_ADDR',2:'MPTCP_PM_CMD_DEL_ADDR',3:'MPTCP_PM_CMD_GET_ADDR',4:'MPTCP_PM_CMD_FLUSH_ADDRS',
              5:'MPTCP_PM_CMD_SET_LIMITS',6:'MPTCP_PM_CMD_GET_LIMITS',7:'MPTCP_PM_CMD_SET_FLAGS'}
_MPTCP_TOP = {1:'MPTCP_PM_ATTR_ADDR',2:'MPTCP_PM_ATTR_RCV_ADD_ADDRS',3:'MPTCP_PM_ATTR_SUBFLOWS'}
MPTCP_TOP = {c: _MPTCP_TOP for c in MPTCP_CMDS}
MPTCP_NEST = {'MPTCP_PM_ATTR_ADDR':'address'}
MPTCP_SETS = {'address':{1:'MPTCP_PM_ADDR_ATTR_FAMILY',2:'MPTCP_PM_ADDR_ATTR_ID',3:'MPTCP_PM_ADDR_ATTR_ADDR4',
                         4:'MPTCP_PM_ADDR_ATTR_ADDR6',5:'MPTCP_PM_ADDR_ATTR_PORT',6:'MPTCP_PM_ADDR_ATTR_FLAGS',
                         7:'MPTCP_PM_ADDR_ATTR_IF_IDX'}}
# TCP metrics (linux/tcp_metrics.h): TCP_METRICS_CMD_*, TCP_METRICS_ATTR_*, the values nest TCP_METRICS_A_METRICS_*
TCPM_CMDS = {1:'TCP_METRICS_CMD_GET',2:'TCP_METRICS_CMD_DEL'}
_TCPM_TOP = {1:'TCP_METRICS_ATTR_ADDR_IPV4',2:'TCP_METRICS_ATTR_ADDR_IPV6',3:'TCP_METRICS_ATTR_AGE',4:'TCP_METRICS_ATTR_TW_TSVAL',
             5:'TCP_METRICS_ATTR_TW_TS_STAMP',6:'TCP_METRICS_ATTR_VALS',7:'TCP_METRICS_ATTR_FOPEN_MSS',
             8:'TCP_METRICS_ATTR_FOPEN_SYN_DROPS',9:'TCP_METRICS_ATTR_FOPEN_SYN_DROP_TS',10:'TCP_METRICS_ATTR_FOPEN_COOKIE',
             11:'TCP_METRICS_ATTR_SADDR_IPV4',12:'TCP_METRICS_ATTR_SADDR_IPV6',13:'TCP_METRICS_ATTR_PAD'}
TCPM_TOP = {c: _TCPM_TOP for c in TCPM_CMDS}
TCPM_NEST = {'TCP_METRICS_ATTR_VALS':'vals'}
TCPM_SETS = {'vals':{1:'TCP_METRICS_A_METRICS_RTT',2:'TCP_METRICS_A_METRICS_RTTVAR',3:'TCP_METRICS_A_METRICS_SSTHRESH',
                     4:'TCP_METRICS_A_METRICS_CWND',5:'TCP_METRICS_A_METRICS_REODERING',6:'TCP_METRICS_A_METRICS_RTT_US',
                     7:'TCP_METRICS_A_METRICS_RTTVAR_US'}}
# by family: the request commands and top-level names, the reply's, the nests by name and their sets
GENL = {'ethtool': (ETHTOOL_CMDS, ETHTOOL_TOP, ETHTOOL_REPLY_CMDS, ETHTOOL_REPLY_TOP, ETHTOOL_NEST, ETHTOOL_SETS),
        'mptcp_pm': (MPTCP_CMDS, MPTCP_TOP, MPTCP_CMDS, MPTCP_TOP, MPTCP_NEST, MPTCP_SETS),
        'tcp_metrics': (TCPM_CMDS, TCPM_TOP, TCPM_CMDS, TCPM_TOP, TCPM_NEST, TCPM_SETS)}

def genl_attrs(buf, table, indent, lines, nests=ETHTOOL_NEST, sets=ETHTOOL_SETS):
    """Attributes of a generic netlink message, descending into every NLA_F_NESTED attribute."""
    off = 0
    while off + 4 <= len(buf):
        ln, typ = struct.unpack_from('<HH', buf, off)
        t = typ & 0x3fff
        name = table.get(t, 'type %d' % t)
        payload = buf[off + 4:off + ln]
        lines.append(out(buf[off:off + 4], '%s len=%d%s' % (name, ln, ' (NLA_F_NESTED)' if typ & 0x8000 else ''), indent))
        if typ & 0x8000:
            genl_attrs(payload, sets.get(nests.get(name), {}), indent + 1, lines, nests, sets)
        else:
            for i in range(0, len(payload), 16):
                chunk = payload[i:i + 16]
                txt = ''.join(chr(c) if 32 <= c < 127 else '.' for c in chunk)
                lines.append(out(chunk, 'payload "%s"' % txt, indent + 1))
        pad = (ln + 3 & ~3) - ln
        if pad and off + ln + pad <= len(buf):
            lines.append(out(buf[off + ln:off + ln + pad], 'padding', indent + 1))
        off += max(4, ln + 3 & ~3)

# nfnetlink_conntrack (linux/netfilter/nfnetlink_conntrack.h): message types and CTA_* attributes by nest.
CT_TYPES = {0x100:'IPCTNL_MSG_CT_NEW',0x101:'IPCTNL_MSG_CT_GET',0x102:'IPCTNL_MSG_CT_DELETE',0x103:'IPCTNL_MSG_CT_GET_CTRZERO',
            0x104:'IPCTNL_MSG_CT_GET_STATS_CPU',0x105:'IPCTNL_MSG_CT_GET_STATS'}
CTA = {1:'CTA_TUPLE_ORIG',2:'CTA_TUPLE_REPLY',3:'CTA_STATUS',4:'CTA_PROTOINFO',5:'CTA_HELP',6:'CTA_NAT_SRC',7:'CTA_TIMEOUT',
       8:'CTA_MARK',9:'CTA_COUNTERS_ORIG',10:'CTA_COUNTERS_REPLY',11:'CTA_USE',12:'CTA_ID',13:'CTA_NAT_DST',14:'CTA_TUPLE_MASTER',
       15:'CTA_SEQ_ADJ_ORIG',16:'CTA_SEQ_ADJ_REPLY',17:'CTA_SECMARK',18:'CTA_ZONE',19:'CTA_SECCTX',20:'CTA_TIMESTAMP',
       21:'CTA_MARK_MASK',22:'CTA_LABELS',23:'CTA_LABELS_MASK',24:'CTA_SYNPROXY',25:'CTA_FILTER',26:'CTA_STATUS_MASK'}
CT_NESTS = {  # (context, type) -> (context of the nest, its names)
    ('ct', 1): ('tuple', {1:'CTA_TUPLE_IP',2:'CTA_TUPLE_PROTO',3:'CTA_TUPLE_ZONE'}),
    ('ct', 2): ('tuple', {1:'CTA_TUPLE_IP',2:'CTA_TUPLE_PROTO',3:'CTA_TUPLE_ZONE'}),
    ('tuple', 1): ('ctip', {1:'CTA_IP_V4_SRC',2:'CTA_IP_V4_DST',3:'CTA_IP_V6_SRC',4:'CTA_IP_V6_DST'}),
    ('tuple', 2): ('ctproto', {1:'CTA_PROTO_NUM',2:'CTA_PROTO_SRC_PORT',3:'CTA_PROTO_DST_PORT',4:'CTA_PROTO_ICMP_ID',
                               5:'CTA_PROTO_ICMP_TYPE',6:'CTA_PROTO_ICMP_CODE',7:'CTA_PROTO_ICMPV6_ID',8:'CTA_PROTO_ICMPV6_TYPE',
                               9:'CTA_PROTO_ICMPV6_CODE'}),
    ('ct', 4): ('protoinfo', {1:'CTA_PROTOINFO_TCP',2:'CTA_PROTOINFO_DCCP',3:'CTA_PROTOINFO_SCTP'}),
    ('protoinfo', 1): ('tcpinfo', {1:'CTA_PROTOINFO_TCP_STATE',2:'CTA_PROTOINFO_TCP_WSCALE_ORIGINAL',3:'CTA_PROTOINFO_TCP_WSCALE_REPLY',
                                   4:'CTA_PROTOINFO_TCP_FLAGS_ORIGINAL',5:'CTA_PROTOINFO_TCP_FLAGS_REPLY'}),
    ('ct', 9): ('counters', {1:'CTA_COUNTERS_PACKETS',2:'CTA_COUNTERS_BYTES',5:'CTA_COUNTERS_PAD'}),
    ('ct', 10): ('counters', {1:'CTA_COUNTERS_PACKETS',2:'CTA_COUNTERS_BYTES',5:'CTA_COUNTERS_PAD'}),
    ('ct', 20): ('tstamp', {1:'CTA_TIMESTAMP_START',2:'CTA_TIMESTAMP_STOP',3:'CTA_TIMESTAMP_PAD'}),
}

def ct_attrs(buf, ctx, indent, lines):
    """CTA_* attributes, descending into the nests conntrack uses (numbers inside are big-endian)."""
    table = CTA if ctx == 'ct' else None
    off = 0
    while off + 4 <= len(buf):
        ln, typ = struct.unpack_from('<HH', buf, off)
        t = typ & 0x3fff
        sub = CT_NESTS.get((ctx, t))
        names = table if table else CT_NESTS_NAMES.get(ctx, {})
        name = names.get(t, 'type %d' % t)
        if typ & 0x8000: name += ' (NLA_F_NESTED)'
        payload = buf[off + 4:off + ln]
        lines.append(out(buf[off:off + 4], '%s len=%d' % (name, ln), indent))
        if sub:
            ct_attrs(payload, sub[0], indent + 1, lines)
        else:
            for i in range(0, len(payload), 16):
                chunk = payload[i:i + 16]
                lines.append(out(chunk, 'payload (big-endian)' if len(chunk) in (2, 4, 8) else 'payload', indent + 1))
        pad = (ln + 3 & ~3) - ln
        if pad and off + ln + pad <= len(buf):
            lines.append(out(buf[off + ln:off + ln + pad], 'padding', indent + 1))
        off += max(4, ln + 3 & ~3)

CT_NESTS_NAMES = {c: n for (_, _), (c, n) in CT_NESTS.items()}
CT_NESTS_NAMES['stats'] = {1:'CTA_STATS_SEARCHED',2:'CTA_STATS_FOUND',3:'CTA_STATS_NEW',4:'CTA_STATS_INVALID',5:'CTA_STATS_IGNORE',
                           6:'CTA_STATS_DELETE',7:'CTA_STATS_DELETE_LIST',8:'CTA_STATS_INSERT',9:'CTA_STATS_INSERT_FAILED',
                           10:'CTA_STATS_DROP',11:'CTA_STATS_EARLY_DROP',12:'CTA_STATS_ERROR',13:'CTA_STATS_SEARCH_RESTART',
                           14:'CTA_STATS_CLASH_RESOLVE',15:'CTA_STATS_CHAIN_TOOLONG'}
CT_NESTS_NAMES['global'] = {1:'CTA_STATS_GLOBAL_ENTRIES',2:'CTA_STATS_GLOBAL_MAX_ENTRIES'}

def annotate_ct(msg):
    lines = []
    ln, typ, flags, seq, pid = struct.unpack_from('<IHHII', msg, 0)
    lines.append(out(msg[0:4], 'nlmsg_len=%d' % ln, 0))
    lines.append(out(msg[4:6], 'nlmsg_type=%s (NFNL_SUBSYS_CTNETLINK << 8 | msg)' % CT_TYPES.get(typ, hex(typ)), 0))
    lines.append(out(msg[6:8], 'nlmsg_flags=0x%x' % flags, 0))
    lines.append(out(msg[8:12], 'nlmsg_seq (normalised to 0)', 0))
    lines.append(out(msg[12:16], 'nlmsg_pid (normalised to 0)', 0))
    lines.append(out(msg[16:20], 'nfgenmsg: nfgen_family=%d version=%d res_id=%d (big-endian)' % (msg[16], msg[17],
                                                                                           struct.unpack_from('>H', msg, 18)[0]), 0))
    ct_attrs(msg[20:ln], {0x104: 'stats', 0x105: 'global'}.get(typ, 'ct'), 0, lines)
    return lines

def annotate_genl(msg, reply=False, family='ethtool'):
    lines = []
    ln, typ, flags, seq, pid = struct.unpack_from('<IHHII', msg, 0)
    cmd = msg[16]
    lines.append(out(msg[0:4], 'nlmsg_len=%d' % ln, 0))
    lines.append(out(msg[4:6], 'nlmsg_type=0x%x (the %s family id nlctrl gave on this kernel)' % (typ, family), 0))
    lines.append(out(msg[6:8], 'nlmsg_flags=0x%x' % flags, 0))
    lines.append(out(msg[8:12], 'nlmsg_seq (normalised to 0)', 0))
    lines.append(out(msg[12:16], 'nlmsg_pid (normalised to 0)', 0))
    req_cmds, req_top, rep_cmds, rep_top, nests, sets = GENL[family]
    cmds, top = (rep_cmds, rep_top) if reply else (req_cmds, req_top)
    lines.append(out(msg[16:20], 'genlmsghdr: cmd=%s version=%d reserved' % (cmds.get(cmd, cmd), msg[17]), 0))
    genl_attrs(msg[20:ln], top.get(cmd, {}), 0, lines, nests, sets)
    return lines

def out(line_bytes, comment, indent):
    return ' '.join('%02x' % b for b in line_bytes).ljust(48) + '# ' + '  ' * indent + comment

def attrs(buf, table, ctx, indent, lines, kind=None):
    off = 0
    while off + 4 <= len(buf):
        ln, typ = struct.unpack_from('<HH', buf, off)
        t = typ & 0x3fff
        name = table.get(t, 'type %d' % t) if table else 'type %d' % t
        if typ & 0x8000: name += ' (NLA_F_NESTED)'
        payload = buf[off + 4:off + ln]
        if ctx == 'acttab': name = 'action order %d%s' % (t, ' (NLA_F_NESTED)' if typ & 0x8000 else '')
        lines.append(out(buf[off:off + 4], '%s len=%d' % (name, ln), indent))
        sub = None
        if ctx == 'link' and t == 18: sub = ('info', INFO)
        elif ctx == 'info' and t == 2: sub = ('vethdata' if kind == 'veth' else 'data', KIND_DATA.get(kind))
        elif ctx == 'vethdata' and t == 1: sub = ('peer', None)
        elif ctx == 'route' and t == 8: sub = ('metrics', None)
        if ctx == 'tc' and t == 7: sub = ('stats', TCA_STATS)
        if (ctx == 'tcopt' and name.split(' ')[0].endswith('_ACT')) or (ctx == 'actroot' and t == 1): sub = ('acttab', None)
        if ctx == 'acttab': name = 'action order %d%s' % (t, ' (NLA_F_NESTED)' if typ & 0x8000 else ''); sub = ('act', TCA_ACT)
        if ctx == 'act' and t == 1: kind = payload.rstrip(b'\0').decode()
        if ctx == 'act' and t == 2: sub = ('actopt', ACT_OPTIONS.get(kind))
        if ctx == 'act' and t == 4: sub = ('stats', TCA_STATS)
        if ctx in ('info', 'tc') and t == 1: kind = payload.rstrip(b'\0').decode()
        if ctx == 'tc' and t == 2 and kind in TC_STRUCT:
            name, size, after = TC_STRUCT[kind]
            for i in range(0, min(size, len(payload)), 16):
                lines.append(out(payload[i:min(i + 16, size)], ('%s' % name) if i == 0 else '(%s)' % name.split(' ')[1], indent + 1))
            if len(payload) > size:
                attrs(payload[size:], after, 'tcopt', indent + 1, lines, kind)
        elif ctx == 'tc' and t == 2 and kind in TC_NESTED:
            attrs(payload, TC_NESTED[kind], 'tcopt', indent + 1, lines, kind)
        elif sub and sub[0] == 'peer':
            lines.append(out(payload[:16], 'struct ifinfomsg (peer): family, pad, type, index, flags, change', indent + 1))
            attrs(payload[16:], IFLA, 'link', indent + 1, lines)
        elif sub:
            attrs(payload, sub[1], sub[0], indent + 1, lines, kind)
        else:
            for i in range(0, len(payload), 16):
                chunk = payload[i:i + 16]
                txt = ''.join(chr(c) if 32 <= c < 127 else '.' for c in chunk)
                lines.append(out(chunk, 'payload "%s"' % txt, indent + 1))
        pad = (ln + 3 & ~3) - ln
        if pad and off + ln + pad <= len(buf):
            lines.append(out(buf[off + ln:off + ln + pad], 'padding', indent + 1))
        off += max(4, ln + 3 & ~3)

def annotate(msg):
    lines = []
    ln, typ, flags, seq, pid = struct.unpack_from('<IHHII', msg, 0)
    lines.append(out(msg[0:4], 'nlmsg_len=%d' % ln, 0))
    lines.append(out(msg[4:6], 'nlmsg_type=%s' % TYPES.get(typ, typ), 0))
    lines.append(out(msg[6:8], 'nlmsg_flags=0x%x' % flags, 0))
    lines.append(out(msg[8:12], 'nlmsg_seq (normalised to 0)', 0))
    lines.append(out(msg[12:16], 'nlmsg_pid (normalised to 0)', 0))
    body = msg[16:ln]
    if typ in (16, 17, 18, 19):
        lines.append(out(body[0:4], 'ifinfomsg: ifi_family, pad, ifi_type', 0))
        lines.append(out(body[4:8], 'ifi_index=%d' % struct.unpack_from('<i', body, 4)[0], 0))
        lines.append(out(body[8:12], 'ifi_flags=0x%x' % struct.unpack_from('<I', body, 8)[0], 0))
        lines.append(out(body[12:16], 'ifi_change=0x%x' % struct.unpack_from('<I', body, 12)[0], 0))
        attrs(body[16:], IFLA, 'link', 0, lines)
    elif typ in (20, 21, 22):
        lines.append(out(body[0:4], 'ifaddrmsg: family=%d prefixlen=%d flags=%d scope=%d' % tuple(body[0:4]), 0))
        lines.append(out(body[4:8], 'ifa_index=%d' % struct.unpack_from('<i', body, 4)[0], 0))
        attrs(body[8:], IFA, 'addr', 0, lines)
    elif typ in (24, 25, 26):
        lines.append(out(body[0:4], 'rtmsg: family=%d dst_len=%d src_len=%d tos=%d' % tuple(body[0:4]), 0))
        lines.append(out(body[4:8], 'rtm_table=%d protocol=%d scope=%d type=%d' % tuple(body[4:8]), 0))
        lines.append(out(body[8:12], 'rtm_flags=0x%x' % struct.unpack_from('<I', body, 8)[0], 0))
        attrs(body[12:], RTA, 'route', 0, lines)
    elif typ in (28, 29, 30):
        lines.append(out(body[0:4], 'ndmsg: family=%d pad pad pad' % body[0], 0))
        lines.append(out(body[4:8], 'ndm_ifindex=%d' % struct.unpack_from('<i', body, 4)[0], 0))
        lines.append(out(body[8:12], 'ndm_state=0x%x ndm_flags=0x%x ndm_type=%d' % (struct.unpack_from('<H', body, 8)[0], body[10], body[11]), 0))
        attrs(body[12:], NDA, 'neigh', 0, lines)
    elif 44 <= typ <= 46:
        lines.append(out(body[0:4], 'tcmsg: tcm_family=%d, pad, pad' % body[0], 0))
        lines.append(out(body[4:8], 'tcm_ifindex=%d' % struct.unpack_from('<i', body, 4)[0], 0))
        lines.append(out(body[8:12], 'tcm_handle=0x%08x' % struct.unpack_from('<I', body, 8)[0], 0))
        lines.append(out(body[12:16], 'tcm_parent=0x%08x' % struct.unpack_from('<I', body, 12)[0], 0))
        info = struct.unpack_from('<I', body, 16)[0]
        lines.append(out(body[16:20], 'tcm_info: prio=%d protocol=0x%04x (network order)' % (info >> 16, struct.unpack('>H', body[16:18])[0]), 0))
        attrs(body[20:], TCA, 'tc', 0, lines)
    elif 48 <= typ <= 50:
        lines.append(out(body[0:4], 'tcamsg: tca_family=%d, pad, pad' % body[0], 0))
        attrs(body[4:], TCA_ROOT, 'actroot', 0, lines)
    elif 36 <= typ <= 42:
        lines.append(out(body[0:4], 'tcmsg: tcm_family=%d, pad, pad' % body[0], 0))
        lines.append(out(body[4:8], 'tcm_ifindex=%d' % struct.unpack_from('<i', body, 4)[0], 0))
        lines.append(out(body[8:12], 'tcm_handle=0x%08x' % struct.unpack_from('<I', body, 8)[0], 0))
        lines.append(out(body[12:16], 'tcm_parent=0x%08x' % struct.unpack_from('<I', body, 12)[0], 0))
        lines.append(out(body[16:20], 'tcm_info=%d' % struct.unpack_from('<I', body, 16)[0], 0))
        attrs(body[20:], TCA, 'tc', 0, lines)
    elif typ == 2:
        lines.append(out(body[0:4], 'nlmsgerr.error=%d' % struct.unpack_from('<i', body, 0)[0], 0))
        if struct.unpack_from('<H', msg, 6)[0] & 0x100:
            lines.append(out(body[4:20], 'nlmsgerr.msg: the request header (NLM_F_CAPPED)', 0))
            attrs(body[20:], ERR, 'err', 0, lines)
        else:
            inner = struct.unpack_from('<I', body, 4)[0]
            for i in range(4, 4 + inner, 16):
                lines.append(out(body[i:min(i + 16, 4 + inner)], 'nlmsgerr.msg: the whole request echoed back', 0))
            attrs(body[4 + inner:], ERR, 'err', 0, lines)
    elif typ == 3:
        lines.append(out(body[0:4], 'NLMSG_DONE error/count=%d' % struct.unpack_from('<i', body, 0)[0], 0))
    else:
        for i in range(0, len(body), 16):
            lines.append(out(body[i:i + 16], 'body', 0))
    return lines

# sock_diag (linux/sock_diag.h, inet_diag.h, unix_diag.h): SOCK_DIAG_BY_FAMILY requests as ss(8) sends them.
BC_OPS = {0:'INET_DIAG_BC_NOP',1:'INET_DIAG_BC_JMP',2:'INET_DIAG_BC_S_GE',3:'INET_DIAG_BC_S_LE',4:'INET_DIAG_BC_D_GE',
          5:'INET_DIAG_BC_D_LE',6:'INET_DIAG_BC_AUTO',7:'INET_DIAG_BC_S_COND',8:'INET_DIAG_BC_D_COND',11:'INET_DIAG_BC_S_EQ',
          12:'INET_DIAG_BC_D_EQ'}

def annotate_diag(msg):
    lines = []
    ln = struct.unpack_from('<I', msg, 0)[0]
    lines.append(out(msg[0:4], 'nlmsg_len=%d' % ln, 0))
    lines.append(out(msg[4:6], 'nlmsg_type=SOCK_DIAG_BY_FAMILY', 0))
    lines.append(out(msg[6:8], 'nlmsg_flags=0x%x' % struct.unpack_from('<H', msg, 6)[0], 0))
    lines.append(out(msg[8:12], 'nlmsg_seq (normalised to 0)', 0))
    lines.append(out(msg[12:16], 'nlmsg_pid (normalised to 0)', 0))
    b = msg[16:ln]
    if b[0] == 1:  # struct unix_diag_req
        lines.append(out(b[0:4], 'unix_diag_req: sdiag_family=AF_UNIX sdiag_protocol=%d pad' % b[1], 0))
        lines.append(out(b[4:8], 'udiag_states=0x%x' % struct.unpack_from('<I', b, 4)[0], 0))
        lines.append(out(b[8:12], 'udiag_ino=%d' % struct.unpack_from('<I', b, 8)[0], 0))
        lines.append(out(b[12:16], 'udiag_show=0x%x' % struct.unpack_from('<I', b, 12)[0], 0))
        lines.append(out(b[16:24], 'udiag_cookie', 0))
        return lines
    lines.append(out(b[0:4], 'inet_diag_req_v2: sdiag_family=%d sdiag_protocol=%d idiag_ext=0x%x pad' % tuple(b[0:3]), 0))
    lines.append(out(b[4:8], 'idiag_states=0x%x' % struct.unpack_from('<I', b, 4)[0], 0))
    lines.append(out(b[8:12], 'id.idiag_sport, id.idiag_dport (network order)', 0))
    lines.append(out(b[12:28], 'id.idiag_src', 0))
    lines.append(out(b[28:44], 'id.idiag_dst', 0))
    lines.append(out(b[44:48], 'id.idiag_if', 0))
    lines.append(out(b[48:56], 'id.idiag_cookie', 0))
    off = 56
    while off + 4 <= len(b):
        aln, typ = struct.unpack_from('<HH', b, off)
        lines.append(out(b[off:off + 4], '%s len=%d' % ('INET_DIAG_REQ_BYTECODE' if typ == 1 else 'type %d' % typ, aln), 0))
        p = off + 4
        while typ == 1 and p + 4 <= off + aln:
            code, yes, no = struct.unpack_from('<BBH', b, p)
            lines.append(out(b[p:p + 4], '%s yes=%d no=%d' % (BC_OPS.get(code, 'op %d' % code), yes, no), 1))
            if code in (7, 8):
                lines.append(out(b[p + 4:p + 12], 'inet_diag_hostcond: family=%d prefix_len=%d pad, port=%d' % (
                    b[p + 4], b[p + 5], struct.unpack_from('<i', b, p + 8)[0]), 2))
                if yes > 12:
                    lines.append(out(b[p + 12:p + yes], 'addr (no address: prefix_len 0; ss leaves it uninitialised, normalised to 0)', 2))
            elif code in (2, 3, 4, 5, 11, 12):
                lines.append(out(b[p + 4:p + 8], 'port=%d (in the next op\'s "no")' % struct.unpack_from('<H', b, p + 6)[0], 2))
            p += max(4, yes if code in (7, 8) else (8 if code in (2, 3, 4, 5, 11, 12) else 4))
        off += max(4, aln + 3 & ~3)
    return lines

def annotate_diag_reply(msg):
    lines = []
    ln = struct.unpack_from('<I', msg, 0)[0]
    lines.append(out(msg[0:4], 'nlmsg_len=%d' % ln, 0))
    lines.append(out(msg[4:6], 'nlmsg_type=SOCK_DIAG_BY_FAMILY', 0))
    lines.append(out(msg[6:8], 'nlmsg_flags=0x%x' % struct.unpack_from('<H', msg, 6)[0], 0))
    lines.append(out(msg[8:12], 'nlmsg_seq (normalised to 0)', 0))
    lines.append(out(msg[12:16], 'nlmsg_pid (normalised to 0)', 0))
    b = msg[16:ln]
    if b[0] == 1:  # struct unix_diag_msg
        lines.append(out(b[0:4], 'unix_diag_msg: udiag_family=AF_UNIX udiag_type=%d udiag_state=%d pad' % (b[1], b[2]), 0))
        lines.append(out(b[4:8], 'udiag_ino=%d' % struct.unpack_from('<I', b, 4)[0], 0))
        lines.append(out(b[8:16], 'udiag_cookie', 0))
        off, names = 16, {0:'UNIX_DIAG_NAME',1:'UNIX_DIAG_VFS',2:'UNIX_DIAG_PEER',3:'UNIX_DIAG_ICONS',4:'UNIX_DIAG_RQLEN',
                          5:'UNIX_DIAG_MEMINFO',6:'UNIX_DIAG_SHUTDOWN',7:'UNIX_DIAG_UID'}
    else:
        lines.append(out(b[0:4], 'inet_diag_msg: idiag_family=%d idiag_state=%d idiag_timer=%d idiag_retrans=%d' % tuple(b[0:4]), 0))
        lines.append(out(b[4:8], 'id.idiag_sport=%d id.idiag_dport=%d (network order)' % struct.unpack_from('>HH', b, 4), 0))
        lines.append(out(b[8:24], 'id.idiag_src', 0))
        lines.append(out(b[24:40], 'id.idiag_dst', 0))
        lines.append(out(b[40:44], 'id.idiag_if', 0))
        lines.append(out(b[44:52], 'id.idiag_cookie', 0))
        lines.append(out(b[52:56], 'idiag_expires=%d' % struct.unpack_from('<I', b, 52)[0], 0))
        lines.append(out(b[56:60], 'idiag_rqueue=%d' % struct.unpack_from('<I', b, 56)[0], 0))
        lines.append(out(b[60:64], 'idiag_wqueue=%d' % struct.unpack_from('<I', b, 60)[0], 0))
        lines.append(out(b[64:68], 'idiag_uid=%d' % struct.unpack_from('<I', b, 64)[0], 0))
        lines.append(out(b[68:72], 'idiag_inode=%d' % struct.unpack_from('<I', b, 68)[0], 0))
        off, names = 72, {1:'INET_DIAG_MEMINFO',2:'INET_DIAG_INFO',5:'INET_DIAG_TOS',6:'INET_DIAG_TCLASS',7:'INET_DIAG_SKMEMINFO',
                          8:'INET_DIAG_SHUTDOWN',11:'INET_DIAG_PROTOCOL',12:'INET_DIAG_SKV6ONLY',15:'INET_DIAG_MARK',
                          17:'INET_DIAG_CLASS_ID',18:'INET_DIAG_MD5SIG',19:'INET_DIAG_ULP_INFO',21:'INET_DIAG_SOCKOPT',
                          22:'INET_DIAG_BPF_STORAGES',23:'INET_DIAG_CGROUP_ID'}
    attrs(b[off:], names, 'diag', 0, lines)
    return lines

def normalise_diag(m):
    """Zeroes the address ss leaves uninitialised after a port-only S_COND/D_COND (prefix_len 0)."""
    ln = struct.unpack_from('<I', m, 0)[0]
    off = 16 + 56
    while off + 4 <= ln:
        aln, typ = struct.unpack_from('<HH', m, off)
        p = off + 4
        while typ == 1 and p + 4 <= off + aln:
            code, yes, no = struct.unpack_from('<BBH', m, p)
            if code in (7, 8) and m[p + 5] == 0 and yes > 12:
                m[p + 12:p + yes] = b'\0' * (yes - 12)
            p += max(4, yes if code in (7, 8) else 4)
        off += max(4, aln + 3 & ~3)

def hexdump(text, fd, direction):
    """Yield the byte buffers strace dumped for syscalls on fd."""
    blocks, cur = [], None
    for line in text.splitlines():
        line = re.sub(r'^\[pid\s+\d+\]\s*', '', line)
        m = re.match(r'\s*\* (\d+) bytes in buffer(?: (\d+))?', line)
        if m or line.startswith('sendto('):  # sendto's one buffer is dumped with no such line
            # An iovec after the first (tc's dump requests send the header and the tcmsg apart) continues its message.
            if not m or m.group(2) is None or int(m.group(2)) == 0 or not blocks:
                blocks.append(bytearray())
            cur = blocks[-1]; continue
        m = re.match(r'\s*\| [0-9a-f]{5}  ((?:[0-9a-f]{2} ?\s?)+)', line)
        if m and cur is not None:
            cur.extend(bytes.fromhex(m.group(1).replace(' ', '')[:32]))
            continue
        if not line.startswith(' '):
            cur = None
    return blocks

def split(buf):
    off = 0
    while off + 16 <= len(buf):
        ln = struct.unpack_from('<I', buf, off)[0]
        if ln < 16: break
        yield bytes(buf[off:off + ln])
        off += ln + 3 & ~3

def main():
    a = sys.argv[1:]
    outpath = a.pop(0); mode = a.pop(0); want = int(a.pop(0), 0)
    genl = mode in ('--send-genl', '--recv-genl')
    if genl: mode = mode[:-5]
    diag = mode in ('--send-diag', '--recv-diag')
    if diag: mode = '--send' if mode == '--send-diag' else '--recv-all'
    setups, cmd = [], None
    while a:
        x = a.pop(0)
        if x == '--setup': setups.append(a.pop(0))
        elif x == '--': cmd = a; break
    ns = 'golden-' + uuid.uuid4().hex[:8]
    subprocess.run(['ip', 'netns', 'add', ns], check=True)
    background, later = [], []
    try:
        for s in setups:
            words = s.replace('{NS}', ns).split()
            if words[0] == 'later':  # runs while the command does (a change for "ethtool --monitor" to see)
                later.append(words[1:])
                continue
            if words[0] == 'background':
                background.append(subprocess.Popen(['ip', 'netns', 'exec', ns] + words[1:]))
                import time; time.sleep(0.5)
                continue
            if words[0] in ('conntrack', 'sysctl'):  # conntrack(8) and sysctl(8) have no -n
                subprocess.run(['ip', 'netns', 'exec', ns] + words, check=True, capture_output=True)
                continue
            tool = words.pop(0) if words[0] in ('bridge', 'tc') else 'ip'
            subprocess.run([tool, '-n', ns] + words, check=True)
        flag = '-e write=3,4,5,6' if mode == '--send' else '-e read=3,4,5,6'
        trace = 'sendmsg' if mode == '--send' else 'recvmsg'
        if genl and mode == '--send':  # ip's generic netlink dumps go out with send(), strace's sendto
            trace = 'sendmsg,sendto'
        if not genl and not diag and mode == '--send' and want in (18, 22, 26):  # ip's rtnetlink dump requests too
            trace = 'sendmsg,sendto'
        cmd = [c.replace('{NS}', ns) for c in cmd]
        # the generic netlink family the command speaks, for the fixture's names
        genl_family = {'mptcp': 'mptcp_pm', 'tcp_metrics': 'tcp_metrics', 'tcpmetrics': 'tcp_metrics'}.get(cmd[0] if cmd else '', 'ethtool')
        tool = 'ip'
        if cmd and cmd[0] in ('bridge', 'tc'):  # iproute2's bridge and tc tools, for requests ip has no verb for
            tool, cmd = cmd[0], cmd[1:]
        if cmd and cmd[0] == 'ethtool':  # ethtool(8) has no -n: it runs inside the namespace, and sends with sendto
            tool, cmd, trace = 'ethtool', cmd[1:], 'sendto' if mode == '--send' else 'recvmsg'
            run = ['ip', 'netns', 'exec', ns, 'ethtool'] + cmd
            if '--monitor' in cmd:  # it never ends by itself: bounded to the "later" changes and a second after
                run = ['ip', 'netns', 'exec', ns, 'timeout', str(2 + len(later)), 'ethtool'] + cmd
        elif cmd and cmd[0] == 'conntrack':  # conntrack(8) has no -n either, and sends with sendto
            tool, cmd, trace = 'conntrack', cmd[1:], 'sendto' if mode == '--send' else 'recvmsg'
            run = ['ip', 'netns', 'exec', ns, 'conntrack'] + cmd
        elif cmd and cmd[0] == 'ss':  # ss(8) has no -n either; it sends inet requests with sendmsg, unix ones with sendto
            tool, cmd, trace = 'ss', cmd[1:], 'sendmsg,sendto' if mode == '--send' else 'recvmsg'
            run = ['ip', 'netns', 'exec', ns, 'ss'] + cmd
        else:
            run = [tool, '-n', ns] + cmd
        def run_later():
            import time
            for w in later:
                time.sleep(1)
                subprocess.run(['ip', 'netns', 'exec', ns] + w, check=True, capture_output=True)
        import threading
        changer = threading.Thread(target=run_later)
        changer.start()
        r = subprocess.run(['strace', '-f', '-e', 'trace=' + trace] + flag.split() + run, capture_output=True, text=True)
        changer.join()
        msgs = [m for b in hexdump(r.stderr, None, mode) for m in split(b)]
        if diag:  # SOCK_DIAG_BY_FAMILY (20) of the family asked for
            msgs = [m for m in msgs if struct.unpack_from('<H', m, 4)[0] == 20 and len(m) > 16 and m[16] == want]
            if mode == '--recv-all' and not msgs: sys.exit('no reply of family %d captured' % want)
        elif genl:  # not nlctrl's (GENL_ID_CTRL 0x10), and of the command asked for
            msgs = [m for m in msgs if struct.unpack_from('<H', m, 4)[0] > 0x10 and len(m) >= 20 and m[16] == want]
        else:
            msgs = [m for m in msgs if struct.unpack_from('<H', m, 4)[0] == want]
        cmd = [c.replace(ns, 'NS') for c in cmd]
        if not msgs: sys.exit('no message of type %d captured:\n%s' % (want, r.stderr[-3000:]))
        if mode == '--recv-all':
            kept = [bytearray(m) for m in msgs]
        else:
            kept = [bytearray(msgs[-1])]
        for m in kept:
            struct.pack_into('<II', m, 8, 0, 0)
            if diag and mode == '--send': normalise_diag(m)
            if struct.unpack_from('<H', m, 4)[0] == 2 and len(m) >= 36:
                struct.pack_into('<II', m, 28, 0, 0)  # the echoed request's seq and port
        msg = b''.join(bytes(m) + b'\0' * ((len(m) + 3 & ~3) - len(m)) for m in kept)
        ver = subprocess.run([tool if tool in ('ethtool', 'conntrack', 'tc', 'bridge', 'ss') else 'ip', '--version' if tool in ('ethtool', 'conntrack') else '-V'],
                             capture_output=True, text=True)
        ver = (ver.stdout or ver.stderr).strip()
        with open(outpath, 'w') as f:
            f.write('# %s %s\n' % (tool, ' '.join(cmd)))
            if genl: f.write('# the last generic netlink %s with genlmsghdr.cmd %d (nlctrl\'s own messages left out)\n' % (
                'request' if mode == '--send' else 'reply', want))
            for s in setups:
                s = s.replace('{NS}', 'NS')
                f.write('#   %s: %s\n' % ('while it runs' if s.split()[0] == 'later' else 'after setup',
                                            s if s.split()[0] in ('bridge', 'tc', 'conntrack', 'sysctl', 'background', 'later') else 'ip ' + s))
            if diag: f.write('# %s with sdiag_family %d\n' % ('the last SOCK_DIAG_BY_FAMILY request' if mode == '--send' else 'every SOCK_DIAG_BY_FAMILY reply', want))
            f.write('# the bytes %s %s on its netlink socket, captured with\n' % (tool if tool in ('ethtool', 'conntrack', 'ss') else 'iproute2',
                'sent' if mode == '--send' else 'received'))
            f.write('# the namespace name in the command is written NS here\n' if 'NS' in cmd else '')
            if tool in ('ethtool', 'conntrack', 'ss'):
                f.write('#   strace -f -e trace=%s %s ip netns exec NS %s %s\n' % (trace, flag, tool, ' '.join(cmd)))
            else:
                f.write('#   strace -f -e trace=%s %s %s -n NS %s\n' % (trace, flag, tool, ' '.join(cmd)))
            f.write('# in a throwaway namespace; %s; kernel %s; %s\n' % (ver, os.uname().release, datetime.date.today()))
            f.write('# %d bytes\n' % len(msg))
            for m in kept:
                if len(kept) > 1: f.write('# --- message ---\n')
                ann = ((annotate_diag(bytes(m)) if mode == '--send' else annotate_diag_reply(bytes(m))) if diag
                       else annotate_genl(bytes(m), mode != '--send', genl_family) if genl
                       else annotate_ct(bytes(m)) if tool == 'conntrack' else annotate(bytes(m)))
                for l in ann: f.write(l + '\n')
        print(outpath, len(msg), 'bytes')
    finally:
        for b in background:
            b.kill(); b.wait()
        subprocess.run(['ip', 'netns', 'del', ns])

if __name__ == '__main__':
    main()
