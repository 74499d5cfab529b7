package io.github.netlink4j.internal.codec.tc;

import io.github.netlink4j.common.IpPrefix;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.tc.TcHandle;
import io.github.netlink4j.tc.action.ActionControl;
import io.github.netlink4j.tc.action.ActionOptions;
import io.github.netlink4j.tc.action.ActionSpec;
import io.github.netlink4j.tc.action.MirredAction;
import io.github.netlink4j.tc.filter.Filter;
import io.github.netlink4j.tc.filter.FilterOptions;
import io.github.netlink4j.tc.filter.FilterProtocol;
import io.github.netlink4j.tc.filter.FilterSpec;
import io.github.netlink4j.tc.filter.Flower;
import io.github.netlink4j.tc.filter.U32Handle;
import io.github.netlink4j.tc.filter.U32Key;
import io.github.netlink4j.tc.filter.U32Selector;
import io.github.netlink4j.testing.Golden;
import io.github.netlink4j.testing.Written;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seeded random filter specs of every modelled kind with actions: what a spec encodes to, decoded and
 * turned back into a spec, encodes to the same bytes (nothing the codec writes is lost on the way back).
 */
class FilterPropertiesTest {
    private static final Map<String, Integer> LINKS = Map.of("veth0", 3, "veth1", 2);
    private static final Map<Integer, String> NAMES = Map.of(3, "veth0", 2, "veth1");

    private static IpPrefix v4(Random r) throws Exception {
        byte[] a = {10, (byte) 200, (byte) r.nextInt(256), (byte) r.nextInt(256)};
        return new IpPrefix(InetAddress.getByAddress(a), r.nextInt(33)).network();
    }

    private static ActionSpec action(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> ActionSpec.gact(List.of(ActionControl.PASS, ActionControl.DROP, ActionControl.PIPE, ActionControl.RECLASSIFY, ActionControl.CONTINUE,
                    ActionControl.goToChain(r.nextInt(100))).get(r.nextInt(6)));
            case 1 -> ActionSpec.mirred(MirredAction.values()[r.nextInt(4)], "veth1");
            case 2 -> ActionSpec.of(new ActionOptions.Skbedit(r.nextBoolean() ? Optional.of(TcHandle.of(1, r.nextInt(0x10000))) : Optional.empty(),
                    r.nextBoolean() ? OptionalLong.of(r.nextLong(1L << 32)) : OptionalLong.empty(),
                    r.nextBoolean() ? OptionalInt.of(r.nextInt(0x10000)) : OptionalInt.empty(), ActionControl.PIPE));
            case 3 -> ActionSpec.of(pedit(r));
            default -> ActionSpec.gact(ActionControl.DROP).withIndex(1 + r.nextInt(1000));
        };
    }

    private static ActionOptions.Pedit pedit(Random r) {
        boolean ex = r.nextBoolean();
        List<io.github.netlink4j.tc.action.PeditKey> keys = new ArrayList<>();
        for (int i = 1 + r.nextInt(4); i > 0; i--) {
            var h = ex ? io.github.netlink4j.tc.action.PeditKey.Header.values()[r.nextInt(6)] : io.github.netlink4j.tc.action.PeditKey.Header.NETWORK;
            var c = ex && r.nextBoolean() ? io.github.netlink4j.tc.action.PeditKey.Command.ADD : io.github.netlink4j.tc.action.PeditKey.Command.SET;
            keys.add(new io.github.netlink4j.tc.action.PeditKey(r.nextLong(1L << 32), r.nextLong(1L << 32), 4 * r.nextInt(64),
                    r.nextBoolean() ? 0 : r.nextLong(1L << 32), r.nextLong(1L << 32), r.nextInt(32), h, c));
        }
        return new ActionOptions.Pedit(keys, ex, List.of(ActionControl.PASS, ActionControl.PIPE, ActionControl.DROP).get(r.nextInt(3)));
    }

    private static FilterSpec spec(Random r) throws Exception {
        Optional<TcHandle> classid = r.nextBoolean() ? Optional.of(TcHandle.of(1, 1 + r.nextInt(0xfff))) : Optional.empty();
        FilterOptions o = switch (r.nextInt(5)) {
            case 0 -> {
                U32Selector s = U32Selector.of(U32Key.ipDst(v4(r)));
                if (r.nextBoolean()) s = s.with(U32Key.ipProtocol(r.nextInt(256)));
                if (r.nextBoolean()) s = s.with(U32Key.dport(r.nextInt(0x10000)));
                if (r.nextBoolean()) s = s.with(U32Key.sport(r.nextInt(0x10000)));
                if (r.nextBoolean()) s = s.withHashKey(r.nextLong(1L << 32), 4 * r.nextInt(8));
                FilterOptions.U32 u = FilterOptions.u32(s);
                if (classid.isPresent()) u = u.withClassid(classid.get());
                if (r.nextBoolean()) u = u.withHashTable(U32Handle.of(1 + r.nextInt(0xfff), r.nextInt(256), 0));
                if (r.nextBoolean()) u = u.withLink(U32Handle.table(1 + r.nextInt(0xfff)));
                yield u;
            }
            case 1 -> {
                Flower f = Flower.empty();
                if (r.nextBoolean()) f = f.withVlanId(r.nextInt(4096)).withVlanEthType(FilterProtocol.IP);
                if (r.nextBoolean()) f = f.withDstMac(MacAddress.of(new byte[] {2, 0, 0, 0, 0, (byte) r.nextInt(256)}));
                if (r.nextBoolean()) f = f.withSrcMac(MacAddress.of(new byte[] {2, 0, 0, 0, 1, (byte) r.nextInt(256)}));
                int proto = List.of(6, 17, 132, 1).get(r.nextInt(4));
                f = f.withIpProto(proto).withDstIp(v4(r));
                if (r.nextBoolean()) f = f.withSrcIp(v4(r));
                if (Flower.hasPorts(proto) && r.nextBoolean()) f = f.withDstPort(r.nextInt(0x10000));
                if (Flower.hasPorts(proto) && r.nextBoolean()) f = f.withSrcPort(r.nextInt(0x10000));
                if (classid.isPresent()) f = f.withClassid(classid.get());
                yield f;
            }
            case 2 -> new FilterOptions.Matchall(classid, r.nextInt(3));
            case 3 -> new FilterOptions.Basic(classid);
            default -> new FilterOptions.Fw(classid);
        };
        List<ActionSpec> actions = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) actions.add(action(r));
        FilterSpec s = FilterSpec.of("veth0", r.nextBoolean() ? TcHandle.of("1:") : FilterSpec.INGRESS, 1 + r.nextInt(0xffff),
                List.of(FilterProtocol.IP, FilterProtocol.ALL, FilterProtocol.IPV6).get(r.nextInt(3)), o).withActions(actions);
        if (r.nextBoolean()) s = s.withHandle(r.nextLong(1L << 32));
        if (r.nextBoolean()) s = s.withChain(r.nextInt(10));
        return s;
    }

    private static byte[] encode(FilterSpec s) {
        MessageWriter w = new MessageWriter(64);
        FilterCodec.encodeModify(w, s, 3, LINKS::get, FilterCodec.Mode.ADD, false);
        return Written.bytes(w);
    }

    @Test
    void whatIsSentComesBackTheSame() throws Exception {
        Random r = new Random(0x74636c73L);
        for (int i = 0; i < 3000; i++) {
            FilterSpec s = spec(r);
            byte[] b = encode(s);
            Filter f = FilterCodec.decode(MemorySegment.ofArray(b), 0, b.length);
            assertEquals(Golden.dump(b), Golden.dump(encode(f.toSpec(NAMES::get))), "case " + i + ": " + s);
        }
    }
}
