package io.github.netlink4j.specgen;

import io.github.netlink4j.specgen.Family.Attr;
import io.github.netlink4j.specgen.Family.AttrSet;
import io.github.netlink4j.specgen.Family.Definition;
import io.github.netlink4j.specgen.Family.Entry;
import io.github.netlink4j.specgen.Family.Group;
import io.github.netlink4j.specgen.Family.Kind;
import io.github.netlink4j.specgen.Family.Operation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one spec into a {@link Family}, resolving the numbers the spec leaves implicit, as the
 * kernel's generated uapi headers have them:
 * <ul>
 *   <li>attributes count from 1, or on from the last explicit {@code value};</li>
 *   <li>a {@code subset-of} set names attributes of another set and keeps their numbers and types;</li>
 *   <li>enum entries count from {@code value-start} (0), flags are bits from bit {@code value-start};</li>
 *   <li>commands, in the {@code unified} model, count from 1 (or the last explicit value) and one number
 *       serves both ways; in the {@code directional} model requests and replies count separately: an
 *       operation with a {@code do} or {@code dump} takes the next request number, one with a reply
 *       ({@code do}/{@code dump} with {@code reply}) or a notification ({@code notify}, {@code event})
 *       the next reply number, unless {@code value} says otherwise; a dump's reply may have a value of its
 *       own, apart from the do's reply (it does not move the count).</li>
 * </ul>
 * C names: the set's or definition's {@code name-prefix} (an attribute may have its own), by default
 * {@code <family>-a-<set>-} for attributes, {@code <family>-<enum>-} for enum entries and
 * {@code <family>-cmd-} for commands; a reply of a request has {@code -reply} appended.
 */
public final class SpecReader {
    private SpecReader() {}

    /** The family in {@code text}, read from a file named {@code file} (for messages). */
    public static Family read(String text, String file) {
        Map<String, Object> doc = Yaml.load(text, file);
        String name = Yaml.required(doc, "name", file);
        String protocol = Yaml.string(doc, "protocol", "genetlink", file);
        if (!Set.of("genetlink", "genetlink-legacy", "genetlink-c", "netlink-raw").contains(protocol)) {
            throw new SpecException(file + ": protocol \"" + protocol + "\" is not one this generator reads");
        }
        Map<String, Integer> structs = new LinkedHashMap<>();
        List<Definition> defs = definitions(doc, name, file, structs);
        List<AttrSet> sets = attributeSets(doc, name, file);
        Map<String, Object> ops = doc.get("operations") == null ? Map.of() : Yaml.map(doc.get("operations"), file + ": operations");
        String fixed = Yaml.string(ops, "fixed-header", null, file + ": operations");
        int header = 0;
        if (fixed != null) {
            Integer size = structs.get(fixed);
            if (size == null) throw new SpecException(file + ": operations.fixed-header names no struct definition \"" + fixed + "\"");
            header = size;
        }
        List<Operation> operations = operations(ops, name, sets, file);
        return new Family(name, protocol, header, defs, sets, operations, groups(doc, file));
    }

    // ---- definitions ----

    private static List<Definition> definitions(Map<String, Object> doc, String family, String file, Map<String, Integer> structs) {
        List<Definition> out = new ArrayList<>();
        List<Object> list = Yaml.list(doc, "definitions", file);
        for (int i = 0; i < list.size(); i++) {
            String where = file + ": definitions[" + i + "]";
            Map<String, Object> d = Yaml.map(list.get(i), where);
            String name = Yaml.required(d, "name", where);
            String type = Yaml.required(d, "type", where);
            switch (type) {
                case "enum", "flags" -> out.add(enumOf(d, name, type.equals("flags") ? Kind.FLAGS : Kind.ENUM, family, where));
                case "const" -> {
                    String prefix = Yaml.string(d, "name-prefix", family + "-", where);
                    out.add(new Definition(name, Kind.CONST, List.of(), Yaml.number(d, "value", 0, where), Names.c(prefix, name)));
                }
                case "struct" -> structs.put(name, structSize(d, where));
                default -> throw new SpecException(where + ": definition type \"" + type + "\" is not one this generator reads");
            }
        }
        return out;
    }

    private static Definition enumOf(Map<String, Object> d, String name, Kind kind, String family, String where) {
        String prefix = Yaml.string(d, "name-prefix", family + "-" + name + "-", where);
        long next = Yaml.number(d, "value-start", 0, where);
        List<Entry> entries = new ArrayList<>();
        List<Object> list = Yaml.list(d, "entries", where);
        for (int i = 0; i < list.size(); i++) {
            Object e = list.get(i);
            String ew = where + ".entries[" + i + "]";
            String en;
            if (e instanceof String s) {
                en = s;
            } else {
                Map<String, Object> m = Yaml.map(e, ew);
                en = Yaml.required(m, "name", ew);
                next = Yaml.number(m, "value", next, ew);
            }
            if (kind == Kind.FLAGS && (next < 0 || next > 63)) throw new SpecException(ew + ": flag bit " + next + " is not 0..63");
            entries.add(new Entry(en, kind == Kind.FLAGS ? 1L << next : next, Names.c(prefix, en)));
            next++;
        }
        return new Definition(name, kind, entries, 0, null);
    }

    /** sizeof the struct: members at their natural alignment, the whole padded to the largest. */
    private static int structSize(Map<String, Object> d, String where) {
        int size = 0, align = 1;
        List<Object> members = Yaml.list(d, "members", where);
        for (int i = 0; i < members.size(); i++) {
            String mw = where + ".members[" + i + "]";
            Map<String, Object> m = Yaml.map(members.get(i), mw);
            String t = Yaml.required(m, "type", mw);
            int w = switch (t) {
                case "u8", "s8" -> 1;
                case "u16", "s16" -> 2;
                case "u32", "s32" -> 4;
                case "u64", "s64" -> 8;
                case "pad", "binary" -> 1;
                default -> throw new SpecException(mw + ": member type \"" + t + "\" has no size here");
            };
            int len = t.equals("pad") || t.equals("binary") ? (int) Yaml.number(m, "len", -1, mw) : w;
            if (len < 0) throw new SpecException(mw + ": " + t + " member without len");
            size = (size + w - 1) / w * w + len;
            align = Math.max(align, w);
        }
        return (size + align - 1) / align * align;
    }

    // ---- attribute sets ----

    private static List<AttrSet> attributeSets(Map<String, Object> doc, String family, String file) {
        List<Object> list = Yaml.list(doc, "attribute-sets", file);
        AttrSet[] sets = new AttrSet[list.size()];
        Map<String, AttrSet> full = new LinkedHashMap<>();
        for (int pass = 0; pass < 2; pass++) { // subsets name attributes of sets that may come after them
            for (int i = 0; i < list.size(); i++) {
                String where = file + ": attribute-sets[" + i + "]";
                Map<String, Object> s = Yaml.map(list.get(i), where);
                String superset = Yaml.string(s, "subset-of", null, where);
                if ((superset == null) != (pass == 0)) continue;
                String name = Yaml.required(s, "name", where);
                sets[i] = superset == null ? fullSet(s, name, family, where) : subset(s, name, full.get(superset), superset, where);
                if (superset == null) full.put(name, sets[i]);
            }
        }
        Set<String> names = new HashSet<>();
        for (AttrSet s : sets) if (!names.add(s.name())) throw new SpecException(file + ": two attribute sets named \"" + s.name() + "\"");
        return List.of(sets);
    }

    private static AttrSet fullSet(Map<String, Object> s, String name, String family, String where) {
        String prefix = Yaml.string(s, "name-prefix", family + "-a-" + name + "-", where);
        List<Attr> attrs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long next = 1;
        List<Object> list = Yaml.list(s, "attributes", where);
        for (int i = 0; i < list.size(); i++) {
            String aw = where + ".attributes[" + i + "]";
            Map<String, Object> a = Yaml.map(list.get(i), aw);
            String an = Yaml.required(a, "name", aw);
            next = Yaml.number(a, "value", next, aw);
            if (next < 0 || next > 0x3fff) throw new SpecException(aw + ": attribute number " + next + " does not fit nla_type");
            String type = Yaml.required(a, "type", aw);
            if (seen.add(an)) { // ethtool's strings set names "unspec" twice, both 0: one constant
                String ap = Yaml.string(a, "name-prefix", prefix, aw);
                attrs.add(new Attr(an, (int) next, Names.c(ap, an), type, Yaml.string(a, "nested-attributes", null, aw),
                        Yaml.string(a, "sub-type", null, aw), Yaml.flag(a, "multi-attr", aw),
                        "big-endian".equals(Yaml.string(a, "byte-order", null, aw)), Yaml.string(a, "enum", null, aw)));
            }
            next++;
        }
        return new AttrSet(name, attrs);
    }

    private static AttrSet subset(Map<String, Object> s, String name, AttrSet superset, String superName, String where) {
        if (superset == null) throw new SpecException(where + ": subset-of names no attribute set \"" + superName + "\"");
        List<Attr> attrs = new ArrayList<>();
        List<Object> list = Yaml.list(s, "attributes", where);
        for (int i = 0; i < list.size(); i++) {
            String aw = where + ".attributes[" + i + "]";
            String an = Yaml.required(Yaml.map(list.get(i), aw), "name", aw);
            attrs.add(superset.attr(an).orElseThrow(() -> new SpecException(aw + ": \"" + an + "\" is not an attribute of " + superName)));
        }
        return new AttrSet(name, attrs);
    }

    // ---- operations ----

    private static List<Operation> operations(Map<String, Object> ops, String family, List<AttrSet> sets, String file) {
        String where0 = file + ": operations";
        String model = Yaml.string(ops, "enum-model", "unified", where0);
        if (!model.equals("unified") && !model.equals("directional")) throw new SpecException(where0 + ": enum-model \"" + model + "\"");
        boolean directional = model.equals("directional");
        String prefix = Yaml.string(ops, "name-prefix", family + "-cmd-", where0);
        List<Object> list = Yaml.list(ops, "list", where0);
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        List<Operation> out = new ArrayList<>();
        long req = 0, rsp = 0;
        for (int i = 0; i < list.size(); i++) {
            String where = where0 + ".list[" + i + "]";
            Map<String, Object> op = Yaml.map(list.get(i), where);
            String name = Yaml.required(op, "name", where);
            byName.put(name, op);
            Map<String, Object> dO = part(op, "do", where), dump = part(op, "dump", where);
            String notify = Yaml.string(op, "notify", null, where);
            Map<String, Object> event = part(op, "event", where);
            String set = Yaml.string(op, "attribute-set", null, where);
            List<String> doReq = attrs(dO, "request", where + ".do"), doRsp = attrs(dO, "reply", where + ".do");
            List<String> dumpReq = attrs(dump, "request", where + ".dump"), dumpRsp = attrs(dump, "reply", where + ".dump");
            if (notify != null) { // a notification carries what the named operation's reply carries
                Map<String, Object> target = byName.get(notify);
                if (target == null) throw new SpecException(where + ": notify names no earlier operation \"" + notify + "\"");
                set = Yaml.string(target, "attribute-set", null, where);
                Map<String, Object> td = part(target, "do", where), tdump = part(target, "dump", where);
                doRsp = attrs(td, "reply", where);
                if (doRsp == null) doRsp = attrs(tdump, "reply", where);
            } else if (event != null) {
                doRsp = strings(Yaml.list(event, "attributes", where + ".event"), where + ".event");
            }
            String setName = set;
            if (set != null && sets.stream().noneMatch(s -> s.name().equals(setName))) throw new SpecException(where + ": attribute-set \"" + set + "\" is not defined");
            boolean ntf = notify != null || event != null;
            int request = -1, reply = -1;
            String reqName = null, rspName = null;
            if (!directional) {
                req = Yaml.number(op, "value", req + 1, where);
                request = reply = (int) req;
                reqName = rspName = Names.c(prefix, name);
            } else {
                if (dO != null || dump != null) {
                    req = explicit(op, dO, dump, "request", req + 1, where);
                    request = (int) req;
                    reqName = Names.c(prefix, name);
                }
                if (ntf || (dO != null && dO.get("reply") != null) || (dump != null && dump.get("reply") != null)) {
                    rsp = explicit(op, dO, dump, "reply", rsp + 1, where);
                    reply = (int) rsp;
                    rspName = Names.c(prefix, ntf ? name : name + "-reply");
                }
            }
            int dumpReply = reply;
            if (directional && dO != null && dump != null && dump.get("reply") != null) {
                // the dump's reply may carry its own value, apart from the do's reply
                long v = Yaml.number(Yaml.map(dump.get("reply"), where + ".dump.reply"), "value", -1, where + ".dump.reply");
                if (v >= 0) dumpReply = (int) v;
            }
            if (request > 0xff || reply > 0xff || dumpReply > 0xff) throw new SpecException(where + ": command number above 255");
            if (!ntf && dO == null && dump == null && request != 0) throw new SpecException(where + ": neither do, dump, notify nor event");
            out.add(new Operation(name, set, request, reqName, reply, rspName, ntf ? null : doReq, doRsp,
                    dumpReq, dumpRsp, ntf, dumpReply));
        }
        return out;
    }

    /** The explicit value of a message of this direction ({@code do.request.value}, …, or the operation's own), else {@code dflt}. */
    private static long explicit(Map<String, Object> op, Map<String, Object> dO, Map<String, Object> dump, String dir, long dflt, String where) {
        for (Map<String, Object> p : java.util.Arrays.asList(dO, dump)) {
            if (p != null && p.get(dir) != null) {
                long v = Yaml.number(Yaml.map(p.get(dir), where + "." + dir), "value", -1, where);
                if (v >= 0) return v;
            }
        }
        return Yaml.number(op, "value", dflt, where);
    }

    private static Map<String, Object> part(Map<String, Object> op, String key, String where) {
        Object o = op.get(key);
        return o == null ? null : Yaml.map(o, where + "." + key);
    }

    /** The attribute names of {@code part.dir} (request or reply), or null when absent. */
    private static List<String> attrs(Map<String, Object> part, String dir, String where) {
        if (part == null || part.get(dir) == null) return null;
        Map<String, Object> m = Yaml.map(part.get(dir), where + "." + dir);
        return strings(Yaml.list(m, "attributes", where + "." + dir), where + "." + dir);
    }

    private static List<String> strings(List<Object> list, String where) {
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) throw new SpecException(where + ".attributes: " + o + " is not an attribute name");
            out.add(s);
        }
        return List.copyOf(out);
    }

    private static List<Group> groups(Map<String, Object> doc, String file) {
        if (doc.get("mcast-groups") == null) return List.of();
        Map<String, Object> g = Yaml.map(doc.get("mcast-groups"), file + ": mcast-groups");
        List<Group> out = new ArrayList<>();
        List<Object> list = Yaml.list(g, "list", file + ": mcast-groups");
        for (int i = 0; i < list.size(); i++) {
            String where = file + ": mcast-groups.list[" + i + "]";
            Map<String, Object> m = Yaml.map(list.get(i), where);
            out.add(new Group(Yaml.required(m, "name", where), (int) Yaml.number(m, "value", -1, where)));
        }
        return out;
    }
}
