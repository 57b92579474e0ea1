package com.wholesaler.marketing.approval;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.AuthorizationExceptionDto;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JacksonException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The answer of the engine's REST API (Tasklist's and Modeler's) when a call fails: a refusal written
 * for the user is 400 with its message as it is; no rights is 403 in Chinese; a malformed request is
 * 400; anything else is 500 with a sentence, logged here in full. No answer carries the engine's
 * English prefix, an internal id, a Java class name or SQL, except that the 403's type stays
 * "AuthorizationException": the webapps read that word to show their "not allowed" notice.
 */
public final class RestRefusals {

	private static final Logger log = LoggerFactory.getLogger(RestRefusals.class);

	private RestRefusals() {
	}

	public static Response toResponse(Throwable thrown) {
		String refusal = userRefusal(thrown, RefusedRequest.takeLast());
		if (refusal != null) {
			log.debug("Refused: {}", refusal);
			return answer(Response.Status.BAD_REQUEST, "Refused", refusal);
		}
		AuthorizationException forbidden = find(thrown, AuthorizationException.class);
		if (forbidden != null) {
			AuthorizationExceptionDto dto = AuthorizationExceptionDto.fromException(forbidden);
			dto.setMessage(notPermitted(forbidden));
			return Response.status(Response.Status.FORBIDDEN).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
		}
		if (find(thrown, NotFoundException.class) != null || find(thrown, NullValueException.class) != null) {
			return answer(Response.Status.NOT_FOUND, "NotFound", "找不到要處理的對象，可能已被處理或不存在 (not found: it may have been handled already)");
		}
		if (find(thrown, OptimisticLockingException.class) != null) {
			return answer(Response.Status.CONFLICT, "Conflict", "資料剛被別人修改，請重新整理後再試 (changed by someone else meanwhile; reload and try again)");
		}
		if (mentions(thrown, "has an invalid id")) {
			return answer(Response.Status.BAD_REQUEST, "Refused", "編號只能用字母和數字，不能有空格或符號 (an id may use letters and digits only)");
		}
		Response.Status status = status(thrown);
		if (status.getFamily() == Response.Status.Family.CLIENT_ERROR) {
			return answer(status, "InvalidRequest", "請求的格式或內容不對，未做任何修改 (the request is malformed; nothing was changed)");
		}
		log.error("The engine's REST API failed", thrown);
		return answer(Response.Status.INTERNAL_SERVER_ERROR, "Error", "系統處理時出錯，未做任何修改，已記錄，請聯繫系統管理員 (an internal error; nothing was changed; it has been logged)");
	}

	/** What to tell a person on a portal page about a failed engine call: the refusal's own sentence, never the engine's text. */
	public static String sentence(Throwable thrown) {
		String refusal = userRefusal(thrown, RefusedRequest.takeLast());
		if (refusal != null) {
			return refusal;
		}
		AuthorizationException forbidden = find(thrown, AuthorizationException.class);
		if (forbidden != null) {
			return notPermitted(forbidden);
		}
		if (find(thrown, NotFoundException.class) != null || find(thrown, NullValueException.class) != null) {
			return "找不到要處理的對象，可能已被處理或不存在 (not found: it may have been handled already)";
		}
		log.error("An engine call from a page failed", thrown);
		return "系統處理時出錯，未做任何修改，已記錄，請聯繫系統管理員 (an internal error; nothing was changed; it has been logged)";
	}

	/** A message written for the user somewhere in the chain: a rule of the application, or the guard's. */
	private static String userRefusal(Throwable thrown, String lastRefusal) {
		for (Throwable t = thrown; t != null; t = t.getCause()) {
			if (t instanceof BusinessRuleException || t instanceof RefusedRequest) {
				return t.getMessage();
			}
			if (lastRefusal != null && t.getMessage() != null && t.getMessage().contains(lastRefusal)) {
				return lastRefusal;
			}
		}
		return null;
	}

	private static boolean mentions(Throwable thrown, String text) {
		for (Throwable t = thrown; t != null; t = t.getCause()) {
			if (t.getMessage() != null && t.getMessage().contains(text)) {
				return true;
			}
		}
		return false;
	}

	/** Where nothing above applies, the status Camunda's own mappers would give (a bad migration plan is 400, ...). */
	private static Response.Status status(Throwable thrown) {
		Response.Status camunda = ExceptionHandlerHelper.getInstance().getStatus(thrown);
		if (camunda != Response.Status.INTERNAL_SERVER_ERROR) {
			return camunda;
		}
		RestException rest = find(thrown, RestException.class);
		if (rest != null && rest.getStatus() != null) {
			return rest.getStatus() == Response.Status.INTERNAL_SERVER_ERROR && find(thrown, BadUserRequestException.class) != null
					? Response.Status.BAD_REQUEST : rest.getStatus();
		}
		if (find(thrown, BadUserRequestException.class) != null || find(thrown, JacksonException.class) != null
				|| find(thrown, NumberFormatException.class) != null) {
			return Response.Status.BAD_REQUEST;
		}
		WebApplicationException web = find(thrown, WebApplicationException.class);
		if (web != null) {
			Response.Status s = Response.Status.fromStatusCode(web.getResponse().getStatus());
			return s == null ? Response.Status.INTERNAL_SERVER_ERROR : s;
		}
		return Response.Status.INTERNAL_SERVER_ERROR;
	}

	private static String notPermitted(AuthorizationException e) {
		String missing = e.getMissingAuthorizations() == null ? "" : e.getMissingAuthorizations().stream()
				.map(m -> m.getViolatedPermissionName() + " · " + m.getResourceType()
						+ (m.getResourceId() == null ? "" : " " + m.getResourceId()))
				.distinct().collect(Collectors.joining("; "));
		return "您的角色沒有這項權限，未做任何修改 (not permitted%s)".formatted(missing.isEmpty() ? "" : ": " + missing);
	}

	private static Response answer(Response.Status status, String type, String message) {
		ExceptionDto dto = new ExceptionDto();
		dto.setType(type);
		dto.setMessage(message);
		return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
	}

	private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
		for (Throwable t = thrown; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}
}
