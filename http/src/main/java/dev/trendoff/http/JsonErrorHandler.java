package dev.trendoff.http;

import java.nio.ByteBuffer;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** The errors Jetty answers itself (a malformed request line or URI, a header too large): JSON too, never a stack trace. */
final class JsonErrorHandler extends ErrorHandler {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  JsonErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) throws java.io.IOException {
    String reason = message != null && !message.isBlank() ? message : HttpStatus.getMessage(code);
    byte[] body = MAPPER.writeValueAsBytes(MAPPER.createObjectNode().put("error", "http_" + code).put("message", reason));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
