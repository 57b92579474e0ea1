package com.wholesaler.marketing.substitution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/** The substitutes as the draft form's tag list, a REST client or an older form send them. */
class SubstitutesTest {

	@Test
	void readsATagListACommaListOrNothing() {
		assertThat(Substitutes.codes(null)).isNull();
		assertThat(Substitutes.codes("p0002, P0003，P0004")).isEqualTo("P0002,P0003,P0004");
		assertThat(Substitutes.codes("[\"P0002\",\"p0003\"]")).isEqualTo("P0002,P0003");
		assertThat(Substitutes.codes(List.of("P0002", " P0005 "))).isEqualTo("P0002,P0005");
		assertThat(Substitutes.codes(SpinValues.jsonValue("[\"P0007\"]").create().getValue())).isEqualTo("P0007");
		assertThat(Substitutes.codes("[]")).isEmpty();
	}

	@Test
	void refusesWhatIsNoList() {
		assertThatThrownBy(() -> Substitutes.codes("[P0002")).hasMessageContaining("替代規格應為規格代碼的清單");
		assertThatThrownBy(() -> Substitutes.codes(SpinValues.jsonValue("{\"a\":1}").create().getValue()))
				.hasMessageContaining("替代規格應為規格代碼的清單");
	}
}
