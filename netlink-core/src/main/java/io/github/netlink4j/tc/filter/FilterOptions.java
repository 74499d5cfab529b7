package io.github.netlink4j.tc.filter;

import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.tc.TcHandle;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A filter's kind (TCA_KIND) and what its TCA_OPTIONS say, less its actions (those are the filter's
 * {@code actions}, whatever the kind): one record per kind the library models, {@link Other} for the rest.
 */
public sealed interface FilterOptions permits FilterOptions.U32, FilterOptions.Matchall, FilterOptions.Basic, FilterOptions.Fw, Flower,
        FilterOptions.Bpf, FilterOptions.Other {
    /** The classifier's name, TCA_KIND. */
    String kind();

    /** The class a match goes to, if the filter names one (TCA_*_CLASSID, tc's {@code classid} or {@code flowid}). */
    Optional<TcHandle> classid();

    /**
     * The universal 32-bit classifier (cls_u32): keys on the packet's words, hash tables and links between them.
     *
     * {@snippet :
     * FilterOptions.u32(U32Selector.of(U32Key.ipDst(IpPrefix.of("10.200.0.0/24")))).withClassid(TcHandle.of("1:10"));
     * FilterOptions.u32Table(256);                         // handle 2: u32 divisor 256 (the handle is the filter's)
     * }
     *
     * @param classid   TCA_U32_CLASSID
     * @param selector  TCA_U32_SEL, the keys; empty for a hash table
     * @param divisor   TCA_U32_DIVISOR: this filter makes a hash table of that many buckets (1 to 256)
     * @param hashTable TCA_U32_HASH: the table or bucket the filter goes in ({@code ht 800::}, {@code ht 2:7:})
     * @param link      TCA_U32_LINK: the table a match continues in ({@code link 2:})
     * @param flags     TCA_U32_FLAGS' TCA_CLS_FLAGS_SKIP_HW (1) and _SKIP_SW (2); the kernel's in-hardware bits are not kept
     */
    record U32(Optional<TcHandle> classid, Optional<U32Selector> selector, OptionalLong divisor, Optional<U32Handle> hashTable,
               Optional<U32Handle> link, int flags) implements FilterOptions {
        /** Checks the parts. */
        public U32 {
            Objects.requireNonNull(classid, "classid");
            Objects.requireNonNull(selector, "selector");
            Objects.requireNonNull(hashTable, "hashTable");
            Objects.requireNonNull(link, "link");
            if (divisor.isPresent() && (divisor.getAsLong() < 1 || divisor.getAsLong() > 256)) {
                throw new IllegalArgumentException("divisor " + divisor.getAsLong() + " is out of range (1 to 256)");
            }
            if ((flags & ~3) != 0) throw new IllegalArgumentException("u32 flags are skip_hw (1) and skip_sw (2), not " + flags);
        }

        @Override
        public String kind() {
            return "u32";
        }

        /** The same sending matches to class {@code classid}. */
        public U32 withClassid(TcHandle classid) {
            return new U32(Optional.of(classid), selector, divisor, hashTable, link, flags);
        }

        /** The same, placed in hash table or bucket {@code ht} ({@code ht 800::}, {@code ht 2:7:}). */
        public U32 withHashTable(U32Handle ht) {
            return new U32(classid, selector, divisor, Optional.of(ht), link, flags);
        }

        /** The same, continuing in table {@code table} on a match ({@code link 2:}). */
        public U32 withLink(U32Handle table) {
            return new U32(classid, selector, divisor, hashTable, Optional.of(table), flags);
        }
    }

    /** {@code u32 match …}: a u32 filter of {@code selector}. */
    static U32 u32(U32Selector selector) {
        return new U32(Optional.empty(), Optional.of(selector), OptionalLong.empty(), Optional.empty(), Optional.empty(), 0);
    }

    /** {@code handle H: u32 divisor N}: a u32 hash table of {@code divisor} buckets. */
    static U32 u32Table(int divisor) {
        return new U32(Optional.empty(), Optional.empty(), OptionalLong.of(divisor), Optional.empty(), Optional.empty(), 0);
    }

    /**
     * Every packet (cls_matchall), {@code matchall [classid C]}.
     *
     * @param classid TCA_MATCHALL_CLASSID
     * @param flags   TCA_MATCHALL_FLAGS' skip bits (sent when not 0)
     */
    record Matchall(Optional<TcHandle> classid, int flags) implements FilterOptions {
        /** Checks the parts. */
        public Matchall {
            Objects.requireNonNull(classid, "classid");
            if ((flags & ~3) != 0) throw new IllegalArgumentException("matchall flags are skip_hw (1) and skip_sw (2), not " + flags);
        }

        @Override
        public String kind() {
            return "matchall";
        }
    }

    /** {@code matchall}. */
    static Matchall matchall() {
        return new Matchall(Optional.empty(), 0);
    }

    /**
     * The basic classifier (cls_basic), {@code basic [classid C]}; ematches are not modelled.
     *
     * @param classid TCA_BASIC_CLASSID
     */
    record Basic(Optional<TcHandle> classid) implements FilterOptions {
        /** Checks for null. */
        public Basic {
            Objects.requireNonNull(classid, "classid");
        }

        @Override
        public String kind() {
            return "basic";
        }
    }

    /**
     * The firewall-mark classifier (cls_fw), {@code handle MARK fw [classid C]}: the filter's handle is the mark.
     *
     * @param classid TCA_FW_CLASSID
     */
    record Fw(Optional<TcHandle> classid) implements FilterOptions {
        /** Checks for null. */
        public Fw {
            Objects.requireNonNull(classid, "classid");
        }

        @Override
        public String kind() {
            return "fw";
        }
    }

    /**
     * The eBPF classifier (cls_bpf) running a program the caller loaded: {@code bpf obj FILE sec S [classid C] [da]}
     * sends the program as the fd tc loaded it under, with a name for listings. A classic-BPF filter
     * ({@code bpf bytecode …}, TCA_BPF_OPS) is not modelled and reads as {@link Other}.
     *
     * {@snippet :
     * FilterOptions.bpf(progFd, "p.o:[classifier]").withDirectAction();   // tc's "bpf obj p.o sec classifier da"
     * }
     *
     * @param classid      TCA_BPF_CLASSID
     * @param fd           TCA_BPF_FD, the program's file descriptor in this process; only in a request (the kernel reports the program's id)
     * @param name         TCA_BPF_NAME, the name listings show
     * @param directAction TCA_BPF_FLAGS' TCA_BPF_FLAG_ACT_DIRECT ({@code da}): the program's return value is the verdict
     * @param programId    TCA_BPF_ID, the program's id as the kernel reports it; only in a report
     */
    record Bpf(Optional<TcHandle> classid, java.util.OptionalInt fd, Optional<String> name, boolean directAction,
               java.util.OptionalInt programId) implements FilterOptions {
        /** Checks the parts: a file descriptor is not negative, a name is not empty. */
        public Bpf {
            Objects.requireNonNull(classid, "classid");
            Objects.requireNonNull(fd, "fd");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(programId, "programId");
            if (fd.isPresent() && fd.getAsInt() < 0) throw new IllegalArgumentException("a bpf program's fd is not negative: " + fd.getAsInt());
            if (name.isPresent() && name.get().isEmpty()) throw new IllegalArgumentException("a bpf program's name is not empty");
        }

        @Override
        public String kind() {
            return "bpf";
        }

        /** The same with {@code da}: the program's return value is the verdict. */
        public Bpf withDirectAction() {
            return new Bpf(classid, fd, name, true, programId);
        }

        /** The same classifying to {@code classid}. */
        public Bpf withClassid(TcHandle classid) {
            return new Bpf(Optional.of(classid), fd, name, directAction, programId);
        }
    }

    /** {@code bpf obj …}: the program loaded under {@code fd}, listed as {@code name} (tc's {@code FILE:[SECTION]}). */
    static Bpf bpf(int fd, String name) {
        return new Bpf(Optional.empty(), java.util.OptionalInt.of(fd), Optional.of(name), false, java.util.OptionalInt.empty());
    }

    /**
     * A kind the library does not model (classic bpf, route, flow, cgroup, …), kept as the kernel reported it and
     * sent back unchanged.
     *
     * @param kind    TCA_KIND
     * @param options TCA_OPTIONS, raw (its actions included)
     */
    record Other(String kind, Optional<RawAttribute> options) implements FilterOptions {
        /** Checks the kind. */
        public Other {
            if (kind == null || kind.isEmpty() || kind.length() > 15) throw new IllegalArgumentException("a filter kind is 1 to 15 characters: " + kind);
            Objects.requireNonNull(options, "options");
        }

        @Override
        public Optional<TcHandle> classid() {
            return Optional.empty();
        }
    }
}
