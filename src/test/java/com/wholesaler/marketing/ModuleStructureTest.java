package com.wholesaler.marketing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * One package per business capability, each depending only downwards: on the shared packages
 * (approval, catalog, identity, numbering) and, where a capability builds on another, only through
 * that one's named entry points. The table below is the rule; a new dependency changes it on purpose.
 */
class ModuleStructureTest {

	private static final String BASE = "com.wholesaler.marketing";
	private static final Set<String> CAPABILITY_BASE = Set.of("approval", "catalog", "identity", "numbering", "workbook");

	/** Which packages each package may use. */
	private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
			entry("", Set.of()),
			entry("identity", Set.of()),
			entry("numbering", Set.of()),
			// spreadsheets written the one way: frozen Chinese headers, widths, number formats
			entry("workbook", Set.of()),
			// the supply-state report hands a rationing proposal on as a shortage case
			entry("reports", union(CAPABILITY_BASE, "substitution")),
			entry("operations", Set.of()),
			entry("approval", Set.of("identity")),
			entry("catalog", Set.of("approval", "identity")),
			entry("models", Set.of("approval", "identity")),
			// the purchase plan of a month is drawn from its approved sales plan
			entry("purchaseplan", union(CAPABILITY_BASE, "salesplan")),
			entry("pricing", CAPABILITY_BASE),
			entry("substitution", CAPABILITY_BASE),
			entry("contract", union(CAPABILITY_BASE, "purchaseplan")),
			entry("ordering", CAPABILITY_BASE),
			entry("salesplan", CAPABILITY_BASE),
			entry("manufacturers", CAPABILITY_BASE),
			entry("brands", CAPABILITY_BASE),
			entry("desk", CAPABILITY_BASE),
			entry("web", Set.of("approval", "catalog", "identity")),
			entry("notification", Set.of("approval", "identity")),
			// the demo drives every process as the demo users would, through the engine
			entry("demo", Set.of("approval", "catalog", "identity")));

	/** Where a capability builds on another: only these of its classes. */
	private static final Map<String, Set<String>> ENTRY_POINTS = Map.of(
			"purchaseplan", Set.of("PurchasePlans", "ApprovedPurchase", "ApprovedPurchase$Line"),
			"substitution", Set.of("ShortageProcess", "ShortageCases", "ShortageCase"),
			"salesplan", Set.of("SalesPlans", "SalesPlans$SalesPlan", "SalesPlanLine"));

	private static final JavaClasses CLASSES = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);

	private static Set<String> union(Set<String> a, String b) {
		Set<String> all = new TreeSet<>(a);
		all.add(b);
		return all;
	}

	private static String packageOf(JavaClass type) {
		String name = type.getPackageName();
		return name.equals(BASE) ? "" : name.substring(BASE.length() + 1).split("\\.")[0];
	}

	@Test
	void everyPackageUsesOnlyWhatItsRowAllows() {
		Set<String> violations = new TreeSet<>();
		for (JavaClass type : CLASSES) {
			String from = packageOf(type);
			assertThat(MAY_USE).as("package %s has a row in the table", from).containsKey(from);
			for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
				JavaClass target = dependency.getTargetClass();
				if (!target.getPackageName().startsWith(BASE)) {
					continue;
				}
				String to = packageOf(target);
				if (to.equals(from)) {
					continue;
				}
				if (!MAY_USE.get(from).contains(to)) {
					violations.add(from + " -> " + to + ": " + type.getSimpleName() + " uses " + target.getName());
				}
				else if (ENTRY_POINTS.containsKey(to) && !ENTRY_POINTS.get(to).contains(target.getName().substring(target.getPackageName().length() + 1))) {
					violations.add(from + " -> " + to + " past its entry points: " + type.getSimpleName() + " uses " + target.getName());
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void noCyclesBetweenPackages() {
		slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
	}
}
