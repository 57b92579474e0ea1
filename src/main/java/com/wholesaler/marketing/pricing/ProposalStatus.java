package com.wholesaler.marketing.pricing;

public enum ProposalStatus {
	REVISING("待修改"), IN_REVIEW("審批中"), REPORTED("已上報，待批覆"), ACCEPTED("已批准，待生效"),
	EFFECTIVE("已生效"), REFUSED("上級未批准"), REJECTED("已否決"), WITHDRAWN("已撤回");

	private final String chineseName;

	ProposalStatus(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}

	/** A product in a proposal of these states is still "under change". */
	public boolean isOpen() {
		return this == REVISING || this == IN_REVIEW || this == REPORTED || this == ACCEPTED;
	}
}
