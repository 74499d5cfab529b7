package io.github.netlink4j.examples.cni;

import java.util.Map;

/**
 * What the runtime says of one call in CNI_* variables (the reference's skel.CmdArgs), read and checked
 * once per command: each command requires what it uses, a missing one is the spec's code 4.
 *
 * @param env         the whole environment, which the IPAM plugin is run with
 * @param containerId CNI_CONTAINERID
 * @param netns       CNI_NETNS: the container's network namespace; empty when DEL is told none
 * @param ifname      CNI_IFNAME: the container's interface, a name the kernel takes
 */
record RuntimeArgs(Map<String, String> env, String containerId, String netns, String ifname) {
    /** ADD: all of them, and the IPAM plugin's time ({@link Ipam#timeout}), before anything runs. */
    static RuntimeArgs forAdd(Map<String, String> env) throws CniError {
        RuntimeArgs a = new RuntimeArgs(env, need(env, "CNI_CONTAINERID"), need(env, "CNI_NETNS"), ifname(env));
        Ipam.timeout(env);
        return a;
    }

    /** CHECK: the interface and the namespace it is in. */
    static RuntimeArgs forCheck(Map<String, String> env) throws CniError {
        return new RuntimeArgs(env, env.getOrDefault("CNI_CONTAINERID", ""), need(env, "CNI_NETNS"), need(env, "CNI_IFNAME"));
    }

    /** DEL: the interface; the namespace may be gone or never given (then there is nothing to remove in it). */
    static RuntimeArgs forDel(Map<String, String> env) throws CniError {
        return new RuntimeArgs(env, env.getOrDefault("CNI_CONTAINERID", ""), env.getOrDefault("CNI_NETNS", ""), need(env, "CNI_IFNAME"));
    }

    private static String ifname(Map<String, String> env) throws CniError {
        String ifname = need(env, "CNI_IFNAME");
        NetConf.checkIfName("CNI_IFNAME", ifname, 4, "invalid environment variable");
        return ifname;
    }

    static String need(Map<String, String> env, String var) throws CniError {
        String v = env.get(var);
        if (v == null || v.isEmpty()) throw new CniError(4, "missing environment variable", var + " is required for " + env.get("CNI_COMMAND"));
        return v;
    }
}
