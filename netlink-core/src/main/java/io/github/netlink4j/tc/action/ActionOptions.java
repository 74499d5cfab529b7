package io.github.netlink4j.tc.action;

import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.tc.Rate;
import io.github.netlink4j.tc.Size;
import io.github.netlink4j.tc.TcHandle;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An action's kind and settings, its TCA_ACT_KIND and TCA_ACT_OPTIONS, for the kinds the library models
 * (gact, mirred, skbedit, police, pedit);
 * others are kept raw ({@link Other}).
 */
public sealed interface ActionOptions {
    /** The kind, TCA_ACT_KIND ({@code "gact"}, {@code "mirred"}, …). */
    String kind();

    /** The verdict after the action, the {@code action} field of the kind's parameters. */
    ActionControl control();

    /**
     * The generic action (act_gact), {@code action gact drop}: a verdict and nothing else.
     *
     * @param control the verdict (TCA_GACT_PARMS {@code action})
     */
    record Gact(ActionControl control) implements ActionOptions {
        /** Checks for null. */
        public Gact {
            Objects.requireNonNull(control, "control");
        }

        @Override
        public String kind() {
            return "gact";
        }

        @Override
        public String toString() {
            return "gact action " + control;
        }
    }

    /**
     * Redirect or mirror to another link (act_mirred), {@code action mirred egress redirect dev veth1}.
     *
     * @param action  redirect or mirror, egress or ingress (TCA_MIRRED_PARMS {@code eaction})
     * @param ifindex the link the packet goes to ({@code ifindex}); 0 in a spec whose link is named by {@link ActionSpec#targetLink()}
     * @param control the verdict after it (tc's default: {@link ActionControl#STOLEN} for a redirect, {@link ActionControl#PIPE} for a mirror)
     */
    record Mirred(MirredAction action, int ifindex, ActionControl control) implements ActionOptions {
        /** Checks for null. */
        public Mirred {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(control, "control");
            if (ifindex < 0) throw new IllegalArgumentException("ifindex " + ifindex + " is negative");
        }

        @Override
        public String kind() {
            return "mirred";
        }

        @Override
        public String toString() {
            return "mirred (" + action + " to device if" + ifindex + ") " + control;
        }
    }

    /**
     * Rewrites packet metadata (act_skbedit), {@code action skbedit priority 1:10 mark 5 queue_mapping 2}.
     *
     * @param priority     TCA_SKBEDIT_PRIORITY, the skb priority (a class id)
     * @param mark         TCA_SKBEDIT_MARK, the firewall mark (u32)
     * @param queueMapping TCA_SKBEDIT_QUEUE_MAPPING, the transmit queue (u16)
     * @param control      the verdict after it (tc's default {@link ActionControl#PIPE})
     */
    record Skbedit(Optional<TcHandle> priority, OptionalLong mark, OptionalInt queueMapping, ActionControl control) implements ActionOptions {
        /** Checks the ranges. */
        public Skbedit {
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(control, "control");
            if (mark.isPresent() && (mark.getAsLong() < 0 || mark.getAsLong() > 0xffffffffL)) {
                throw new IllegalArgumentException("mark " + mark.getAsLong() + " is out of range (0 to 4294967295)");
            }
            if (queueMapping.isPresent() && (queueMapping.getAsInt() < 0 || queueMapping.getAsInt() > 0xffff)) {
                throw new IllegalArgumentException("queue_mapping " + queueMapping.getAsInt() + " is out of range (0 to 65535)");
            }
        }

        @Override
        public String kind() {
            return "skbedit";
        }
    }

    /**
     * Rate limiting (act_police), {@code action police rate 1mbit burst 10k conform-exceed drop/pipe}: a
     * token bucket of {@code burst} bytes filled at {@code rate}; packets beyond it get the exceed verdict.
     *
     * @param rate    the rate (tc_police {@code rate}, TCA_POLICE_RATE64 from 4 GB/s)
     * @param burst   the bucket (tc_police {@code burst}, sent as ticks at the rate, so read back as tc prints it)
     * @param control the verdict for packets over the rate (tc_police {@code action}, tc's exceed action; tc's default drop)
     * @param conform the verdict for packets within it (TCA_POLICE_RESULT, sent when not pass; tc's default pass)
     */
    record Police(Rate rate, Size burst, ActionControl control, ActionControl conform) implements ActionOptions {
        /** Checks for null. */
        public Police {
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(burst, "burst");
            Objects.requireNonNull(control, "control");
            Objects.requireNonNull(conform, "conform");
        }

        /** {@code police rate RATE burst BURST}: drop what exceeds, pass what conforms. */
        public static Police of(Rate rate, Size burst) {
            return new Police(rate, burst, ActionControl.DROP, ActionControl.PASS);
        }

        @Override
        public String kind() {
            return "police";
        }
    }

    /**
     * Rewrites packet bytes (act_pedit), {@code action pedit ex munge ip dst set 10.200.0.9}: each key edits
     * one 32-bit word. The extended form ({@code ex}) says for each key which header its offset counts from
     * and whether it sets or adds (TCA_PEDIT_PARMS_EX and TCA_PEDIT_KEYS_EX); the plain form counts from the
     * network header and sets (TCA_PEDIT_PARMS).
     *
     * @param keys     the edits, in order (1 to 255: {@code nkeys} is a byte)
     * @param extended whether the keys carry their header and command (tc's {@code ex})
     * @param control  the verdict after it (tc's default {@link ActionControl#PASS})
     */
    record Pedit(java.util.List<PeditKey> keys, boolean extended, ActionControl control) implements ActionOptions {
        /** Checks the keys' count and that the plain form holds network-header sets only. */
        public Pedit {
            Objects.requireNonNull(control, "control");
            keys = java.util.List.copyOf(keys);
            if (keys.isEmpty() || keys.size() > 255) throw new IllegalArgumentException("pedit takes 1 to 255 keys, not " + keys.size());
            if (!extended) {
                for (PeditKey k : keys) {
                    if (k.header() != PeditKey.Header.NETWORK || k.command() != PeditKey.Command.SET) {
                        throw new IllegalArgumentException("pedit key " + k + " needs the extended form (ex)");
                    }
                }
            }
        }

        @Override
        public String kind() {
            return "pedit";
        }
    }

    /**
     * A kind the library does not model, kept as the kernel reported it.
     *
     * @param kind    TCA_ACT_KIND
     * @param control the verdict, when the kind's parameters were read (the {@code tc_gen} head every kind's PARMS starts with); PASS otherwise
     * @param options TCA_ACT_OPTIONS, raw
     */
    record Other(String kind, ActionControl control, Optional<RawAttribute> options) implements ActionOptions {
        /** Checks for null and an empty kind. */
        public Other {
            if (kind == null || kind.isEmpty()) throw new IllegalArgumentException("an action needs a kind");
            Objects.requireNonNull(control, "control");
            Objects.requireNonNull(options, "options");
        }
    }
}
