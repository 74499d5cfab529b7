/**
 * Traffic-control actions (tc-actions(8)): what a filter does with the packets it matches, and the
 * standalone actions filters can share by index. {@link io.github.netlink4j.tc.action.ActionSpec} is
 * what a caller asks for, {@link io.github.netlink4j.tc.action.Action} what the kernel reports, and
 * {@link io.github.netlink4j.tc.action.ActionOptions} the kind's settings (gact, mirred, skbedit; other
 * kinds kept raw).
 *
 * {@snippet :
 * nl.actions().add(ActionSpec.gact(ActionControl.DROP).withIndex(5));       // tc actions add action gact drop index 5
 * nl.actions().list("mirred");                                               // tc actions ls action mirred
 * }
 */
package io.github.netlink4j.tc.action;
