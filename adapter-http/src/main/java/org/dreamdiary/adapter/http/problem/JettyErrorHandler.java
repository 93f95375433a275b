package org.dreamdiary.adapter.http.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.dreamdiary.adapter.http.json.Json;
import org.dreamdiary.adapter.http.observability.RequestIds;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty answers some requests before Javalin sees them (an ambiguous or malformed URI, oversized headers).
 * This handler makes those answers problem+json too, instead of Jetty's HTML error page.
 */
public final class JettyErrorHandler extends ErrorHandler {
    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        writeProblem(request, response, response.getStatus(), message == null ? null : message.toString());
        baseRequest.setHandled(true);
    }

    /** Answers, with a problem, a request that no route will see. */
    public static void writeProblem(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        String requestId = RequestIds.generate();
        byte[] body = body(status, detail, request.getRequestURI(), requestId);
        response.setStatus(status);
        response.setContentType(ErrorResponder.PROBLEM_JSON);
        response.setHeader(RequestIds.HEADER, requestId);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = RequestIds.generate();
        fields.put(HttpHeader.CONTENT_TYPE, ErrorResponder.PROBLEM_JSON);
        fields.put(RequestIds.HEADER, requestId);
        return ByteBuffer.wrap(body(status, reason, "", requestId));
    }

    /** Jetty's statuses (431, 414, ...) keep their own code and reason; the type is the nearest of the API's. */
    private static byte[] body(int status, String reason, String instance, String requestId) {
        ProblemType type = ProblemType.forStatus(status);
        String title = status == type.status() ? type.title() : HttpStatus.getMessage(status);
        String detail = reason == null || reason.isBlank() ? title : reason;
        return Json.write(new Problem(type.uri(), title, status, detail, instance == null ? "" : instance, requestId, null));
    }
}
