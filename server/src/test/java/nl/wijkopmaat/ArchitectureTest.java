package nl.wijkopmaat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rules of the README, enforced.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.wijkopmaat");

    @Test
    void commonDependsOnNoFeature() {
        noClasses().that().resideInAPackage("nl.wijkopmaat.common..")
                .should().dependOnClassesThat().resideOutsideOfPackages("nl.wijkopmaat.common..", "java..", "javax..",
                        "jakarta..", "io.micronaut..", "org.slf4j..", "org.yaml..", "org.reactivestreams..",
                        "ch.vorburger..", "com.fasterxml..")
                .check(CLASSES);
    }

    @Test
    void aFeatureOnlyUsesItsOwnRepositories() {
        classes().that().areAssignableTo(GenericRepository.class)
                .should().onlyBeAccessed().byClassesThat().resideInAPackage("nl.wijkopmaat..")
                .andShould().notBePublic()
                .check(CLASSES);
        for (String feature : new String[] {"account", "geography", "wijkplatform", "demo"}) {
            noClasses().that().resideOutsideOfPackage("nl.wijkopmaat." + feature + "..")
                    .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.and(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(GenericRepository.class),
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("nl.wijkopmaat." + feature + "..")))
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }

    @Test
    void controllersHoldNoSql() {
        noClasses().that().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areAssignableTo(Connection.class)
                .orShould().dependOnClassesThat().areAssignableTo(GenericRepository.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Query.class.getName())
                .orShould().dependOnClassesThat().resideInAPackage("java.sql..")
                .check(CLASSES);
    }
}
