/**
 * Traffic-control actions (tc-actions(8)): what a filter does with the packets it matches, and the
 * standalone actions filters can share by index. {@link io.github.netlink4j.tc.action.ActionSpec} is
 * what a caller asks for, {@link io.github.netlink4j.tc.action.Action} what the kernel reports, and
 * {@link io.github.netlink4j.tc.action.ActionOptions} the kind's settings (gact, mirred, skbedit, police,
 * pedit with its {@link io.github.netlink4j.tc.action.PeditKey}s; other kinds kept raw).
 *
 * {@snippet :
 * nl.actions().add(ActionSpec.gact(ActionControl.DROP).withIndex(5));       // tc actions add action gact drop index 5
 * nl.actions().list("mirred");                                               // tc actions ls action mirred
 * nl.actions().add(ActionSpec.of(new ActionOptions.Pedit(List.of(               // tc actions add action pedit ex
 *         PeditKey.of(PeditKey.Header.IP4, PeditKey.Command.SET, 16, 0x0ac80009L, 0)), //   munge ip dst set 10.200.0.9
 *         true, ActionControl.PASS)));
 * }
 */
package io.github.netlink4j.tc.action;
