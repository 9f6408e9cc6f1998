package io.annal.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.annal.http.HttpApi;
import org.junit.jupiter.api.Test;

/** The HTTP API knows the store's and the command runtime's APIs, never a backend, a domain or the server. */
class LayeringTest {

    // only the annal-http classes themselves: scanning the whole class path takes seconds
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(java.util.Set.of(com.tngtech.archunit.core.importer.Location.of(
                    HttpApi.class.getProtectionDomain().getCodeSource().getLocation())));

    @Test
    void the_http_api_depends_on_no_backend_domain_or_server() {
        noClasses()
                .that()
                .resideInAPackage("io.annal.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.annal.server..",
                        "io.annal.examples..",
                        "io.annal.store.embedded..",
                        "io.annal.store.postgres..",
                        "io.annal.store.memory..")
                .check(classes);
    }
}
