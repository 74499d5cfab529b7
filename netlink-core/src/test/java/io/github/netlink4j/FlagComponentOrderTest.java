package io.github.netlink4j;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One component order for a flag word in every public record (ARCHITECTURE.md, Vocabulary): the kernel's
 * word first, its typed set right after ({@code rawFlags, flags}; {@code rawState, state}), so that a
 * reader who knows one record's constructor knows them all.
 */
class FlagComponentOrderTest {
    @Test
    void theRawWordComesFirstAndTheSetRightAfter() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.netlink4j")) {
            Class<?> k = c.reflect();
            if (!k.isRecord() || k.getPackageName().contains(".internal") || !java.lang.reflect.Modifier.isPublic(k.getModifiers())) continue;
            RecordComponent[] rc = k.getRecordComponents();
            for (int i = 0; i < rc.length; i++) {
                String n = rc[i].getName();
                if (!n.startsWith("raw") || n.length() < 4) continue;
                String typed = Character.toLowerCase(n.charAt(3)) + n.substring(4);
                checked++;
                if (i + 1 >= rc.length || !rc[i + 1].getName().equals(typed)) {
                    wrong.add(k.getName() + ": " + n + " is not followed by " + typed);
                }
            }
        }
        assertTrue(checked >= 7, "Link, Route, Rule, NexthopObject, Address and Neighbour's two words: " + checked);
        assertEquals(List.of(), wrong);
    }
}
