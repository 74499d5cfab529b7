package io.github.netlink4j.genl.ethtool;

import java.util.OptionalLong;

/**
 * The channel counts to change ({@code ethtool -L DEV rx N tx N other N combined N}); a count left empty
 * is left as it is. Immutable: each {@code with…} returns a copy. Counts are u32, refused outside
 * 0..4294967295 before anything is sent.
 *
 * {@snippet :
 * nl.genl().ethtool().channels().set("veth0", ChannelsChange.empty().withRx(2).withTx(2));
 * }
 *
 * @param rx       ETHTOOL_A_CHANNELS_RX_COUNT
 * @param tx       ETHTOOL_A_CHANNELS_TX_COUNT
 * @param other    ETHTOOL_A_CHANNELS_OTHER_COUNT
 * @param combined ETHTOOL_A_CHANNELS_COMBINED_COUNT
 */
public record ChannelsChange(OptionalLong rx, OptionalLong tx, OptionalLong other, OptionalLong combined) {
    private static final ChannelsChange EMPTY = new ChannelsChange(OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty());

    /** Checks the counts. */
    public ChannelsChange {
        check("rx", rx);
        check("tx", tx);
        check("other", other);
        check("combined", combined);
    }

    private static void check(String what, OptionalLong v) {
        if (v.isPresent() && (v.getAsLong() < 0 || v.getAsLong() > 0xffffffffL)) {
            throw new IllegalArgumentException(what + " " + v.getAsLong() + " is out of range (0 to 4294967295)");
        }
    }

    /** A change of nothing. */
    public static ChannelsChange empty() {
        return EMPTY;
    }

    /** A copy that sets the receive channels. */
    public ChannelsChange withRx(long count) {
        return new ChannelsChange(OptionalLong.of(count), tx, other, combined);
    }

    /** A copy that sets the transmit channels. */
    public ChannelsChange withTx(long count) {
        return new ChannelsChange(rx, OptionalLong.of(count), other, combined);
    }

    /** A copy that sets the other channels. */
    public ChannelsChange withOther(long count) {
        return new ChannelsChange(rx, tx, OptionalLong.of(count), combined);
    }

    /** A copy that sets the combined channels. */
    public ChannelsChange withCombined(long count) {
        return new ChannelsChange(rx, tx, other, OptionalLong.of(count));
    }

    /** Whether it changes nothing. */
    public boolean isEmpty() {
        return rx.isEmpty() && tx.isEmpty() && other.isEmpty() && combined.isEmpty();
    }
}
