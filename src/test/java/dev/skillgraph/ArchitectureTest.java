package dev.skillgraph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: nothing imports api or app; seed reaches Neo4j only through graph. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.skillgraph");

    @Test
    void nothingDependsOnTheApiOrTheApplication() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.skillgraph.api..", "dev.skillgraph.app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.skillgraph.api..", "dev.skillgraph.app..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("dev.skillgraph.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.skillgraph.app..")
                .check(CLASSES);
    }

    @Test
    void onlyTheGraphPackageSpeaksToNeo4j() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.skillgraph.graph..", "dev.skillgraph.app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.neo4j..")
                .check(CLASSES);
    }

    @Test
    void theGraphPackageKnowsNothingOfSeedFilesOrHttp() {
        noClasses()
                .that()
                .resideInAPackage("dev.skillgraph.graph..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.skillgraph.seed..", "io.javalin..")
                .check(CLASSES);
    }

    @Test
    void learningPathsAndSearchKnowNothingOfNeo4jOrHttp() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.skillgraph.path..", "dev.skillgraph.search..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.neo4j..", "io.javalin..", "org.eclipse.jetty..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("dev.skillgraph.path..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.skillgraph.search..", "dev.skillgraph.projection..", "org.apache.lucene..")
                .check(CLASSES);
    }

    @Test
    void noClassWritesToStandardStreams() {
        com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CLASSES);
    }
}
