package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.tc.action.Action;
import io.github.netlink4j.tc.action.ActionControl;
import io.github.netlink4j.tc.action.ActionOptions;
import io.github.netlink4j.tc.action.ActionSpec;
import io.github.netlink4j.tc.action.PeditKey;
import io.github.netlink4j.tc.action.PeditKey.Command;
import io.github.netlink4j.tc.action.PeditKey.Header;
import io.github.netlink4j.tc.filter.FilterOptions;
import io.github.netlink4j.tc.filter.FilterProtocol;
import io.github.netlink4j.tc.filter.FilterSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.github.netlink4j.internal.codec.tc.TcBytes.VETH0;
import static io.github.netlink4j.internal.codec.tc.TcBytes.assertEncodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * pedit both ways against tc 6.1's requests (act_pedit is not in this kernel, so the bytes are what tc sent before
 * the kernel refused them): each spec encodes to the captured bytes, and the captured bytes decode to the spec.
 */
class PeditCodecTest {
    private static final Map<String, Integer> LINKS = Map.of("veth0", VETH0);

    private static ActionOptions.Pedit pedit(boolean ex, ActionControl control, PeditKey... keys) {
        return new ActionOptions.Pedit(List.of(keys), ex, control);
    }

    /** Each fixture, the action tc sent in it, and its index. */
    private static final List<Object[]> CASES = List.of(
            new Object[] {"tc/action-pedit-munge-ip-src", 3,
                    pedit(false, ActionControl.PASS, PeditKey.of(Header.NETWORK, Command.SET, 12, 0x0ac80007L, 0))},
            new Object[] {"tc/action-pedit-ex-ip-ttl-add", 4,
                    pedit(true, ActionControl.PIPE, PeditKey.of(Header.IP4, Command.ADD, 8, 0xff000000L, 0x00ffffffL))},
            new Object[] {"tc/action-pedit-ex-tcp-dport", 5,
                    pedit(true, ActionControl.PASS, PeditKey.of(Header.TCP, Command.SET, 0, 0x00001f90L, 0xffff0000L))},
            new Object[] {"tc/action-pedit-ex-eth-dst", 6, pedit(true, ActionControl.PASS, PeditKey.of(Header.ETH, Command.SET, 0, 0x02000000L, 0),
                    PeditKey.of(Header.ETH, Command.SET, 4, 0x00090000L, 0x0000ffffL))},
            new Object[] {"tc/action-pedit-offset-u16", 7,
                    pedit(false, ActionControl.PASS, PeditKey.of(Header.NETWORK, Command.SET, 12, 0x12340000L, 0x0000ffffL))},
            new Object[] {"tc/action-pedit-ex-two-keys", 8, pedit(true, ActionControl.CONTINUE, PeditKey.of(Header.IP4, Command.SET, 16, 0x0ac80009L, 0),
                    PeditKey.of(Header.IP4, Command.SET, 12, 0x0ac80001L, 0))});

    @Test
    void encodesAsTcDoes() {
        for (Object[] c : CASES) {
            ActionSpec spec = ActionSpec.of((ActionOptions) c[2]).withIndex((int) c[1]);
            assertEncodes((String) c[0], w -> ActionsCodec.encodeAdd(w, List.of(spec), LINKS::get, false));
        }
    }

    @Test
    void decodesWhatTcSent() throws Exception {
        for (Object[] c : CASES) {
            Action a = TcBytes.decodeAll((String) c[0], ActionsCodec::decode).getFirst().getFirst();
            assertEquals(c[2], a.options(), (String) c[0]);
            assertEquals((long) (int) c[1], a.index(), (String) c[0]);
        }
    }

    @Test
    void aPeditInsideAFilterIsTcsToo() throws Exception {
        FilterSpec spec = FilterSpec.ingress("veth0", 2, FilterProtocol.ALL, FilterOptions.matchall())
                .withActions(List.of(ActionSpec.of(pedit(true, ActionControl.PASS, PeditKey.of(Header.IP4, Command.SET, 16, 0x0ac80009L, 0)))));
        assertEncodes("tc/pedit-munge-ip-dst", w -> FilterCodec.encodeModify(w, spec, VETH0, LINKS::get, FilterCodec.Mode.ADD, false));
        assertEquals(spec.actions().getFirst().options(),
                TcBytes.decodeAll("tc/pedit-munge-ip-dst", FilterCodec::decode).getFirst().actions().getFirst().options());
    }

    @Test
    void thePlainFormSetsFromTheNetworkHeaderOnly() {
        assertThrows(IllegalArgumentException.class, () -> pedit(false, ActionControl.PASS, PeditKey.of(Header.IP4, Command.SET, 16, 1, 0)));
        assertThrows(IllegalArgumentException.class, () -> pedit(false, ActionControl.PASS, PeditKey.of(Header.NETWORK, Command.ADD, 16, 1, 0)));
        assertThrows(IllegalArgumentException.class, () -> pedit(true, ActionControl.PASS));
        assertThrows(IllegalArgumentException.class, () -> PeditKey.of(Header.IP4, Command.SET, 6, 1, 0), "an offset inside a word");
        assertThrows(IllegalArgumentException.class, () -> PeditKey.of(Header.IP4, Command.SET, 4, 1L << 32, 0));
        assertEquals(Header.UDP, Header.of(5));
        assertThrows(IllegalArgumentException.class, () -> Command.of(2));
    }
}
