package com.wholesaler.marketing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.PortalSession;

@IntegrationTest
class PortalPagesTest {

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	private static RequestPostProcessor director() {
		return user("director").authorities(() -> "centerDirector");
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
		mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
		mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("營銷中心流程平台")));
	}

	@Test
	void signsInWithTheEnginesUsersAndPasswords() throws Exception {
		mvc.perform(post("/login").param("username", "director").param("password", "demo").with(csrf()))
				.andExpect(redirectedUrl("/"));
		mvc.perform(post("/login").param("username", "deputy").param("password", "nope").with(csrf()))
				.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void homeShowsMyTasksAndTheStockWarning() throws Exception {
		mvc.perform(get("/").with(director()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("我的待辦")))
				.andExpect(content().string(containsString("庫存預警")))
				.andExpect(content().string(containsString("營銷中心主任")));
	}

	@Test
	void productsCanBeSearchedAndShowPriceClassAndCover() throws Exception {
		mvc.perform(get("/products").param("q", "中華").with(director()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("中華(")))
				.andExpect(content().string(not(containsString("玉溪("))))
				.andExpect(content().string(containsString("存銷天數")));
	}

	@Test
	void retailersByTierAndRegion() throws Exception {
		mvc.perform(get("/retailers").param("tier", "30").param("region", "R01").with(director()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("城東區域市場部")))
				.andExpect(content().string(containsString("檔位")));
		mvc.perform(get("/manufacturers").with(director()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("上海煙草集團有限責任公司")));
	}

	@Test
	void switchesToEnglish() throws Exception {
		mvc.perform(get("/products").param("lang", "en").with(director()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Allocation price")));
	}

	@Test
	void anUnknownPageGetsAFriendlyErrorPageNotAStackTrace() {
		HttpResponse<String> page = PortalSession.signIn(port, "director", "demo").get("/no-such-page");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("找不到您要的頁面").doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void healthIsPublicAndCoversDatabaseAndEngine() throws Exception {
		mvc.perform(get("/actuator/health"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("UP"))
				.andExpect(jsonPath("$.components.db.status").value("UP"))
				.andExpect(jsonPath("$.components.processEngine.status").value("UP"));
	}

	@Test
	void oneLoginOpensTasklistAndCockpitOnlyForProcessOwners() {
		PortalSession director = PortalSession.signIn(port, "director", "demo");
		assertThat(director.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
		assertThat(director.get("/camunda/api/engine/engine/default/filter").body()).contains("待我審批");
		assertThat(director.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);

		PortalSession owner = PortalSession.signIn(port, "owner", "demo");
		assertThat(owner.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
		assertThat(owner.get("/camunda/api/engine/engine/default/filter").body()).doesNotContain("待我審批");
	}
}
