package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.link.Link;
import io.github.netlink4j.tc.action.Action;
import io.github.netlink4j.tc.action.ActionSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/** {@code tc actions}: tc 6.1's m_action.c (do_action) on the library's {@code Actions}. */
final class ActionCommand {
    static final String USAGE = """
            usage: tc actions <ACTSPECOP>*
            Where: \tACTSPECOP := ACR | GD | FL
            \tACR := add | change | replace <ACTSPEC>*
            \tGD := get | delete | <ACTISPEC>*
            \tFL := ls | list | flush | <ACTNAMESPEC>
            \tACTNAMESPEC :=  action <ACTNAME>
            \tACTISPEC := <ACTNAMESPEC> <INDEXSPEC>
            \tACTSPEC := action <ACTDETAIL> [INDEXSPEC] [HWSTATSSPEC] [SKIPSPEC]
            \tINDEXSPEC := index <32 bit indexvalue>
            \tHWSTATSSPEC := hw_stats [ immediate | delayed | disabled ]
            \tSKIPSPEC := [ skip_sw | skip_hw ]
            \tACTDETAIL := <ACTNAME> <ACTPARAMS>
            \t\tExample ACTNAME is gact, mirred, bpf, etc
            \t\tEach action has its own parameters (ACTPARAMS)

            """;

    private final JtcOptions jtc;
    private final NetlinkClient nl;

    ActionCommand(JtcOptions jtc, NetlinkClient nl) {
        this.jtc = jtc;
        this.nl = nl;
    }

    /** do_action: commands one after another on the line, as tc takes them; the first failure ends it. */
    int run(List<String> args) throws NetlinkException {
        Args a = new Args(args);
        while (a.more()) {
            String verb = a.take();
            int rc;
            if (Args.matches(verb, "add") || Args.matches(verb, "change") || Args.matches(verb, "replace")) {
                rc = modify(a, Args.matches(verb, "add"));
            } else if (Args.matches(verb, "delete") || Args.matches(verb, "get")) {
                rc = getOrDelete(a, Args.matches(verb, "get"));
            } else if (Args.matches(verb, "list") || Args.matches(verb, "show") || Args.matches(verb, "lst") || Args.matches(verb, "flush")) {
                if (a.rest().size() < 2) throw new TcFail(USAGE, 255, true);
                a.take();
                return listOrFlush(a, Args.matches(verb, "flush"));
            } else if (Args.matches(verb, "help")) {
                throw new TcFail(USAGE, 255, true);
            } else {
                jtc.err().print("Command \"" + verb + "\" is unknown, try \"tc actions help\".\n");
                return 255;
            }
            if (rc != 0) return rc;
        }
        return 0;
    }

    /** tc_action_modify: one action list; the kernel's refusal ends tc with -1. */
    private int modify(Args a, boolean add) throws NetlinkException {
        List<String> words = List.copyOf(a.rest());
        List<ActionSpec> specs;
        try {
            specs = ActionArgs.parse(a);
        } catch (TcFail f) {
            if (f.fatal) throw f;
            throw new TcFail(f.text + "Illegal \"action\"\n", 255);
        }
        if (specs.size() != 1) throw TcFail.unsupported("more than one action in one request");
        try {
            if (add) nl.actions().add(specs.get(0));
            else nl.actions().replace(specs.get(0));
        } catch (NoSuchLinkException e) {
            String more = ActionArgs.missingTarget(words, e.link());
            if (more == null) throw e;
            jtc.err().print("Cannot find device \"" + e.link() + "\"\n" + more);
            return 255;
        } catch (NetlinkException e) {
            jtc.err().print(KernelText.of(e) + "We have an error talking to the kernel\n");
            return 255;
        }
        return 0;
    }

    /**
     * tc_action_gd: {@code action KIND index N}, one action (tc would take several; jtc one). tc asks the
     * kernel for any kind, and when the kernel refuses it goes on reading the line from where the verb's
     * words began, which makes its second complaint about the word {@code action}.
     */
    private int getOrDelete(Args a, boolean get) throws NetlinkException {
        String first = a.more() ? a.peek() : null;
        if (a.more() && a.peek().equals("action")) a.take();
        if (!a.more()) return 0;
        if (a.peek().equals("help")) return 255;
        String kind = a.take();
        if (!a.more() || !Args.matches(a.peek(), "index")) {
            jtc.err().print("Error: no index specified action: " + kind + "\n");
            return 255;
        }
        String v = a.next();
        long index = Args.u32(v, 10);
        if (index < 0 || !v.matches("[0-9]+")) {
            jtc.err().print("Illegal \"index\"\n");
            return 255;
        }
        if (a.more() && !a.peek().equals("action")) throw TcFail.unsupported("more than one command after tc actions " + (get ? "get" : "delete"));
        try {
            if (!get) {
                nl.actions().delete(kind, index);
                return 0;
            }
            Optional<Action> found = nl.actions().find(kind, index);
            if (found.isEmpty()) {
                // what the kernel answers tc's RTM_GETACTION (the library finds actions from a dump of the kind)
                jtc.err().print("Error: TC action with specified index not found.\nWe have an error talking to the kernel\n" + again(first));
                return 255;
            }
            TcOut o = new TcOut(jtc.json());
            header(o, 0);
            Action x = found.get();
            Action one = new Action(1, x.options(), x.index(), x.refcount(), x.bindcount(), x.stats(), x.times(), x.unknown());
            o.openRecord();
            ActionView.list(o, List.of(one), names(), jtc.stats(), false);
            o.close();
            jtc.out().print(o.result(jtc.pretty()));
            return 0;
        } catch (NoSuchLinkException e) {
            throw e;
        } catch (NetlinkException e) {
            jtc.err().print(KernelText.of(e) + "We have an error talking to the kernel\n" + again(first));
            return 255;
        }
    }

    /** do_action's complaint when it reads the failed command's words again as a command. */
    private static String again(String word) {
        return word == null ? "" : "Command \"" + word + "\" is unknown, try \"tc actions help\".\n";
    }

    /** tc_act_list_or_flush: the actions of one kind, listed or deleted. */
    private int listOrFlush(Args a, boolean flush) throws NetlinkException {
        String kind = a.take();
        if (a.more() && a.peek().equals("since")) throw TcFail.unsupported("tc actions ls … since");
        if (flush) {
            // one RTM_DELACTION with NLM_F_ROOT, as tc sends it: the kernel walks the kind itself
            try {
                nl.actions().flush(kind);
            } catch (NetlinkException e) {
                jtc.err().print(KernelText.of(e) + "We have an error flushing\n");
                return 1;
            }
            return 0;
        }
        List<Action> all = nl.actions().list(kind);
        TcOut o = new TcOut(jtc.json());
        if (!all.isEmpty()) {
            header(o, all.size());
            o.openRecord();
            ActionView.list(o, all, names(), jtc.stats(), false);
            o.close();
        }
        jtc.out().print(o.result(jtc.pretty()));
        return 0;
    }

    /** print_action's first record: {@code total acts N} (TCA_ROOT_COUNT, 0 when the kernel sends none). */
    private static void header(TcOut o, int count) {
        o.openRecord();
        o.any("total acts", count, "total acts " + count);
        o.nl();
        o.close();
    }

    private IntFunction<String> names() throws NetlinkException {
        Map<Integer, String> names = new HashMap<>();
        for (Link l : nl.links().list()) names.put(l.index(), l.name());
        return i -> names.getOrDefault(i, "if" + i);
    }
}
