/**
 * netlink4j's JUnit 5 kit: {@link io.github.netlink4j.junit.NetnsExtension} gives each test a network
 * namespace of its own and fails the test if anything leaked. A separate module, so that the library's
 * own module graph never names JUnit. Both requirements are transitive: the extension's signatures
 * show JUnit's callback types and the library's client, namespace and topology types.
 */
module io.github.netlink4j.junit {
    requires transitive io.github.netlink4j;
    requires transitive org.junit.jupiter.api;
    exports io.github.netlink4j.junit;
}
