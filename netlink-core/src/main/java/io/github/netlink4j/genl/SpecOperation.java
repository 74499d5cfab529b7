package io.github.netlink4j.genl;

/**
 * One operation of a family's spec, as {@link io.github.netlink4j.generic.SpecFamily#operations()} lists them.
 *
 * @param name         its spec name ({@code channels-get})
 * @param canDo        whether it can be asked as a do
 * @param canDump      whether it can be dumped
 * @param notification whether it is a notification, never asked for
 */
public record SpecOperation(String name, boolean canDo, boolean canDump, boolean notification) {}
