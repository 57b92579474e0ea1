package com.wholesaler.marketing.contract;

public enum ContractStatus {
	DRAFTING("起草中"), IN_REVIEW("審批中"), SIGNING("待會簽"), SIGNED("履行中"), DELIVERED("已全部到貨"),
	COMPLETED("已完成"), TERMINATED("已終止"), REJECTED("已否決"), CANCELLED("已取消");

	private final String chineseName;

	ContractStatus(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}
}
