package io.annal.it;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency direction of docs/adr/0001-module-layout.md, checked on the compiled classes. */
class DependencyDirectionTest {

    private static final String[] STORE_API = {"io.annal.store", "io.annal.store.spi"};
    private static final List<String> BACKENDS = List.of("io.annal.store.memory..", "io.annal.store.embedded..");

    private static JavaClasses annal;

    @BeforeAll
    static void importAnnal() {
        annal = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.annal");
    }

    @Test
    void domain_depends_on_the_jdk_only() {
        check(noClasses()
                .that()
                .resideInAPackage("io.annal.domain..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("io.annal.domain..", "java.."));
    }

    @Test
    void store_api_depends_on_the_jdk_only() {
        check(noClasses()
                .that()
                .resideInAnyPackage(STORE_API)
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("io.annal.store", "io.annal.store.spi", "java.."));
    }

    @Test
    void backends_depend_on_the_store_api_only_among_annal_modules() {
        for (String backend : BACKENDS) {
            check(noClasses()
                    .that()
                    .resideInAPackage(backend)
                    .should()
                    .dependOnClassesThat(resideInAPackage("io.annal..")
                            .and(not(resideInAnyPackage(backend, "io.annal.store", "io.annal.store.spi")))));
        }
    }

    @Test
    void the_store_never_sees_the_codec_or_the_domain() {
        check(noClasses()
                .that()
                .resideInAPackage("io.annal.store..")
                .and()
                .resideOutsideOfPackage("io.annal.store.tck..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.annal.codec..", "io.annal.domain..", "com.fasterxml.."));
    }

    @Test
    void nothing_depends_on_the_examples_or_the_server() {
        check(noClasses()
                .that()
                .resideOutsideOfPackages("io.annal.examples..", "io.annal.server..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.annal.examples..", "io.annal.server.."));
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(annal);
    }
}
