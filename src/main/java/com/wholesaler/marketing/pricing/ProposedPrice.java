package com.wholesaler.marketing.pricing;

import java.math.BigDecimal;

/** What a proposer (or the authority) enters for one product; the allocation price may stay as it is. */
public record ProposedPrice(String productCode, BigDecimal wholesale, BigDecimal retail, BigDecimal allocation) {
}
