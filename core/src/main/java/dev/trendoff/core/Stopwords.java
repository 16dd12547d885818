package dev.trendoff.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The English stopword list bundled as {@code /trendoff/stopwords-en.txt}, one word a line. */
public final class Stopwords {

  private static final String RESOURCE = "/trendoff/stopwords-en.txt";
  private static final List<String> ENGLISH = load();

  private Stopwords() {}

  /** The list in file order. */
  public static List<String> englishList() {
    return ENGLISH;
  }

  public static Set<String> english() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(ENGLISH));
  }

  private static List<String> load() {
    try (InputStream in = Stopwords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("stopword list missing from the classpath: " + RESOURCE);
      }
      List<String> words = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          String w = line.strip();
          if (!w.isEmpty() && !w.startsWith("#")) {
            words.add(w);
          }
        }
      }
      return List.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
