package dev.trendoff.formats;

/** Parsing of single text fields shared by the CSV formats: blank means absent, anything else must parse. */
final class Fields {
  private Fields() {}

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static long id(String s, String name) throws BadField {
    if (blank(s)) {
      throw new BadField(RejectReason.BAD_ID, "no " + name);
    }
    String t = s.strip();
    try {
      long id = Long.parseLong(t);
      if (id <= 0) {
        throw new BadField(RejectReason.BAD_ID, name + " is not a positive number: " + t);
      }
      return id;
    } catch (NumberFormatException e) {
      throw new BadField(RejectReason.BAD_ID, name + " is not a whole number: " + shorten(t));
    }
  }

  static String required(String s, RejectReason reason, String name) throws BadField {
    if (blank(s)) {
      throw new BadField(reason, "no " + name);
    }
    return s;
  }

  static String optional(String s) {
    return blank(s) ? null : s.strip();
  }

  static Integer optionalInt(String s, String name) throws BadField {
    if (blank(s)) {
      return null;
    }
    String t = s.strip();
    try {
      return Integer.valueOf(t);
    } catch (NumberFormatException e) {
      throw new BadField(RejectReason.BAD_NUMBER, name + " is not a whole number: " + shorten(t));
    }
  }

  static Double optionalDouble(String s, String name) throws BadField {
    if (blank(s)) {
      return null;
    }
    String t = s.strip();
    try {
      double d = Double.parseDouble(t);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new BadField(RejectReason.BAD_NUMBER, name + " is not a number: " + shorten(t));
    }
  }

  /** Retweets in formats that do not mark them: the text begins with {@code RT @}. */
  static boolean looksLikeRetweet(String text) {
    return text.startsWith("RT @");
  }

  static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
