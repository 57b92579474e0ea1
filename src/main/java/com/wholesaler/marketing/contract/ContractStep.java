package com.wholesaler.marketing.contract;

public enum ContractStep {
	DRAFT("擬制合同"), REVIEW("品牌策劃部審核"), APPROVE("營銷中心主任審批"), SIGNING("會簽"), PERFORMANCE("履行（到貨、發票、付款）"), AMENDMENT("合同變更");

	private final String chineseName;

	ContractStep(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}
}
