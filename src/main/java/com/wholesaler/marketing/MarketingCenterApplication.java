package com.wholesaler.marketing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MarketingCenterApplication {

	public static void main(String[] args) {
		SpringApplication.run(MarketingCenterApplication.class, args);
	}
}
