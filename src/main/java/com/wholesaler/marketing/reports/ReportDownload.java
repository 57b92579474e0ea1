package com.wholesaler.marketing.reports;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.wholesaler.marketing.workbook.XlsxBook;

/** A workbook sent as a download, its Chinese file name kept (RFC 6266 filename*). */
final class ReportDownload {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private ReportDownload() {
	}

	static ResponseEntity<byte[]> of(String fileName, XlsxBook book) {
		return of(fileName, book.bytes());
	}

	static ResponseEntity<byte[]> of(String fileName, byte[] workbook) {
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename(fileName + ".xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
				.contentType(XLSX)
				.body(workbook);
	}
}
