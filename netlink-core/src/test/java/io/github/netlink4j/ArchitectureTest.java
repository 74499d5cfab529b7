package io.github.netlink4j;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package structure, read from the compiled classes (not from import lines):
 * <pre>
 *   io.github.netlink4j (the client and its handles), topology             the top
 *   internal.codec                                                         message codecs, one descriptor per family (Families)
 *   internal.codec.kind                                                    one descriptor per link kind (LinkKinds)
 *   link, address, route, neighbour, bridge, event, genl, tc (the model)   records, specs, enums
 *   common, error, support                                           shared values and helpers
 *   internal.transport → internal.wire → internal.sys                      the socket, beside the model
 * </pre>
 * Every arrow points down; no package cycle anywhere. The one arrow pointing up, from internal.wire's
 * AttrNames to the families' layouts, is a service (module-info {@code uses}/{@code provides}), not a
 * class the wire layer names. Nothing in the library names JUnit: the kit is the netlink-junit module's.
 */
class ArchitectureTest {
    private static final String BASE = "io.github.netlink4j";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(BASE);

    /** The model packages: what users hold in their hands, with no behaviour that reaches the kernel. */
    static final List<String> MODEL = List.of("link", "address", "route", "neighbour", "bridge", "event", "genl", "tc", "conntrack", "tuntap", "sockdiag");

    private static String[] pkgs(String... names) {
        return java.util.Arrays.stream(names).map(n -> BASE + "." + n + "..").toArray(String[]::new);
    }

    @Test
    void importedTheMainClasses() {
        assertTrue(MAIN.size() > 150, "the rules below saw " + MAIN.size() + " classes");
    }

    @Test
    void modelPackagesUseOnlySharedValuesErrorsAndHelpers() {
        for (String m : MODEL) {
            ArchRule r = noClasses().that().resideInAPackage(BASE + "." + m + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            BASE, BASE + ".internal.codec..", BASE + ".internal.transport..", BASE + ".internal.wire..",
                            BASE + ".internal.sys..", BASE + ".topology..", BASE + ".generic..")
                    .because("the model sits below the codec and the handles: it never reaches the kernel");
            r.check(MAIN);
        }
    }

    @Test
    void sharedValuesAndHelpersKnowNoFamily() {
        ArchRule r = noClasses().that().resideInAnyPackage(pkgs("common", "error", "support"))
                .should().dependOnClassesThat().resideInAnyPackage(pkgs("link", "address", "route", "neighbour", "bridge", "event",
                        "genl", "tc", "conntrack", "tuntap", "sockdiag", "internal.codec", "internal.transport", "internal.sys", "topology", "generic"))
                .orShould().dependOnClassesThat().resideInAPackage(BASE);
        r.check(MAIN);
    }

    @Test
    void wireIsPureAndSysKnowsNothingAbove() {
        noClasses().that().resideInAPackage(BASE + ".internal.wire..")
                .should().dependOnClassesThat().resideInAnyPackage(pkgs("internal.sys", "internal.transport", "internal.codec"))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.foreign.Linker")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.foreign.SymbolLookup")
                .check(MAIN);
        noClasses().that().resideInAPackage(BASE + ".internal.sys..")
                .should().dependOnClassesThat().resideInAnyPackage(pkgs("internal.wire", "internal.transport", "internal.codec"))
                .check(MAIN);
    }

    @Test
    void transportKnowsNoModelNorCodec() {
        noClasses().that().resideInAPackage(BASE + ".internal.transport..")
                .should().dependOnClassesThat().resideInAnyPackage(pkgs("internal.codec", "link", "address", "route", "neighbour",
                        "bridge", "event", "genl", "tc", "conntrack", "tuntap", "sockdiag", "topology", "generic"))
                .orShould().dependOnClassesThat().resideInAPackage(BASE)
                .check(MAIN);
    }

    @Test
    void codecsUseNeitherTransportNorNativeCodeNorHandles() {
        noClasses().that().resideInAPackage(BASE + ".internal.codec..")
                .should().dependOnClassesThat().resideInAnyPackage(pkgs("internal.transport", "internal.sys", "topology", "generic"))
                .orShould().dependOnClassesThat().resideInAPackage(BASE)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.foreign.Linker")
                .check(MAIN);
    }

    @Test
    void handlesNeverSpeakWireDirectly() {
        noClasses().that().resideInAnyPackage(BASE, BASE + ".generic")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".internal.wire..")
                .because("handles build requests through the codecs and send them through the transport")
                .check(MAIN);
        noClasses().that().resideInAnyPackage(BASE, BASE + ".generic").and().doNotHaveSimpleName("NetNamespace")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".internal.sys..")
                .because("system calls are the namespace's (setns, mount) and the transport's (sockets)")
                .check(MAIN);
    }

    @Test
    void linkKindsKnowNoMessageCodec() {
        noClasses().that().resideInAPackage(BASE + ".internal.codec.kind..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".internal.codec")
                .orShould().dependOnClassesThat().resideInAnyPackage(pkgs("internal.transport", "internal.sys", "topology", "generic", "junit"))
                .orShould().dependOnClassesThat().resideInAPackage(BASE)
                .because("the link codec asks the kinds; a kind never reaches back up to a message codec or a handle")
                .check(MAIN);
    }

    /** Events, keys, resync and attribute names come from the registries, never from a switch over families of their own. */
    @Test
    void subscriptionEventsAndNamesAreDrivenByTheRegistries() {
        noClasses().that().haveFullyQualifiedName(BASE + ".Subscription")
                .or().haveFullyQualifiedName(BASE + ".internal.codec.EventCodec")
                .or().haveFullyQualifiedName(BASE + ".internal.codec.EventCodec$Decoded")
                .should().dependOnClassesThat().resideInAnyPackage(pkgs("link", "address", "route", "neighbour", "tc", "conntrack"))
                .orShould().dependOnClassesThat(JavaClass.Predicates.simpleNameEndingWith("Codec")
                        .and(DescribedPredicate.not(JavaClass.Predicates.simpleNameStartingWith("EventCodec"))))
                .because("Families lists what each family decodes to, is keyed by and resyncs with")
                .check(MAIN);
        noClasses().that().haveFullyQualifiedName(BASE + ".internal.wire.AttrNames")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".internal.wire.uapi..")
                .because("every name comes from a MessageLayout, which the families and kinds describe")
                .check(MAIN);
    }

    /** Every package below the base is a slice, the base itself one more; no two slices depend on each other both ways. */
    @Test
    void noPackageCycle() {
        SliceAssignment byPackage = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                if (!p.startsWith(BASE)) return SliceIdentifier.ignore();
                return SliceIdentifier.of(p.equals(BASE) ? "(root)" : p.substring(BASE.length() + 1));
            }

            @Override
            public String getDescription() {
                return "each package of netlink4j";
            }
        };
        slices().assignedFrom(byPackage).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noPackageHoldsMoreThanTwentyFiveTopLevelTypes() {
        Map<String, Long> sizes = MAIN.stream().filter(c -> c.getEnclosingClass().isEmpty() && !c.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(JavaClass::getPackageName, TreeMap::new, Collectors.counting()));
        Map<String, Long> big = sizes.entrySet().stream().filter(e -> e.getValue() > 25)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), big, "packages over 25 files: " + sizes);
    }

    @Test
    void theLibraryNeverNamesJunit() throws IOException {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..")
                .because("test scaffolding lives in the netlink-junit module, not in every user's module graph")
                .check(MAIN);
        String mi = Files.readString(Path.of("src/main/java/module-info.java"));
        assertTrue(!mi.contains("org.junit") && !mi.contains(".junit;"), mi);
    }

    @Test
    void noPublicSignatureOfTheApiNamesAnInternalType() {
        List<String> leaks = new java.util.ArrayList<>();
        for (JavaClass c : MAIN) {
            if (c.getPackageName().startsWith(BASE + ".internal") || !visible(c)) continue;
            for (com.tngtech.archunit.core.domain.JavaCodeUnit u : c.getCodeUnits()) {
                var mods = u.getModifiers();
                if (!mods.contains(JavaModifier.PUBLIC) && !mods.contains(JavaModifier.PROTECTED)) continue;
                List<JavaClass> types = new java.util.ArrayList<>(u.getRawParameterTypes());
                types.add(u.getRawReturnType());
                for (JavaClass t : types) {
                    if (t.getPackageName().startsWith(BASE + ".internal")) leaks.add(u.getFullName() + " names " + t.getName());
                }
            }
        }
        assertEquals(List.of(), leaks, "the exported API's signatures name internal types, which callers cannot use");
    }

    /** A public class, nested only in public classes: what a caller outside the module can see. */
    private static boolean visible(JavaClass c) {
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (!k.getModifiers().contains(JavaModifier.PUBLIC)) return false;
        }
        return true;
    }

    @Test
    void onlyApiPackagesAreExported() throws IOException {
        String mi = Files.readString(Path.of("src/main/java/module-info.java"));
        assertTrue(mi.contains("exports io.github.netlink4j;"));
        for (String m : MODEL) assertTrue(mi.contains("exports io.github.netlink4j." + m + ";"), m + " is exported");
        assertTrue(!mi.contains("exports io.github.netlink4j.internal"), mi);
    }
}
