package dev.gallerykit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The core stays independent of every store and transport, so that adapters can be swapped. */
class DependencyRuleTest {

    private static JavaClasses api;

    @BeforeAll
    static void importApi() {
        api = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gallerykit");
    }

    @Test
    @DisplayName("gallery-api uses no AWS, JDBC, jOOQ, HTTP-server, servlet or mail types")
    void noInfrastructureTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..",
                        "java.sql..", "javax.sql..", "org.jooq..", "com.zaxxer..", "org.flywaydb..",
                        "javax.servlet..", "jakarta.servlet..", "jakarta.ws..", "javax.ws..",
                        "org.springframework..", "io.micronaut..", "io.quarkus..", "io.javalin..",
                        "com.sun.net.httpserver..", "org.eclipse.jetty..", "io.netty..",
                        "jakarta.mail..", "javax.mail..", "com.nimbusds..")
                .because("the core is hexagonal: stores and transports live in adapter modules")
                .check(api);
    }

    @Test
    @DisplayName("domain, errors and ports do not reach into the services or the adapters")
    void innerLayersStayInner() {
        noClasses().that().resideInAnyPackage("dev.gallerykit.domain..", "dev.gallerykit.error..", "dev.gallerykit.spi..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gallerykit.internal..", "dev.gallerykit.memory..")
                .check(api);
    }

    @Test
    @DisplayName("an internal class is public only when another package of gallery-api uses it")
    void internalsAreHidden() {
        classes().that().resideInAPackage("dev.gallerykit.internal..").and().arePublic()
                // Called by gallery-benchmarks, on the class path; each says so in its Javadoc.
                .and().doNotHaveFullyQualifiedName("dev.gallerykit.internal.image.ScalingProbe")
                .and().doNotHaveFullyQualifiedName("dev.gallerykit.internal.image.ChannelImageInputStream")
                .should(beUsedFromAnotherPackage())
                .check(api);
    }

    private static ArchCondition<JavaClass> beUsedFromAnotherPackage() {
        return new ArchCondition<>("be used from another package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean used = item.getDirectDependenciesToSelf().stream()
                        .anyMatch(dependency -> !dependency.getOriginClass().getPackageName().equals(item.getPackageName()));
                if (!used) {
                    events.add(SimpleConditionEvent.violated(item, item.getName()
                            + " is public but only its own package uses it: make it package-private"));
                }
            }
        };
    }
}
