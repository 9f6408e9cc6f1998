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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency direction of docs/adr/0001-module-layout.md, checked on the compiled classes. */
class DependencyDirectionTest {

    private static final String STORE_API = "io.annal.store";
    private static final String STORE_SPI = "io.annal.store.spi";
    private static final List<String> BACKENDS =
            List.of("io.annal.store.memory..", "io.annal.store.embedded..", "io.annal.store.postgres..");

    private static JavaClasses annal;

    @BeforeAll
    static void importAnnal() {
        annal = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.annal");
    }

    @Test
    void every_module_is_on_the_class_path_of_this_check() {
        for (String pkg : List.of(
                "io.annal.domain",
                "io.annal.store.embedded",
                "io.annal.store.postgres",
                "io.annal.command",
                "io.annal.projection",
                "io.annal.readmodels",
                "io.annal.process",
                "io.annal.kafka",
                "io.annal.http",
                "io.annal.server")) {
            if (annal.stream().noneMatch(c -> c.getPackageName().startsWith(pkg))) {
                throw new AssertionError("no classes of " + pkg + " were imported: add its module to annal-it");
            }
        }
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
                .resideInAnyPackage(STORE_API, STORE_SPI)
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(STORE_API, STORE_SPI, "java.."));
    }

    @Test
    void backends_depend_on_the_store_api_only_among_annal_modules() {
        for (String backend : BACKENDS) {
            onlyAnnalDependencies(backend, STORE_API, STORE_SPI);
        }
    }

    @Test
    void command_runtime_depends_on_the_domain_and_the_store_api_only() {
        onlyAnnalDependencies("io.annal.command..", "io.annal.domain..", STORE_API, STORE_SPI);
    }

    @Test
    void projections_depend_on_the_domain_and_the_store_api_only() {
        onlyAnnalDependencies("io.annal.projection..", "io.annal.domain..", STORE_API, STORE_SPI);
    }

    @Test
    void reference_read_models_depend_on_the_examples_and_the_projection_modules_only() {
        onlyAnnalDependencies(
                "io.annal.readmodels..", "io.annal.examples..", "io.annal.codec..", "io.annal.projection..", STORE_API);
    }

    @Test
    void only_the_server_examples_and_benchmarks_choose_a_backend() {
        check(noClasses()
                .that()
                .resideOutsideOfPackages(Stream.concat(
                                BACKENDS.stream(),
                                Stream.of(
                                        "io.annal.server..",
                                        "io.annal.examples..",
                                        "io.annal.benchmarks..",
                                        "io.annal.store.tck.."))
                        .toArray(String[]::new))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(BACKENDS.toArray(String[]::new)));
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
    void nothing_depends_on_the_server() {
        check(noClasses()
                .that()
                .resideOutsideOfPackages("io.annal.server..", "io.annal.benchmarks..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.annal.server.."));
    }

    @Test
    void only_the_server_the_reference_read_models_and_benchmarks_depend_on_the_examples() {
        check(noClasses()
                .that()
                .resideOutsideOfPackages(
                        "io.annal.examples..", "io.annal.readmodels..", "io.annal.server..", "io.annal.benchmarks..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.annal.examples.."));
    }

    /** Classes in {@code module} may use, of Annal, only their own module and {@code allowed}. */
    private static void onlyAnnalDependencies(String module, String... allowed) {
        String[] permitted =
                Stream.concat(Stream.of(module), Stream.of(allowed)).toArray(String[]::new);
        check(noClasses()
                .that()
                .resideInAPackage(module)
                .should()
                .dependOnClassesThat(resideInAPackage("io.annal..").and(not(resideInAnyPackage(permitted)))));
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(annal);
    }
}
