package nl.wijkopmaat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependency rules of the README, enforced.
 */
class ArchitectureTest {

    private static final String ROOT = "nl.wijkopmaat";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** Every package under the root except common is a feature, including those added later. */
    private static Set<String> features() {
        return CLASSES.stream()
                .map(JavaClass::getPackageName)
                .filter(name -> name.startsWith(ROOT + "."))
                .map(name -> name.substring(ROOT.length() + 1).split("\\.")[0])
                .filter(feature -> !feature.equals("common"))
                .collect(Collectors.toSet());
    }

    @Test
    void featuresAreFound() {
        assertThat(features()).contains("account", "geography", "wijkplatform", "initiative", "demo");
    }

    @Test
    void commonDependsOnNoFeature() {
        for (String feature : features()) {
            noClasses().that().resideInAPackage(ROOT + ".common..")
                    .should().dependOnClassesThat().resideInAPackage(ROOT + "." + feature + "..")
                    .check(CLASSES);
        }
    }

    @Test
    void repositoriesArePrivateToTheirFeature() {
        classes().that().areAssignableTo(GenericRepository.class).should().notBePublic().check(CLASSES);
        for (String feature : features()) {
            DescribedPredicate<JavaClass> repositoryOfFeature = DescribedPredicate.and(
                    JavaClass.Predicates.assignableTo(GenericRepository.class),
                    JavaClass.Predicates.resideInAPackage(ROOT + "." + feature + ".."));
            noClasses().that().resideOutsideOfPackage(ROOT + "." + feature + "..")
                    .should().dependOnClassesThat(repositoryOfFeature)
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }

    @Test
    void controllersHoldNoSql() {
        noClasses().that().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areAssignableTo(GenericRepository.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
                .orShould().dependOnClassesThat().areAssignableTo(DataSource.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Query.class.getName())
                .orShould().dependOnClassesThat().resideInAPackage("java.sql..")
                .check(CLASSES);
    }

    /**
     * The monitor counts what the features contribute and reads no feature itself: besides common it
     * knows only geography (the wijken and buurten it reports on).
     */
    @Test
    void theMonitorReadsNoFeatureButGeography() {
        for (String feature : features()) {
            if (!feature.equals("monitor") && !feature.equals("geography")) {
                noClasses().that().resideInAPackage(ROOT + ".monitor..")
                        .should().dependOnClassesThat().resideInAPackage(ROOT + "." + feature + "..")
                        .check(CLASSES);
            }
        }
    }

    /**
     * Features reach the monitor only through its contract, never its service, snapshot or views;
     * the demo data records its inhabitants through the service, as an admin would.
     */
    @Test
    void featuresContributeToTheMonitorThroughItsContractOnly() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".monitor..", ROOT + ".demo..")
                .should().dependOnClassesThat(DescribedPredicate.and(
                        JavaClass.Predicates.resideInAPackage(ROOT + ".monitor.."),
                        DescribedPredicate.not(JavaClass.Predicates.simpleName("MonitorContributor")
                                .or(JavaClass.Predicates.simpleName("MonitorFigures"))
                                .or(JavaClass.Predicates.simpleName("MonitorPeriod"))
                                .or(JavaClass.Predicates.simpleName("MonitorSql"))
                                .or(JavaClass.Predicates.simpleName("Figure")))))
                .check(CLASSES);
    }
}
