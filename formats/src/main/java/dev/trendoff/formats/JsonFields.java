package dev.trendoff.formats;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.trendoff.avro.Coordinates;

/**
 * Reading single fields of the JSON formats (v1.1 statuses, X API v2, the X archive), which disagree
 * on how they write numbers: v1.1 and v2 as JSON numbers, the archive as strings ({@code "id_str"},
 * {@code "favorite_count": "3"}). Every reader here takes both. Absent or null means absent; anything
 * else must parse, or it is a {@link BadField}.
 */
final class JsonFields {
  private JsonFields() {}

  static final ObjectMapper MAPPER = new ObjectMapper();

  /** One JSON object of a record, or the rejection saying why the record is not one. */
  static JsonNode object(String record) throws BadField {
    JsonNode n;
    try {
      n = MAPPER.readTree(record);
    } catch (JsonProcessingException e) {
      throw new BadField(RejectReason.MALFORMED_JSON, "malformed JSON: " + e.getOriginalMessage());
    }
    if (n == null || !n.isObject()) {
      throw new BadField(RejectReason.MALFORMED_JSON, "not a JSON object");
    }
    return n;
  }

  /** A string field, or null when absent, null or not a string. */
  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  /** A non-blank string field, or a {@link BadField} with {@code reason} naming {@code what}. */
  static String required(JsonNode n, String field, RejectReason reason, String what) throws BadField {
    return Fields.required(text(n, field), reason, what);
  }

  /**
   * The tweet id: the first of {@code fields} that holds a positive whole number, written as a JSON
   * number or as a string of digits (v1.1 writes both {@code id} and {@code id_str}: a float
   * {@code id} from a lossy tool still has its {@code id_str}).
   */
  static long id(JsonNode n, String... fields) throws BadField {
    BadField first = null;
    for (String field : fields) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) {
        continue;
      }
      try {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
          if (v.asLong() <= 0) {
            throw new BadField(RejectReason.BAD_ID, field + " is not positive: " + v.asLong());
          }
          return v.asLong();
        }
        if (v.isTextual()) {
          return Fields.id(v.asText(), field);
        }
        throw new BadField(RejectReason.BAD_ID, field + " is not a whole number: " + Fields.shorten(v.toString()));
      } catch (BadField e) {
        first = first == null ? e : first;
      }
    }
    throw first != null ? first : new BadField(RejectReason.BAD_ID, "no " + String.join(" or ", fields));
  }

  /** A count (likes, retweets, followers): a whole number or a string of one, or null when absent. */
  static Integer count(JsonNode n, String field) throws BadField {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.intValue();
    }
    if (v.isTextual()) {
      return Fields.optionalInt(v.asText(), field);
    }
    throw new BadField(RejectReason.BAD_NUMBER, field + " is not a whole number: " + Fields.shorten(v.toString()));
  }

  /** A boolean written as one, or null when absent. */
  static Boolean flag(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asBoolean();
  }

  /** A required time in {@code format}; {@code example} shows the expected shape in the rejection. */
  static Instant time(JsonNode n, String field, DateTimeFormatter format, String example) throws BadField {
    String s = text(n, field);
    if (s == null) {
      throw new BadField(RejectReason.BAD_DATE, "no " + field);
    }
    try {
      return format.parse(s.strip(), Instant::from);
    } catch (DateTimeParseException e) {
      throw new BadField(RejectReason.BAD_DATE, field + " is not like '" + example + "': " + Fields.shorten(s));
    }
  }

  /** A GeoJSON point {@code {"type": "Point", "coordinates": [lon, lat]}} (numbers or strings of them), or null. */
  static Coordinates point(JsonNode geo) throws BadField {
    JsonNode pair = geo.path("coordinates");
    if (!pair.isArray() || pair.size() != 2) {
      return null;
    }
    Double lon = number(pair.get(0));
    Double lat = number(pair.get(1));
    if (lon == null || lat == null || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      throw new BadField(RejectReason.BAD_NUMBER, "coordinates are not a longitude and a latitude: "
          + Fields.shorten(pair.toString()));
    }
    return new Coordinates(lat, lon);
  }

  private static Double number(JsonNode v) {
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isTextual()) {
      try {
        double d = Double.parseDouble(v.asText().strip());
        return Double.isFinite(d) ? d : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
