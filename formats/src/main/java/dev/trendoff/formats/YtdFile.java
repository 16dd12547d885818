package dev.trendoff.formats;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One data file of an X archive: a JavaScript assignment of a JSON array,
 * {@code window.YTD.tweets.part0 = [ {...}, {...} ]}, read element by element (a tweets file runs to
 * hundreds of MB), strictly as UTF-8. {@link #next()} gives each element with the line it starts on.
 */
final class YtdFile implements Closeable {

  /** What comes before the array: {@code window.YTD.<name>.part<N> =}. */
  static final Pattern PREFIX = Pattern.compile("\\s*window\\.YTD\\.[A-Za-z0-9_]+\\.part[0-9]+\\s*");
  private static final int MAX_PREFIX = 256;

  /** An element and the line of the file it starts on. */
  record Element(JsonNode node, long line) {}

  private final JsonParser parser;
  private boolean ended;

  /**
   * Reads the assignment's left side and the array's start; a file that is not such an assignment is
   * a {@link NotYtd} naming what it starts with.
   */
  YtdFile(InputStream in) throws IOException {
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    StringBuilder prefix = new StringBuilder();
    for (int c; (c = reader.read()) != '='; ) {
      if (c < 0 || prefix.length() >= MAX_PREFIX) {
        reader.close();
        throw notYtd(prefix);
      }
      prefix.append((char) c);
    }
    if (!PREFIX.matcher(prefix).matches()) {
      reader.close();
      throw notYtd(prefix);
    }
    this.parser = JsonFields.MAPPER.getFactory().createParser(reader);
    if (parser.nextToken() != JsonToken.START_ARRAY) {
      parser.close();
      throw new NotYtd("assigns no JSON array");
    }
  }

  private static NotYtd notYtd(CharSequence prefix) {
    return new NotYtd("does not start with 'window.YTD.<name>.part<N> = [' but with '"
        + Fields.shorten(prefix.toString().strip()) + "'");
  }

  /** The next element, or null after the last. */
  Element next() throws IOException {
    if (ended) {
      return null;
    }
    JsonToken t = parser.nextToken();
    if (t == JsonToken.END_ARRAY || t == null) {
      ended = true;
      return null;
    }
    long line = parser.currentTokenLocation().getLineNr();
    JsonNode node = parser.readValueAsTree();
    return new Element(node, line);
  }

  /** The line the parser has reached (for a rejection of what follows). */
  long line() {
    return parser.currentLocation().getLineNr();
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  /** A file of the archive that is not {@code window.YTD.… = [...]}. */
  static final class NotYtd extends IOException {
    private static final long serialVersionUID = 1L;

    NotYtd(String message) {
      super(message);
    }
  }
}
