package com.wholesaler.marketing.web;

import java.time.Clock;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import com.wholesaler.marketing.catalog.BusinessTime;

/** Chinese first; "?lang=en" switches the portal to English and a cookie keeps the choice. */
@Configuration
class WebConfig implements WebMvcConfigurer {

	/** The one clock: in the company's time zone, replaceable in tests. */
	@Bean
	Clock clock() {
		return Clock.system(BusinessTime.ZONE);
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("marketing-lang");
		resolver.setDefaultLocale(Locale.CHINESE);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		registry.addInterceptor(interceptor);
	}
}
