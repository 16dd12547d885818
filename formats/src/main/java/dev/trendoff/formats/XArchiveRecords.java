package dev.trendoff.formats;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The tweets of one or more X archives, one record each, archive after archive and part after part.
 * A record is a JSON object: the tweet as the archive holds it ({@code tweet}), the archive's author
 * ({@code username}, {@code displayName}), the whole text of a long post when note-tweet.js has it
 * ({@code noteText}) and the archive's name ({@code archive}); {@link XArchiveTweet} parses it. An
 * edited post appears once per version: only the last version of its {@code edit_info} is a record,
 * the earlier ones are counted as skipped ({@code earlier-edit}). A part that is not valid JSON or not
 * UTF-8 is one rejection from the point where it breaks; the next part is read.
 */
final class XArchiveRecords implements RecordReader {

  static final String EARLIER_EDIT = "earlier-edit";

  private final List<XArchive> archives;
  private final Input progress;
  private final Map<String, Long> skipped = new TreeMap<>();
  private int archiveIndex = -1;
  private XArchive archive;
  private NoteTweets notes;
  private final Deque<String> parts = new ArrayDeque<>();
  private String part;
  private YtdFile file;

  XArchiveRecords(List<XArchive> archives, Input progress) {
    this.archives = archives;
    this.progress = progress;
  }

  @Override
  public TextRecord next() throws IOException {
    while (true) {
      if (file == null) {
        TextRecord problem = openNextPart();
        if (problem != null) {
          return problem;
        }
        if (file == null) {
          return null;
        }
      }
      YtdFile.Element e;
      try {
        e = file.next();
      } catch (CharacterCodingException ex) {
        return brokenPart(RejectReason.INVALID_ENCODING, "is not valid UTF-8");
      } catch (JsonProcessingException ex) {
        return brokenPart(RejectReason.MALFORMED_JSON, "is not valid JSON (" + ex.getOriginalMessage() + ")");
      }
      if (e == null) {
        closePart();
        continue;
      }
      String where = archive.name() + " " + part + ":" + e.line();
      JsonNode tweet = e.node().has("tweet") ? e.node().get("tweet") : e.node();
      if (!tweet.isObject()) {
        return new TextRecord(e.line(), null, new Rejection(RejectReason.MALFORMED_JSON,
            where + ": an element that is not a tweet object", e.node().toString()), where);
      }
      if (earlierEdit(tweet)) {
        skipped.merge(EARLIER_EDIT, 1L, Long::sum);
        continue;
      }
      ObjectNode record = JsonFields.MAPPER.createObjectNode();
      record.put("archive", archive.name());
      record.put("username", archive.account().username());
      record.put("displayName", archive.account().displayName());
      record.set("tweet", tweet);
      if (notes.any()) {
        notes.fullText(JsonFields.text(tweet, "full_text"), createdAt(tweet)).ifPresent(t -> record.put("noteText", t));
      }
      return new TextRecord(e.line(), record.toString(), null, where);
    }
  }

  /** Opens the next part, moving to the next archive when one is done; a part that cannot be read is a rejection. */
  private TextRecord openNextPart() throws IOException {
    while (parts.isEmpty()) {
      if (archiveIndex + 1 >= archives.size()) {
        return null;
      }
      archive = archives.get(++archiveIndex);
      parts.addAll(archive.tweetFiles());
      notes = new NoteTweets(archive.notes());
    }
    part = parts.poll();
    try {
      file = new YtdFile(progress.count(archive.open(part)));
      return null;
    } catch (YtdFile.NotYtd e) {
      return unreadPart(RejectReason.MALFORMED_JSON, e.getMessage());
    } catch (CharacterCodingException e) {
      return unreadPart(RejectReason.INVALID_ENCODING, "is not valid UTF-8");
    }
  }

  private TextRecord unreadPart(RejectReason reason, String what) {
    String where = archive.name() + " " + part;
    return new TextRecord(0, null, new Rejection(reason, where + " " + what + ": none of its tweets is read", null), where);
  }

  private TextRecord brokenPart(RejectReason reason, String what) throws IOException {
    long line = file.line();
    String where = archive.name() + " " + part + ":" + line;
    closePart();
    return new TextRecord(line, null, new Rejection(reason, where + " " + what
        + ": the rest of " + part + " is not read", null), where);
  }

  private void closePart() throws IOException {
    try {
      file.close();
    } catch (IOException ignored) {
      // a broken part
    }
    file = null;
  }

  /** An edited post's version that is not the last of its edit chain ({@code edit_info}). */
  static boolean earlierEdit(JsonNode tweet) {
    JsonNode info = tweet.path("edit_info");
    JsonNode ids = info.path("initial").path("editTweetIds");
    if (!ids.isArray()) {
      ids = info.path("edit").path("editControlInitial").path("editTweetIds");
    }
    if (!ids.isArray() || ids.isEmpty()) {
      return false;
    }
    String last = ids.get(ids.size() - 1).asText();
    String id = tweet.hasNonNull("id_str") ? tweet.get("id_str").asText() : tweet.path("id").asText();
    return !last.isEmpty() && !last.equals(id);
  }

  private static Instant createdAt(JsonNode tweet) {
    String s = JsonFields.text(tweet, "created_at");
    try {
      return s == null ? null : StatusJson.CREATED_AT.parse(s.strip(), Instant::from);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Override
  public Map<String, Long> skipped() {
    return Map.copyOf(skipped);
  }

  @Override
  public void close() throws IOException {
    if (file != null) {
      closePart();
    }
    IOException first = null;
    for (XArchive a : archives) {
      try {
        a.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
