/**
 * netlink4j's JUnit 5 kit: {@link io.github.netlink4j.junit.NetnsExtension} gives each test a network
 * namespace of its own and fails the test if anything leaked. A separate module, so that the library's
 * own module graph never names JUnit.
 */
module io.github.netlink4j.junit {
    requires io.github.netlink4j;
    requires org.junit.jupiter.api;
    exports io.github.netlink4j.junit;
}
