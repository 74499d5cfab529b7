package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.tc.action.ActionSpec;
import io.github.netlink4j.tc.filter.FilterOptions;

import java.util.List;
import java.util.OptionalLong;

/**
 * A filter kind's words read (FilterArgs' u32, matchall, basic and fw, FlowerArgs' flower).
 *
 * @param options the kind and its options
 * @param actions its actions
 * @param handle  the handle as the kind reads it, if given
 */
record FilterKind(FilterOptions options, List<ActionSpec> actions, OptionalLong handle) {}
